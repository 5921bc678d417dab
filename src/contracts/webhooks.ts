/** ERP webhooks: the subscription (URL, secret, events) and the delivery log, for the ERP API and the console. */
import { z } from 'zod';
import { erpEventNames } from '../domain/webhooks/events.js';
import { companyIdField, pageSchema, paginationQuery } from './common.js';

export const MAX_WEBHOOK_ATTEMPTS = 20;
export const DEFAULT_WEBHOOK_ATTEMPTS = 10;

const webhookUrl = z
  .string({ error: 'informe a URL do webhook' })
  .trim()
  .max(2000, { error: 'deve ter no máximo 2000 caracteres' })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { error: 'deve ser uma URL http(s)://… completa, sem usuário e senha' },
  );

const eventName = z.enum(erpEventNames, { error: `use um de: ${erpEventNames.join(', ')}` });

export const webhookSubscriptionBody = z
  .strictObject({
    url: webhookUrl.meta({
      description: 'Para onde os eventos são enviados (POST JSON)',
      example: 'https://erp.example.com/finconsole/eventos',
    }),
    secret: z
      .string({ error: 'o segredo deve ser um texto' })
      .min(16, { error: 'o segredo deve ter ao menos 16 caracteres' })
      .max(200, { error: 'o segredo deve ter no máximo 200 caracteres' })
      .optional()
      .meta({
        description:
          'Segredo da assinatura HMAC-SHA256. Omitido: mantém o atual; na primeira vez, um é gerado e devolvido uma única vez',
        example: 'troque-por-um-segredo-longo-e-aleatorio',
      }),
    events: z
      .array(eventName)
      .min(1, { error: 'escolha ao menos um evento' })
      .optional()
      .meta({ description: 'Eventos enviados (padrão: todos)' }),
    maxAttempts: z
      .number({ error: 'maxAttempts deve ser um número inteiro' })
      .int({ error: 'maxAttempts deve ser um número inteiro' })
      .min(1, { error: 'maxAttempts deve ser no mínimo 1' })
      .max(MAX_WEBHOOK_ATTEMPTS, { error: `maxAttempts deve ser no máximo ${MAX_WEBHOOK_ATTEMPTS}` })
      .optional()
      .meta({ description: `Tentativas por entrega antes de Falha (padrão ${DEFAULT_WEBHOOK_ATTEMPTS})` }),
    active: z.boolean({ error: 'active deve ser true ou false' }).optional(),
  })
  .meta({ id: 'WebhookSubscriptionSettings' });
export type WebhookSubscriptionInput = z.infer<typeof webhookSubscriptionBody>;

export const webhookSubscriptionSchema = z
  .object({
    companyId: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    maxAttempts: z.number().int(),
    active: z.boolean(),
    secretConfigured: z.literal(true).meta({ description: 'O segredo nunca é devolvido; está configurado' }),
    secret: z
      .string()
      .optional()
      .meta({ description: 'Somente quando gerado agora: guarde-o no ERP, não é mostrado de novo' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WebhookSubscription' });
export type WebhookSubscriptionView = z.infer<typeof webhookSubscriptionSchema>;

export const webhookDeliveryStatuses = ['pending', 'sending', 'delivered', 'failed'] as const;

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    companyId: z.string(),
    eventId: z.string().meta({ description: 'O id do evento (cabeçalho X-Finconsole-Event-Id)' }),
    event: z.string(),
    subjectId: z.string().nullable(),
    status: z.enum(webhookDeliveryStatuses).meta({
      description: 'pending (aguardando tentativa), sending, delivered (2xx), failed (tentativas esgotadas)',
    }),
    attempts: z.number().int(),
    attemptLimit: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastHttpStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDeliveryView = z.infer<typeof webhookDeliverySchema>;

export const webhookAttemptSchema = z
  .object({
    attempt: z.number().int(),
    at: z.string(),
    url: z.string(),
    httpStatus: z.number().int().nullable(),
    durationMs: z.number().int(),
    responseExcerpt: z.string().nullable(),
    error: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    actor: z.string(),
  })
  .meta({ id: 'WebhookAttempt' });
export type WebhookAttemptView = z.infer<typeof webhookAttemptSchema>;

export const webhookDeliveryDetailSchema = webhookDeliverySchema
  .extend({
    body: z.unknown().meta({ description: 'O corpo JSON enviado' }),
    attemptLog: z.array(webhookAttemptSchema),
  })
  .meta({ id: 'WebhookDeliveryDetail' });
export type WebhookDeliveryDetail = z.infer<typeof webhookDeliveryDetailSchema>;

export const webhookDeliveryPageSchema = pageSchema(webhookDeliverySchema).meta({
  id: 'WebhookDeliveryPage',
});

const deliveryFilters = {
  status: z
    .enum(webhookDeliveryStatuses, { error: `status: use um de ${webhookDeliveryStatuses.join(', ')}` })
    .optional(),
  event: eventName.optional(),
  subjectId: z.string().max(100).optional().meta({ description: 'Id do título' }),
  ...paginationQuery,
};

// No component ids on querystrings: @fastify/swagger cannot resolve a referenced querystring schema.
export const erpDeliveryListQuery = z.object(deliveryFilters).strict();
export const consoleDeliveryListQuery = z.object({ companyId: companyIdField, ...deliveryFilters }).strict();
