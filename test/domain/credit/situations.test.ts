import { describe, expect, it } from 'vitest';
import {
  creditSituationMachine,
  creditSituations,
  customerSituationMachine,
  customerSituations,
} from '../../../src/domain/credit/index.js';

// FSPL0250: "Situação do Cliente … Possíveis status: Ativo, Bloqueado por crédito, Bloqueado por Atraso, Cartão não
// Habilitado, Falha." / "Situação Crédito … Em Processamento, Aprovado, Em Análise, Rejeitado, Cancelado, Pendente,
// Enviado, Falha."
describe('labels from the seed', () => {
  it('Situação Crédito has exactly the seed’s eight labels', () => {
    expect(Object.values(creditSituationMachine.labels).sort()).toEqual(
      [
        'Em Processamento',
        'Aprovado',
        'Em Análise',
        'Rejeitado',
        'Cancelado',
        'Pendente',
        'Enviado',
        'Falha',
      ].sort(),
    );
  });
  it('Situação do Cliente has exactly the seed’s five labels', () => {
    expect(Object.values(customerSituationMachine.labels).sort()).toEqual(
      ['Ativo', 'Bloqueado por crédito', 'Bloqueado por Atraso', 'Cartão não Habilitado', 'Falha'].sort(),
    );
  });
});

const creditAllowed = new Set([
  'pending>sent',
  'pending>failed',
  'pending>cancelled',
  'sent>processing',
  'sent>under_review',
  'sent>approved',
  'sent>rejected',
  'sent>cancelled',
  'sent>failed',
  'processing>under_review',
  'processing>approved',
  'processing>rejected',
  'processing>cancelled',
  'processing>failed',
  'under_review>approved',
  'under_review>rejected',
  'under_review>cancelled',
  'failed>pending',
]);

describe('Situação Crédito transitions', () => {
  for (const from of creditSituations)
    for (const to of creditSituations) {
      const allowed = creditAllowed.has(`${from}>${to}`);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const result = creditSituationMachine.transition(from, to);
        expect(result.ok).toBe(allowed);
        if (!result.ok) expect(result.reason).toMatch(/^Situação Crédito: /);
      });
    }

  it('a refusal names both situations in pt-BR', () => {
    expect(creditSituationMachine.transition('pending', 'approved')).toEqual({
      ok: false,
      reason: 'Situação Crédito: não é possível passar de "Pendente" para "Aprovado"',
    });
  });

  it('an ended analysis says what to do instead', () => {
    const result = creditSituationMachine.transition('approved', 'under_review');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('alteração de limite');
  });
});

const reported = ['active', 'blocked_credit', 'blocked_overdue', 'card_not_enabled'];

describe('Situação do Cliente transitions', () => {
  for (const from of customerSituations)
    for (const to of customerSituations) {
      // The platform moves a customer between the situations it reports; Falha is only a registration that never
      // reached it, so it may be left for any reported situation and is never entered again.
      const allowed = from !== to && to !== 'failed' && (reported.includes(from) || from === 'failed');
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const result = customerSituationMachine.transition(from, to);
        expect(result.ok).toBe(allowed);
        if (!result.ok) expect(result.reason).toMatch(/^Situação do Cliente: não é possível passar de "/);
      });
    }
});
