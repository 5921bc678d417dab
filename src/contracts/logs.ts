/** Console tab "Logs": the communication log (every platform call, webhook received, delivery and job run). */
import { z } from 'zod';
import { companyIdField, pageSchema, paginationQuery } from './common.js';

export const logListQuery = z
  .object({
    companyId: companyIdField,
    platform: z.string().trim().max(40).optional().meta({ description: 'Plataforma (efi, cnab, supplier…)' }),
    outcome: z.enum(['ok', 'error'], { error: 'outcome deve ser ok ou error' }).optional().meta({
      description: 'Status: ok ou error',
    }),
    from: z.iso.datetime({ offset: true, error: 'from deve ser um instante ISO 8601' }).optional(),
    to: z.iso.datetime({ offset: true, error: 'to deve ser um instante ISO 8601' }).optional(),
    subjectId: z
      .string()
      .max(100)
      .optional()
      .meta({ description: 'Id do título (ou outro registro) da troca' }),
    q: z.string().trim().max(200).optional().meta({ description: 'Busca na operação, URL e resposta' }),
    ...paginationQuery,
  })
  // No component id: @fastify/swagger cannot resolve a referenced querystring schema (/docs/json would answer 500).
  .strict();

export const logEntrySchema = z
  .object({
    id: z.number().int(),
    companyId: z.string().nullable(),
    integrationId: z.string().nullable(),
    platform: z.string().meta({ description: 'Plataforma' }),
    operation: z.string().meta({ description: 'Ação/Operação' }),
    direction: z.string().meta({ description: 'out (chamamos), in (nos chamaram), job' }),
    method: z.string().nullable(),
    url: z.string().nullable(),
    httpStatus: z.number().int().nullable(),
    outcome: z.string().meta({ description: 'Status: ok | error' }),
    durationMs: z.number().int().nullable(),
    requestBody: z.unknown().meta({ description: 'Corpo enviado, segredos mascarados' }),
    responseBody: z.unknown().meta({ description: 'Corpo recebido, segredos mascarados' }),
    subjectId: z.string().nullable(),
    at: z.string().meta({ description: 'Data de envio' }),
  })
  .meta({ id: 'LogEntry' });

export const logPageSchema = pageSchema(logEntrySchema).meta({ id: 'LogPage' });
