/** The console's Retorno tab: what the platforms sent back, one record per event, with totals of the filter. */
import { z } from 'zod';
import { retornoSituations, retornoSorts } from '../domain/settlement/retornos.js';
import { platformCodes } from '../platforms/adapter.js';
import { calendarDate, companyIdField, pageSchema, paginationQuery } from './common.js';

export const consoleRetornoListQuery = z.object({
  companyId: companyIdField,
  company: z
    .uuid({ error: 'company deve ser o id (uuid) de uma empresa' })
    .optional()
    .meta({ description: 'Filtro Empresa: uma das empresas do escopo (ex. uma filha da consolidada)' }),
  platform: z
    .enum(platformCodes, { error: `plataforma deve ser uma de: ${platformCodes.join(', ')}` })
    .optional(),
  portadorId: z.uuid({ error: 'portadorId deve ser o id (uuid) de um portador' }).optional(),
  paidFrom: calendarDate.optional().meta({ description: 'Data de entrada no banco, desde' }),
  paidTo: calendarDate.optional().meta({ description: 'Data de entrada no banco, até' }),
  situation: z
    .enum(retornoSituations, { error: 'situação deve ser not_processed, processed ou failed' })
    .optional(),
  q: z.string().trim().max(200).optional().meta({
    description: 'Busca em título, cliente, nosso número, evento e observações',
  }),
  sort: z.enum(retornoSorts, { error: `sort deve ser um de: ${retornoSorts.join(', ')}` }).optional(),
  order: z.enum(['asc', 'desc'], { error: 'order deve ser asc ou desc' }).optional(),
  ...paginationQuery,
});
export type ConsoleRetornoListQuery = z.infer<typeof consoleRetornoListQuery>;

const amounts = {
  paidCents: z.number().int(),
  discountCents: z.number().int(),
  interestCents: z.number().int(),
  otherCostsCents: z.number().int(),
  collectionCostCents: z.number().int(),
  feeCents: z.number().int(),
};

export const retornoSchema = z
  .object({
    id: z.uuid(),
    platform: z.string(),
    companyId: z.uuid(),
    companyName: z.string(),
    receivableId: z.string().nullable(),
    number: z.string().nullable(),
    installment: z.number().int().nullable(),
    customerName: z.string().nullable(),
    occurrenceCode: z.string(),
    occurrenceDescription: z.string().meta({ description: 'Evento' }),
    occurredAt: z.string(),
    processedAt: z.string().nullable().meta({ description: 'Processamento' }),
    paidOn: z.string().nullable().meta({ description: 'Data de entrada no banco' }),
    creditedOn: z.string().nullable().meta({ description: 'Data de crédito' }),
    situation: z.enum(retornoSituations),
    ...amounts,
    nossoNumero: z.string().nullable(),
    note: z.string().nullable().meta({ description: 'Observações (o motivo de uma falha)' }),
  })
  .meta({ id: 'Retorno' });

export const retornoPageSchema = pageSchema(retornoSchema)
  .extend({ totals: z.object(amounts).meta({ description: 'Somas de todos os retornos do filtro' }) })
  .meta({ id: 'RetornoPage' });
export type RetornoPage = z.infer<typeof retornoPageSchema>;

export const retornoProcessBody = z
  .object({
    companyId: companyIdField.optional(),
    ids: z
      .array(z.uuid({ error: 'ids deve ter ids (uuid) de retornos' }))
      .min(1, { error: 'selecione ao menos um retorno' })
      .max(500, { error: 'no máximo 500 retornos por vez' }),
  })
  .meta({ id: 'RetornoProcessRequest' });

export const retornoOutcomeSchema = z.object({
  id: z.uuid(),
  situation: z.enum(retornoSituations),
  note: z.string().nullable(),
});

export const retornoProcessResultSchema = z
  .object({
    items: z.array(retornoOutcomeSchema),
    processed: z.number().int(),
    failed: z.number().int(),
    notFound: z.array(z.string()).meta({ description: 'ids fora do alcance do usuário ou inexistentes' }),
  })
  .meta({ id: 'RetornoProcessResult' });
export type RetornoProcessResult = z.infer<typeof retornoProcessResultSchema>;

export const retornoHistorySchema = z
  .object({
    retorno: retornoSchema,
    titulo: z
      .object({
        id: z.uuid(),
        erpKey: z.string(),
        document: z.string(),
        number: z.string(),
        installment: z.number().int(),
        customerName: z.string(),
        issueDate: z.string(),
        dueDate: z.string(),
        amountCents: z.number().int(),
        openAmountCents: z.number().int(),
        status: z.string(),
        registrationStatus: z.string().nullable(),
        chargeId: z.string().nullable(),
        nossoNumero: z.string().nullable(),
      })
      .nullable()
      .meta({ description: 'Os dados principais do título (null: título não encontrado)' }),
    events: z
      .array(
        z.object({
          id: z.uuid(),
          current: z.boolean(),
          source: z.string(),
          occurrenceCode: z.string(),
          occurrenceDescription: z.string(),
          occurredAt: z.string(),
          paidCents: z.number().int(),
          feeCents: z.number().int(),
          situation: z.enum(retornoSituations),
          note: z.string().nullable(),
        }),
      )
      .meta({ description: 'Todos os eventos retornados para este título/cobrança, em ordem' }),
    history: z
      .array(
        z.object({
          at: z.string(),
          action: z.string(),
          actor: z.string(),
          situation: z.string().nullable(),
          note: z.string().nullable(),
        }),
      )
      .meta({
        description: 'O histórico deste retorno: recebido, cada processamento e o motivo de cada falha',
      }),
  })
  .meta({ id: 'RetornoHistory' });
export type RetornoHistory = z.infer<typeof retornoHistorySchema>;
