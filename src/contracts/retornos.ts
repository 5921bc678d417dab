/** The console's Retorno tab: what the platforms sent back, one record per event, with totals of the filter. */
import { z } from 'zod';
import { retornoSituations, retornoSorts } from '../domain/settlement/retornos.js';
import { platformCodes } from '../platforms/adapter.js';
import { calendarDate, companyIdField, pageSchema, paginationQuery } from './common.js';

export const consoleRetornoListQuery = z.object({
  companyId: companyIdField,
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
