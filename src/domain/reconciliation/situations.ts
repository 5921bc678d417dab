/** "Situação" of a reconciliation record (FSPL0250): Não Conciliado, Conciliado, Informativo, Falha. */
import { defineStateMachine } from '../state-machine.js';
import { EVENT_TYPES, findEventType, type EntryType } from './events.js';

export const reconciliationSituations = ['not_reconciled', 'reconciled', 'informative', 'failed'] as const;
export type ReconciliationSituation = (typeof reconciliationSituations)[number];

/**
 * Conciliar: not_reconciled → reconciled; Excluir conciliação: reconciled → not_reconciled; a failure while
 * reconciling (the título cannot take the posting): not_reconciled → failed; a failed record is classified again
 * (failed → not_reconciled) once what it lacked exists, e.g. the customer or the invoice reached us. Informative
 * records never move.
 */
export const reconciliationSituationMachine = defineStateMachine<ReconciliationSituation>({
  name: 'Situação da conciliação',
  labels: {
    not_reconciled: 'Não Conciliado',
    reconciled: 'Conciliado',
    informative: 'Informativo',
    failed: 'Falha',
  },
  next: {
    not_reconciled: ['reconciled', 'failed'],
    reconciled: ['not_reconciled'],
    failed: ['not_reconciled'],
    informative: [],
  },
  finalReasons: {
    informative: 'Registro informativo: não é possível conciliar nem excluir a conciliação',
  },
});

export interface IncomingEvent {
  eventCode: string;
  entryType: EntryType;
  amountCents: number;
  feeCents: number;
}

/** What we could match the event to; only reconcilable events need a customer and a título. */
export interface EventMatch {
  customerFound: boolean;
  receivableFound: boolean;
}

export type Classification =
  { situation: 'not_reconciled' | 'informative' } | { situation: 'failed'; reason: string };

/** The situation an incoming event is stored with. Every event is stored; a failure says why. */
export function classifyEvent(event: IncomingEvent, match: EventMatch): Classification {
  const type = findEventType(event.eventCode);
  if (!type)
    return {
      situation: 'failed',
      reason: `Tp. Evento "${event.eventCode}" não cadastrado: o registro fica em Falha até o tipo ser configurado`,
    };
  if (!type.reconcilable) return { situation: 'informative' };
  if (type.direction !== event.entryType)
    return {
      situation: 'failed',
      reason:
        `Tp. Lcto ${event.entryType === 'credit' ? 'Crédito' : 'Débito'} não corresponde ao evento ` +
        `${type.code} (${EVENT_TYPES[type.code].description})`,
    };
  if (event.amountCents < 0 || event.feeCents < 0)
    return { situation: 'failed', reason: 'Valor Lcto e Valor Taxa não podem ser negativos' };
  if (event.amountCents === 0 && event.feeCents === 0)
    return { situation: 'failed', reason: 'Valor Lcto e Valor Taxa zerados: nada a conciliar' };
  if (!match.customerFound)
    return { situation: 'failed', reason: 'Cliente do registro não encontrado na empresa' };
  if (!match.receivableFound)
    return {
      situation: 'failed',
      reason: 'Nenhum título da nota fiscal do registro (Título ERP não encontrado)',
    };
  return { situation: 'not_reconciled' };
}

/** Conciliar is offered for a selection only when at least one record may move to reconciled. */
export function canReconcile(record: { situation: ReconciliationSituation }) {
  return reconciliationSituationMachine.transition(record.situation, 'reconciled');
}
