/** Console "Auditoria" and ERP-less admin API: the audit log of user actions with their before/after. */
import { z } from 'zod';
import { calendarDate, companyIdField, pageSchema, paginationQuery } from './common.js';

export const auditListQuery = z
  .object({
    companyId: companyIdField,
    actor: z
      .string()
      .trim()
      .max(100)
      .optional()
      .meta({ description: "Quem: 'user:<id>' ou 'api-token:<id>'" }),
    action: z
      .string()
      .trim()
      .max(200)
      .optional()
      .meta({ description: "Parte da ação, ex. 'PUT /api/v1/customers' ou 'session.login_failed'" }),
    from: calendarDate.optional().meta({ description: 'De (AAAA-MM-DD, horário de Brasília)' }),
    to: calendarDate.optional().meta({ description: 'Até (AAAA-MM-DD, inclusive)' }),
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .meta({ description: 'Busca no caminho, no nome de quem agiu ou no id da requisição' }),
    sort: z.enum(['at'], { error: 'sort deve ser at' }).default('at'),
    order: z.enum(['asc', 'desc'], { error: 'order deve ser asc ou desc' }).default('desc'),
    ...paginationQuery,
  })
  // No component id: @fastify/swagger cannot resolve a referenced querystring schema.
  .strict();

export const auditChangeSchema = z.object({
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string().meta({ description: 'Quando (ISO 8601)' }),
    actor: z.string().meta({ description: "Quem: 'user:<id>', 'api-token:<id>' ou 'anonymous'" }),
    actorName: z.string().nullable(),
    companyId: z.string().nullable(),
    action: z.string().meta({ description: "O quê: 'MÉTODO /rota' ou 'session.login_failed'" }),
    target: z.string().nullable().meta({ description: 'O caminho pedido' }),
    status: z.number().int().meta({ description: 'Status HTTP da resposta' }),
    requestId: z.string(),
    address: z.string().nullable(),
    changes: z.array(auditChangeSchema).meta({ description: 'Registros alterados: antes e depois' }),
  })
  .meta({ id: 'AuditEntry' });

export const auditPageSchema = pageSchema(auditEntrySchema).meta({ id: 'AuditPage' });
