import { z } from 'zod';
import { companyIdField } from './common.js';

export const apiTokenSchema = z
  .object({
    id: z.string(),
    companyId: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createdApiTokenSchema = apiTokenSchema
  .extend({ token: z.string().meta({ description: 'O token em claro: mostrado só agora, guarde-o no ERP' }) })
  .meta({ id: 'CreatedApiToken' });

export const createApiTokenBody = z
  .strictObject({
    companyId: companyIdField,
    name: z
      .string({ error: 'informe um nome para o token' })
      .trim()
      .min(1, { error: 'informe um nome para o token' })
      .max(100, { error: 'deve ter no máximo 100 caracteres' }),
  })
  .meta({ id: 'CreateApiToken' });
