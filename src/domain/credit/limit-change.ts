/**
 * FSPL0250, "Alteração de Limite": "Ação apenas disponível caso o cliente possuir pelo menos uma (1) análise de
 * Situação de Crédito aprovada pela Supplier."
 */
import { creditSituationMachine, openCreditSituations, type CreditSituation } from './situations.js';

export type Verdict = { ok: true } | { ok: false; reason: string };

export function limitChangeAllowed(analyses: readonly { situation: CreditSituation }[]): Verdict {
  if (!analyses.some((analysis) => analysis.situation === 'approved'))
    return {
      ok: false,
      reason: 'Alteração de limite: disponível só para cliente com ao menos uma análise de crédito aprovada',
    };
  // Two requests in flight would race for the same limit; the platform answers one at a time.
  const open = analyses.find((analysis) => openCreditSituations.includes(analysis.situation));
  if (open)
    return {
      ok: false,
      reason: `Alteração de limite: já existe uma análise em andamento (${creditSituationMachine.labels[open.situation]})`,
    };
  return { ok: true };
}

export function validateRequestedLimit(cents: number, field = 'Limite sugerido'): Verdict {
  if (!Number.isSafeInteger(cents) || cents <= 0)
    return { ok: false, reason: `${field}: informe um valor maior que zero` };
  return { ok: true };
}
