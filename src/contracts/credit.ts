/** The credit platform on the ERP API: credit requests, a customer's credit, reconciliation records. */
import { z } from 'zod';
import { creditSituations, customerSituations, platformJobIds } from '../domain/credit/index.js';
import { reconciliationSituations } from '../domain/reconciliation/index.js';
import { cents, nonNegativeCents, pageSchema, paginationQuery, positiveCents } from './common.js';

const salesLast12Months = z
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
  .refine((months) => new Set(months.map((m) => m.month)).size === months.length, {
    error: 'salesLast12Months: cada mês só uma vez',
  });

/** The ERP's view of the customer's credit, sent with every credit request. */
export const creditProfileBody = z.object({
  erpCreditLimitCents: nonNegativeCents.meta({ description: 'Limite de crédito do ERP' }),
  salesLast12Months: salesLast12Months.default([]).meta({ description: 'Vendas dos últimos 12 meses' }),
});

export const creditProfileSchema = z.object({
  customerErpKey: z.string(),
  erpCreditLimitCents: cents,
  salesLast12Months: z.array(z.object({ month: z.string(), amountCents: cents })),
  updatedAt: z.string(),
});

export const creditRequestBody = z.object({
  kind: z
    .enum(['concession', 'limit_change'], { error: 'kind deve ser concession ou limit_change' })
    .default('concession')
    .meta({ description: 'concession: concessão de crédito; limit_change: alteração de limite' }),
  suggestedLimitCents: positiveCents.meta({
    description: 'Limite sugerido (apenas sugestão: a plataforma concede o que decidir)',
  }),
  emergency: z.boolean().default(false).meta({ description: 'Emergencial' }),
  erpCreditLimitCents: nonNegativeCents
    .optional()
    .meta({ description: 'Limite de crédito do ERP (ausente: o do perfil de crédito do cliente)' }),
  salesLast12Months: salesLast12Months
    .optional()
    .meta({ description: 'Vendas dos últimos 12 meses (ausente: as do perfil de crédito do cliente)' }),
});

export const termBillingSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('released') }),
  z.object({ status: z.literal('blocked'), reason: z.string() }),
]);

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
  termBilling: termBillingSchema,
  analyses: z.array(creditAnalysisSchema),
});

export const reconciliationRunSchema = z.object({
  fetched: z.number().int(),
  stored: z.number().int(),
  acknowledged: z.number().int(),
});

export const reconciliationRecordSchema = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  customerName: z.string().nullable(),
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
  sort: z.enum(['occurredOn'], { error: 'sort deve ser occurredOn' }).optional(),
  order: z.enum(['asc', 'desc'], { error: 'order deve ser asc ou desc' }).optional(),
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

// ── Console: Crédito de Clientes ────────────────────────────────────────────────────────────────────────────────

export const creditCustomerListQuery = z.object({
  sort: z.enum(['name'], { error: 'sort deve ser name' }).optional(),
  order: z.enum(['asc', 'desc'], { error: 'order deve ser asc ou desc' }).optional(),
  q: z.string().max(200, { error: 'q: no máximo 200 caracteres' }).optional(),
  customerSituation: z
    .enum(customerSituations, { error: `customerSituation deve ser um de: ${customerSituations.join(', ')}` })
    .optional(),
  creditSituation: z
    .enum(creditSituations, { error: `creditSituation deve ser um de: ${creditSituations.join(', ')}` })
    .optional(),
  ...paginationQuery,
});

export const creditCustomerItemSchema = z.object({
  customerId: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  erpKey: z.string(),
  name: z.string(),
  document: z.string(),
  establishments: z.string().nullable().meta({ description: 'Estabelecimentos do cliente' }),
  customerSituation: z.enum(customerSituations).nullable(),
  customerSituationLabel: z.string().nullable(),
  creditSituation: z.enum(creditSituations).nullable(),
  creditSituationLabel: z.string().nullable(),
  lastAnalysisCode: z.string().nullable(),
  approvedLimitCents: cents,
  availableLimitCents: cents,
  termBilling: termBillingSchema,
  limitChange: z.discriminatedUnion('allowed', [
    z.object({ allowed: z.literal(true) }),
    z.object({ allowed: z.literal(false), reason: z.string() }),
  ]),
});

export const creditCustomerPageSchema = pageSchema(creditCustomerItemSchema);

export const creditCandidatesQuery = z.object({
  companyId: z.uuid({ error: 'companyId deve ser o id (uuid) de uma empresa' }),
  q: z.string().max(200, { error: 'cliente: no máximo 200 caracteres' }).optional(),
  codes: z
    .string()
    .max(4000, { error: 'codes: no máximo 4000 caracteres' })
    .optional()
    .meta({ description: 'Múltiplos clientes: códigos do ERP separados por vírgula' }),
});

export const creditCandidateSchema = z.object({
  customerId: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  erpKey: z.string(),
  name: z.string(),
  document: z.string(),
  establishments: z.string().nullable(),
  erpCreditLimitCents: cents.nullable(),
});

export const creditCandidatesSchema = z.object({
  items: z.array(creditCandidateSchema),
  unknownCodes: z.array(z.string()).meta({ description: 'Códigos informados que a empresa não tem' }),
});

export const consoleCreditRequestBody = z.object({
  companyId: z.uuid({ error: 'companyId deve ser o id (uuid) de uma empresa' }),
  customerIds: z
    .array(z.uuid({ error: 'customerIds: cada item deve ser o id (uuid) de um cliente' }))
    .min(1, { error: 'Clientes: selecione ao menos um cliente' })
    .max(200, { error: 'Clientes: no máximo 200 por solicitação' }),
  suggestedLimitCents: positiveCents.meta({ description: 'Limite sugerido' }),
  emergency: z.boolean().default(false).meta({ description: 'Emergencial' }),
});

export const creditRequestOutcomesSchema = z.object({
  results: z.array(
    z.object({
      customerId: z.string(),
      name: z.string(),
      ok: z.boolean(),
      analysis: creditAnalysisSchema.nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export const limitChangeBody = z.object({
  suggestedLimitCents: positiveCents.meta({ description: 'Novo limite sugerido' }),
});

export const creditMessageSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  operation: z.string(),
  httpStatus: z.number().int().nullable(),
  outcome: z.string(),
  requestBody: z.unknown(),
  responseBody: z.unknown(),
});

export const creditHistorySchema = z.object({
  customer: creditCustomerItemSchema,
  /** Situações de crédito: every analysis event, newest first. */
  creditSituations: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      actor: z.string(),
      actorName: z.string().nullable(),
      kind: z.enum(['concession', 'limit_change']),
      situation: z.enum(creditSituations),
      situationLabel: z.string(),
      analysisCode: z.string().nullable(),
      requestedLimitCents: cents.nullable(),
      grantedLimitCents: cents.nullable(),
      reason: z.string().nullable(),
    }),
  ),
  /** Situações do cliente, newest first. */
  customerSituations: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      actor: z.string(),
      actorName: z.string().nullable(),
      situation: z.enum(customerSituations),
      situationLabel: z.string(),
      approvedLimitCents: cents.nullable(),
      availableLimitCents: cents.nullable(),
    }),
  ),
  messages: z.array(creditMessageSchema),
});

// ── Console: the credit platform's scheduled jobs ───────────────────────────────────────────────────────────────

export const platformJobSchema = z.object({
  companyId: z.uuid(),
  job: z.enum(platformJobIds),
  label: z.string(),
  schedule: z.string(),
  nextRunAt: z.string(),
  running: z.boolean(),
  lastStartedAt: z.string().nullable(),
  lastFinishedAt: z.string().nullable(),
  lastOutcome: z.enum(['ok', 'error']).nullable(),
  lastSummary: z.unknown(),
});

export const platformJobRunBody = z.object({
  companyId: z.uuid({ error: 'companyId deve ser o id (uuid) de uma empresa' }),
});

export const platformJobParams = z.object({
  job: z.enum(platformJobIds, { error: `job deve ser um de: ${platformJobIds.join(', ')}` }),
});

export const platformJobRunSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ran'), outcome: z.enum(['ok', 'error']), summary: z.unknown() }),
  z.object({ status: z.literal('already_running') }),
]);
