import { z } from 'zod';
import { apiScopes } from '../domain/api-scopes.js';
import { companyIdField } from './common.js';

const scopesField = z
  .array(z.enum(apiScopes, { error: `escopo inválido; use: ${apiScopes.join(', ')}` }))
  .max(apiScopes.length)
  .meta({
    description:
      'O que o token alcança: read_only (somente leitura), receivables (títulos, remessas, retornos, notas), ' +
      'customers, webhooks. Vazio ou ausente: tudo.',
  });

export const apiTokenSchema = z
  .object({
    id: z.string(),
    companyId: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    expiresAt: z
      .string()
      .nullable()
      .meta({ description: 'Depois deste instante o token é recusado; null: não expira' }),
    scopes: scopesField.nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createdApiTokenSchema = apiTokenSchema
  .extend({ token: z.string().meta({ description: 'O token em claro: mostrado só agora, guarde-o no ERP' }) })
  .meta({ id: 'CreatedApiToken' });

const expiresAtField = z.iso
  .datetime({
    offset: true,
    error: 'expiresAt deve ser um instante ISO 8601 (ex. 2027-01-31T23:59:59-03:00)',
  })
  .refine((value) => new Date(value).getTime() > Date.now(), { error: 'expiresAt deve estar no futuro' })
  .meta({ description: 'Validade do token (opcional); sem ela, não expira' });

export const createApiTokenBody = z
  .strictObject({
    companyId: companyIdField,
    name: z
      .string({ error: 'informe um nome para o token' })
      .trim()
      .min(1, { error: 'informe um nome para o token' })
      .max(100, { error: 'deve ter no máximo 100 caracteres' }),
    expiresAt: expiresAtField.optional(),
    scopes: scopesField.optional(),
  })
  .meta({ id: 'CreateApiToken' });

export const rotateApiTokenBody = z
  .strictObject({
    graceHours: z
      .number({ error: 'graceHours deve ser um número de horas' })
      .int({ error: 'graceHours deve ser um número inteiro de horas' })
      .min(0, { error: 'graceHours deve ser no mínimo 0' })
      .max(720, { error: 'graceHours deve ser no máximo 720 (30 dias)' })
      .default(24)
      .meta({ description: 'Por quantas horas o token antigo continua valendo ao lado do novo (padrão 24)' }),
    expiresAt: expiresAtField.optional(),
  })
  .meta({ id: 'RotateApiToken' });
