/** A retorno record's processing situation (Não Processado, Processado, Falha) and how the Retorno list sorts. */
export const retornoSituations = ['not_processed', 'processed', 'failed'] as const;
export type RetornoSituation = (typeof retornoSituations)[number];

export const retornoSorts = ['occurredAt', 'paidOn', 'creditedOn', 'paidCents', 'situation'] as const;
export type RetornoSort = (typeof retornoSorts)[number];
