import { describe, expect, it } from 'vitest';
import {
  classifyEvent,
  ENTRY_TYPE_LABELS,
  EVENT_TYPES,
  isReconcilableEventCode,
  type EntryType,
} from '../../../src/domain/reconciliation/index.js';

const found = { customerFound: true, receivableFound: true };
const event = (eventCode: string, entryType: EntryType, amountCents = 100_00, feeCents = 0) => ({
  eventCode,
  entryType,
  amountCents,
  feeCents,
});

// FSPL0250, "Tp. Evento", in the seed's own words and direction.
const seedTable: [string, string, EntryType][] = [
  ['IMPL', 'Crédito por implantação de faturamento', 'credit'],
  ['CANCE', 'Débito por cancelamento total', 'debit'],
  ['CANCEP', 'Débito por cancelamento parcial', 'debit'],
  ['RPASSC', 'Taxa por Cancelamento de Contrato', 'debit'],
  ['RPASSP', 'Taxa por Prorrogação de Vencimentos', 'debit'],
  ['RPASSI', 'Repasse de IOF', 'debit'],
  ['BONIFI', 'Débito por lançamento de bonificação', 'debit'],
];
const informative = ['DIVCOM', 'DEBNF', 'BXSLDN'];

describe('reconcilable event types', () => {
  it('Tp. Lcto reads Crédito or Débito', () => {
    expect(ENTRY_TYPE_LABELS).toEqual({ credit: 'Crédito', debit: 'Débito' });
  });

  it.each(seedTable)('%s: "%s", %s, is stored Não Conciliado', (code, description, direction) => {
    expect(EVENT_TYPES[code as keyof typeof EVENT_TYPES]).toMatchObject({
      description,
      direction,
      reconcilable: true,
    });
    expect(isReconcilableEventCode(code)).toBe(true);
    expect(classifyEvent(event(code, direction), found)).toEqual({ situation: 'not_reconciled' });
  });

  it.each(seedTable)('%s with the opposite Tp. Lcto is a failure', (code, _d, direction) => {
    const result = classifyEvent(event(code, direction === 'credit' ? 'debit' : 'credit'), found);
    expect(result.situation).toBe('failed');
    expect(result.situation === 'failed' && result.reason).toContain(`não corresponde ao evento ${code}`);
  });

  it('a reconcilable event for an unknown customer or invoice is stored as Falha with the reason', () => {
    expect(classifyEvent(event('IMPL', 'credit'), { customerFound: false, receivableFound: false })).toEqual({
      situation: 'failed',
      reason: 'Cliente do registro não encontrado na empresa',
    });
    expect(classifyEvent(event('IMPL', 'credit'), { customerFound: true, receivableFound: false })).toEqual({
      situation: 'failed',
      reason: 'Nenhum título da nota fiscal do registro (Título ERP não encontrado)',
    });
  });

  it('negative or all-zero amounts are failures', () => {
    expect(classifyEvent(event('RPASSI', 'debit', -1), found).situation).toBe('failed');
    expect(classifyEvent(event('RPASSI', 'debit', 0, 0), found).situation).toBe('failed');
    expect(classifyEvent(event('RPASSI', 'debit', 0, 5), found).situation).toBe('not_reconciled');
  });
});

describe('informative event types (never reconcilable)', () => {
  it.each(informative)('%s is Informativo in either direction, even without customer or título', (code) => {
    expect(isReconcilableEventCode(code)).toBe(false);
    for (const entryType of ['credit', 'debit'] as const)
      expect(classifyEvent(event(code, entryType), { customerFound: false, receivableFound: false })).toEqual(
        {
          situation: 'informative',
        },
      );
  });
});

describe('unknown event codes', () => {
  it.each(['XPTO', 'impl', '', 'constructor', 'toString'])('"%s" is Falha naming the code', (code) => {
    expect(isReconcilableEventCode(code)).toBe(false);
    expect(classifyEvent(event(code, 'credit'), found)).toEqual({
      situation: 'failed',
      reason: `Tp. Evento "${code}" não cadastrado: o registro fica em Falha até o tipo ser configurado`,
    });
  });
});
