import { z } from 'zod';
import { erpKey } from './common.js';

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
