import { z } from 'zod';
import { erpKey, fieldErrorSchema } from './common.js';

export const erpKeyParams = z.object({ erpKey });

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .meta({
      description:
        'Opcional. Mesma chave + mesmo corpo → a resposta gravada é repetida (cabeçalho Idempotent-Replayed: true); ' +
        'mesma chave + outro corpo → 422 idempotency_conflict.',
    }),
});

/** Most items one batch request may carry. */
export const ERP_BATCH_LIMIT = 1000;

export const erpBatchBody = z.strictObject({
  items: z
    .array(
      z.record(z.string(), z.unknown()).meta({
        description: 'O mesmo corpo do PUT correspondente, mais `erpKey` (a chave do registro no ERP)',
      }),
    )
    .min(1, { error: 'envie ao menos um item' })
    .max(ERP_BATCH_LIMIT, { error: `no máximo ${ERP_BATCH_LIMIT} itens por requisição` }),
});

export const erpBatchResultSchema = z
  .object({
    results: z.array(
      z.object({
        erpKey: z
          .string()
          .nullable()
          .meta({ description: 'A chave do item (null quando ele não trouxe uma)' }),
        status: z
          .number()
          .int()
          .meta({
            description:
              '201 criado; 200 já existia (atualizado ou igual); 422 dados inválidos ou referência inexistente; ' +
              '409 campo imutável diferente ou título fechado — o mesmo que o PUT do item responderia',
          }),
        code: z.string().optional().meta({ description: 'O código do erro, como no PUT (ex.: validation)' }),
        message: z.string().optional(),
        errors: z.array(fieldErrorSchema).optional(),
      }),
    ),
  })
  .meta({ description: 'Um resultado por item, na ordem dos itens' });
export type ErpBatchResult = z.infer<typeof erpBatchResultSchema>['results'][number];
