/**
 * The credit platform's financial events (FSPL0250, aba "Conciliação", "Tp. Evento"), with the seed's own wording.
 * Reconcilable events move the título they name; DIVCOM, DEBNF and BXSLDN are "apenas informativos … não será
 * possível a execução de conciliação para os mesmos" (they concern no título of a sale). Any other code is a
 * failure with its reason, so a new reconcilable code is never hidden as informative.
 */
export type EntryType = 'credit' | 'debit';

export const ENTRY_TYPE_LABELS: Readonly<Record<EntryType, string>> = { credit: 'Crédito', debit: 'Débito' };

export const reconcilableEventCodes = [
  'IMPL',
  'CANCE',
  'CANCEP',
  'RPASSC',
  'RPASSP',
  'RPASSI',
  'BONIFI',
] as const;
export type ReconcilableEventCode = (typeof reconcilableEventCodes)[number];

export const informativeEventCodes = ['DIVCOM', 'DEBNF', 'BXSLDN'] as const;
export type InformativeEventCode = (typeof informativeEventCodes)[number];

export type KnownEventCode = ReconcilableEventCode | InformativeEventCode;

export interface EventType {
  code: KnownEventCode;
  /** The seed's description ("Crédito por implantação de faturamento"). */
  description: string;
  reconcilable: boolean;
  /** The direction the seed states for the event; the informative ones state none. */
  direction: EntryType | null;
}

export const EVENT_TYPES: Readonly<Record<KnownEventCode, EventType>> = {
  IMPL: {
    code: 'IMPL',
    description: 'Crédito por implantação de faturamento',
    reconcilable: true,
    direction: 'credit',
  },
  CANCE: {
    code: 'CANCE',
    description: 'Débito por cancelamento total',
    reconcilable: true,
    direction: 'debit',
  },
  CANCEP: {
    code: 'CANCEP',
    description: 'Débito por cancelamento parcial',
    reconcilable: true,
    direction: 'debit',
  },
  RPASSC: {
    code: 'RPASSC',
    description: 'Taxa por Cancelamento de Contrato',
    reconcilable: true,
    direction: 'debit',
  },
  RPASSP: {
    code: 'RPASSP',
    description: 'Taxa por Prorrogação de Vencimentos',
    reconcilable: true,
    direction: 'debit',
  },
  RPASSI: { code: 'RPASSI', description: 'Repasse de IOF', reconcilable: true, direction: 'debit' },
  BONIFI: {
    code: 'BONIFI',
    description: 'Débito por lançamento de bonificação',
    reconcilable: true,
    direction: 'debit',
  },
  DIVCOM: { code: 'DIVCOM', description: 'Divergência Comercial', reconcilable: false, direction: null },
  DEBNF: {
    code: 'DEBNF',
    description: 'Débito referente a cobrança de Nota Fiscal emitida',
    reconcilable: false,
    direction: null,
  },
  BXSLDN: {
    code: 'BXSLDN',
    description: 'Baixa de saldo negativo por pagamento via nota de débito',
    reconcilable: false,
    direction: null,
  },
};

export function findEventType(code: string): EventType | undefined {
  return Object.hasOwn(EVENT_TYPES, code) ? EVENT_TYPES[code as KnownEventCode] : undefined;
}

export function isReconcilableEventCode(code: string): code is ReconcilableEventCode {
  return findEventType(code)?.reconcilable === true;
}
