import { describe, expect, it } from 'vitest';
import {
  canReconcile,
  reconciliationSituationMachine,
  reconciliationSituations,
} from '../../../src/domain/reconciliation/index.js';

const allowed = new Set([
  'not_reconciled>reconciled',
  'not_reconciled>failed',
  'reconciled>not_reconciled',
  'failed>not_reconciled',
]);

describe('reconciliation situations', () => {
  it('carry the seed’s labels (Não Conciliado, Conciliado, Informativo, Falha)', () => {
    expect(reconciliationSituationMachine.labels).toEqual({
      not_reconciled: 'Não Conciliado',
      reconciled: 'Conciliado',
      informative: 'Informativo',
      failed: 'Falha',
    });
  });

  for (const from of reconciliationSituations)
    for (const to of reconciliationSituations)
      it(`${from} → ${to}: ${allowed.has(`${from}>${to}`) ? 'allowed' : 'refused'}`, () => {
        expect(reconciliationSituationMachine.transition(from, to).ok).toBe(allowed.has(`${from}>${to}`));
      });

  it('Conciliar refuses informative, failed and already reconciled records with a pt-BR reason', () => {
    expect(canReconcile({ situation: 'not_reconciled' }).ok).toBe(true);
    expect(canReconcile({ situation: 'informative' })).toEqual({
      ok: false,
      reason: 'Registro informativo: não é possível conciliar nem excluir a conciliação',
    });
    expect(canReconcile({ situation: 'failed' })).toEqual({
      ok: false,
      reason: 'Situação da conciliação: não é possível passar de "Falha" para "Conciliado"',
    });
    expect(canReconcile({ situation: 'reconciled' }).ok).toBe(false);
  });
});
