/** Bulk communication (Remessa em lote): start, progress, Reenviar falhas. */
import { z } from 'zod';
import { registrationStatuses } from '../domain/receivable/registration.js';
import { calendarDate, companyIdField } from './common.js';

export const bulkStartBody = z
  .strictObject({
    companyId: companyIdField,
    portadorId: z.uuid({ error: 'portadorId deve ser o id (uuid) de um portador' }).meta({
      description: 'Carteira (portador) cujos títulos serão comunicados',
    }),
    onlyNotCommunicated: z.boolean().default(true).meta({
      description: 'true: só Não Enviado; false: também Falha e Falha ERP',
    }),
    issueFrom: calendarDate.optional(),
    issueTo: calendarDate.optional(),
    dueFrom: calendarDate.optional(),
    dueTo: calendarDate.optional(),
    status: z.array(z.enum(registrationStatuses)).optional(),
    q: z.string().trim().max(200).optional(),
  })
  .meta({ id: 'BulkCommunicationStart' });
export type BulkStartBody = z.infer<typeof bulkStartBody>;

export const bulkPreviewSchema = z
  .object({ count: z.number().int(), amountCents: z.number().int() })
  .meta({ id: 'BulkCommunicationPreview', description: 'Quantos títulos (e quanto) serão comunicados' });

export const bulkProgressSchema = z
  .object({
    id: z.string(),
    portadorId: z.string(),
    onlyNotCommunicated: z.boolean(),
    createdAt: z.string(),
    actor: z.string(),
    total: z.number().int(),
    done: z.number().int().meta({ description: 'Concluídos (sucessos + falhas)' }),
    successes: z.number().int(),
    failed: z.number().int(),
    finished: z.boolean(),
    failures: z.array(
      z.object({
        receivableId: z.string(),
        erpKey: z.string(),
        identifier: z
          .string()
          .meta({ description: 'Número/parcela: o que digitar em Títulos para achar o título' }),
        status: z.enum(registrationStatuses),
        message: z
          .string()
          .nullable()
          .meta({ description: 'Mensagem da plataforma (ou do finconsole, Falha ERP)' }),
      }),
    ),
  })
  .meta({ id: 'BulkCommunicationProgress' });

export const bulkListSchema = z
  .object({ items: z.array(bulkProgressSchema) })
  .meta({ id: 'BulkCommunicationList' });
