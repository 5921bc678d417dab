import { describe, expect, it } from 'vitest';
import {
  checkOrder,
  limitChangeAllowed,
  TERM_BILLING_LABELS,
  termBillingFor,
  validateRequestedLimit,
  type CreditSituation,
} from '../../../src/domain/credit/index.js';

const analyses = (...situations: CreditSituation[]) => situations.map((situation) => ({ situation }));

describe('limit change (FSPL0250: only with at least one approved analysis)', () => {
  it('is refused for a customer without analyses', () => {
    expect(limitChangeAllowed([])).toEqual({
      ok: false,
      reason: 'Alteração de limite: disponível só para cliente com ao menos uma análise de crédito aprovada',
    });
  });

  it('is refused when every analysis was rejected, cancelled or failed', () => {
    expect(limitChangeAllowed(analyses('rejected', 'cancelled', 'failed')).ok).toBe(false);
  });

  it('is allowed after one approval, even if a later analysis was rejected', () => {
    expect(limitChangeAllowed(analyses('approved', 'rejected'))).toEqual({ ok: true });
  });

  it('is refused while another analysis is in progress, naming its situation', () => {
    expect(limitChangeAllowed(analyses('approved', 'under_review'))).toEqual({
      ok: false,
      reason: 'Alteração de limite: já existe uma análise em andamento (Em Análise)',
    });
  });

  it('needs a requested limit above zero', () => {
    expect(validateRequestedLimit(1)).toEqual({ ok: true });
    expect(validateRequestedLimit(0)).toEqual({
      ok: false,
      reason: 'Limite sugerido: informe um valor maior que zero',
    });
    expect(validateRequestedLimit(10.5).ok).toBe(false);
  });
});

describe('Faturamento a Prazo', () => {
  it('reads Liberado or Bloqueado (FSPL0250: "podendo ser liberado ou bloqueado")', () => {
    expect(TERM_BILLING_LABELS).toEqual({ released: 'Liberado', blocked: 'Bloqueado' });
  });

  it('is released for an active customer with an approved limit', () => {
    expect(termBillingFor({ situation: 'active', approvedLimitCents: 1_000_00 })).toEqual({
      status: 'released',
    });
  });

  it.each([
    ['blocked_credit', 'cliente bloqueado por crédito na plataforma'],
    ['blocked_overdue', 'cliente bloqueado por atraso na plataforma'],
    ['card_not_enabled', 'cartão do cliente não habilitado na plataforma'],
    ['failed', 'o cadastro do cliente não chegou à plataforma (Falha)'],
  ] as const)('is blocked for %s with the reason', (situation, why) => {
    expect(termBillingFor({ situation, approvedLimitCents: 1_000_00 })).toEqual({
      status: 'blocked',
      reason: `Faturamento a prazo bloqueado: ${why}`,
    });
  });

  it('is blocked for an active customer without a limit, and for one never sent', () => {
    expect(termBillingFor({ situation: 'active', approvedLimitCents: 0 }).status).toBe('blocked');
    expect(termBillingFor({ situation: null, approvedLimitCents: null })).toEqual({
      status: 'blocked',
      reason: 'Faturamento a prazo bloqueado: cliente ainda não enviado à plataforma de crédito',
    });
  });
});

describe('order check', () => {
  const released = { status: 'released' } as const;

  it('answers blocked with the term-billing reason whatever the ticket says', () => {
    const blocked = termBillingFor({ situation: 'blocked_overdue', approvedLimitCents: 5_00 });
    expect(checkOrder(blocked, { status: 'approved' })).toEqual({
      status: 'blocked',
      reason: 'Faturamento a prazo bloqueado: cliente bloqueado por atraso na plataforma',
    });
  });

  it('follows the ticket when term billing is released', () => {
    expect(checkOrder(released, { status: 'approved' })).toEqual({ status: 'released' });
    expect(checkOrder(released, { status: 'pending' }).status).toBe('waiting');
    expect(checkOrder(released, null).status).toBe('waiting');
    expect(checkOrder(released, { status: 'denied', reason: 'Limite disponível insuficiente' })).toEqual({
      status: 'blocked',
      reason: 'Ticket de crédito negado: Limite disponível insuficiente',
    });
    expect(checkOrder(released, { status: 'cancelled' }).status).toBe('blocked');
  });
});
