/** The names of the events finconsole sends to the ERP (payloads: services/events.ts). */
export const erpEventNames = [
  'titulo.created',
  'titulo.changed',
  'titulo.registered',
  'titulo.registration_failed',
  'titulo.changed_at_platform',
  'titulo.paid',
  'titulo.settled',
  'titulo.reversed',
] as const;
export type ErpEventName = (typeof erpEventNames)[number];
