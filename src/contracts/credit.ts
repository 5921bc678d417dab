/** The credit platform on the ERP API: credit requests, a customer's credit, reconciliation records. */
import { z } from 'zod';
import { creditSituations, customerSituations } from '../domain/credit/index.js';
import { reconciliationSituations } from '../domain/reconciliation/index.js';
import { cents, nonNegativeCents, pageSchema, paginationQuery, positiveCents } from './common.js';

export const creditRequestBody = z.object({
  kind: z
    .enum(['concession', 'limit_change'], { error: 'kind deve ser concession ou limit_change' })
    .default('concession')
    .meta({ description: 'concession: concessão de crédito; limit_change: alteração de limite' }),
  suggestedLimitCents: positiveCents.meta({
    description: 'Limite sugerido (apenas sugestão: a plataforma concede o que decidir)',
  }),
  emergency: z.boolean().default(false).meta({ description: 'Emergencial' }),
  erpCreditLimitCents: nonNegativeCents.default(0).meta({ description: 'Limite de crédito do ERP' }),
  salesLast12Months: z
    .array(
      z.object({
        month: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'month deve ser AAAA-MM' })
          .meta({ example: '2026-11' }),
        amountCents: nonNegativeCents,
      }),
    )
    .max(12, { error: 'salesLast12Months: no máximo 12 meses' })
    .default([]),
});

export const creditAnalysisSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['concession', 'limit_change']),
  situation: z.enum(creditSituations),
  situationLabel: z.string(),
  analysisCode: z.string().nullable(),
  requestedLimitCents: cents,
  grantedLimitCents: cents.nullable(),
  emergency: z.boolean(),
  erpCreditLimitCents: cents,
  reason: z.string().nullable(),
  createdAt: z.string(),
});

export const customerCreditSchema = z.object({
  customerErpKey: z.string(),
  name: z.string(),
  document: z.string(),
  customerSituation: z.enum(customerSituations).nullable(),
  customerSituationLabel: z.string().nullable(),
  creditSituation: z.enum(creditSituations).nullable(),
  creditSituationLabel: z.string().nullable(),
  lastAnalysisCode: z.string().nullable(),
  approvedLimitCents: cents,
  availableLimitCents: cents,
  termBilling: z.discriminatedUnion('status', [
    z.object({ status: z.literal('released') }),
    z.object({ status: z.literal('blocked'), reason: z.string() }),
  ]),
  analyses: z.array(creditAnalysisSchema),
});

export const reconciliationRunSchema = z.object({
  fetched: z.number().int(),
  stored: z.number().int(),
  acknowledged: z.number().int(),
});

export const reconciliationRecordSchema = z.object({
  id: z.uuid(),
  entryId: z.string(),
  eventCode: z.string(),
  entryType: z.enum(['credit', 'debit']),
  amountCents: cents,
  feeCents: cents,
  customerDocument: z.string(),
  invoiceNumber: z.string().nullable(),
  invoiceSeries: z.string().nullable(),
  receivableErpKey: z.string().nullable(),
  occurredOn: z.string(),
  situation: z.enum(reconciliationSituations),
  situationLabel: z.string(),
  reason: z.string().nullable(),
  reconcilable: z.boolean(),
});

export const reconciliationListQuery = z.object({
  entryId: z.string().optional(),
  eventCode: z.string().optional(),
  situation: z
    .enum(reconciliationSituations, {
      error: `situation deve ser um de: ${reconciliationSituations.join(', ')}`,
    })
    .optional(),
  ...paginationQuery,
});

export const reconciliationPageSchema = pageSchema(reconciliationRecordSchema);

export const reconciliationSelectionBody = z.object({
  ids: z
    .array(z.uuid({ error: 'ids: cada item deve ser o id (uuid) de um registro de conciliação' }))
    .min(1, { error: 'ids: selecione ao menos um registro' })
    .max(500, { error: 'ids: no máximo 500 registros por vez' }),
});

export const reconciliationOutcomesSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      situation: z.enum(reconciliationSituations),
      ok: z.boolean(),
      reason: z.string().nullable(),
    }),
  ),
});
