/**
 * Building blocks shared by every route schema. One zod schema per boundary drives request validation,
 * the TypeScript types (z.infer) and the OpenAPI document at /docs. Messages are pt-BR and name the rule.
 */
import { z } from 'zod';
import { isCalendarDate } from '../domain/dates.js';
import { parseDocument } from '../domain/documents/index.js';

export const fieldErrorSchema = z.object({
  path: z.string().meta({ description: 'Campo com problema, ex.: amountCents ou address.zipCode' }),
  message: z.string(),
});

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({
        description:
          'validation | invalid_json | invalid_credentials | unauthorized | forbidden | not_found | immutable_field | ' +
          'receivable_closed | already_exists | idempotency_conflict | reference_not_found | too_many_attempts | internal',
      }),
      message: z.string().meta({ description: 'Mensagem em pt-BR' }),
      fields: z.array(fieldErrorSchema).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorSchema>;

/** Standard error responses; spread into a route's `response` map. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
} as const;

/** OpenAPI security of the ERP routes (`Authorization: Bearer <token>`) and of the console routes (cookie). */
export const bearerSecurity = [{ bearerAuth: [] }];
export const sessionSecurity = [{ sessionCookie: [] }];

/** Integer centavos, never a float: R$ 123,45 travels as 12345. */
export const cents = z
  .number({ error: 'deve ser um número inteiro de centavos (ex.: 12345 para R$ 123,45)' })
  .refine((value) => Number.isSafeInteger(value), {
    error: 'deve ser um número inteiro de centavos, sem casas decimais (ex.: 12345 para R$ 123,45)',
  })
  .meta({ description: 'Valor em centavos (inteiro). R$ 123,45 = 12345', example: 12345 });

export const nonNegativeCents = cents.refine((value) => value >= 0, { error: 'não pode ser negativo' });
export const positiveCents = cents.refine((value) => value > 0, { error: 'deve ser maior que zero' });

/** A real calendar date written as YYYY-MM-DD (2026-02-30 is rejected). */
export const calendarDate = z
  .string({ error: 'deve ser uma data no formato AAAA-MM-DD' })
  .refine(isCalendarDate, {
    // abort: rules that compare dates (vencimento ≥ emissão) must not run on a date that does not exist.
    abort: true,
    error: (issue) =>
      `"${String(issue.input)}" não é uma data válida: use AAAA-MM-DD com um dia que exista no calendário`,
  })
  .meta({ description: 'Data de calendário AAAA-MM-DD', example: '2026-03-31', format: 'date' });

/** CPF (11 digits) or CNPJ (14 characters, numeric or alphanumeric); punctuation is accepted and stripped. */
export const documentNumber = z
  .string({ error: 'deve ser um CPF ou CNPJ' })
  .superRefine((value, ctx) => {
    const parsed = parseDocument(value);
    if (parsed.valid) return;
    ctx.addIssue({
      code: 'custom',
      message: parsed.kind
        ? `${parsed.error ?? 'documento inválido'} ("${value}")`
        : `"${value}" não é um CPF (11 dígitos) nem um CNPJ (14 caracteres)`,
    });
  })
  .meta({
    description: 'CPF ou CNPJ (inclusive CNPJ alfanumérico), com ou sem pontuação',
    example: '12.ABC.345/01DE-35',
  });

export const erpKey = z
  .string()
  .min(1, { error: 'não pode ser vazia' })
  .max(100, { error: 'deve ter no máximo 100 caracteres' })
  .regex(/^[\w.:\-/]+$/u, { error: 'use apenas letras, dígitos e . _ - : /' })
  .meta({ description: 'Chave do registro no ERP (identificador estável)', example: 'CLI-000123' });

/** `companyId` of the console routes: the company (or consolidated group) the request acts on. */
export const companyIdField = z.uuid({ error: 'companyId deve ser o id (uuid) de uma empresa' });
/** Query of the console routes that address one record by id: `companyId` optional (default: every reachable one). */
export const optionalCompanyQuery = z.object({ companyId: companyIdField.optional() });

/** `:id` path parameter; `what` names the record in the message (`um título`, `um cliente`…). */
export const idParams = (what: string) =>
  z.object({ id: z.uuid({ error: `id deve ser o id (uuid) de ${what}` }) });

const intFromQuery = (name: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${name} deve ser um número inteiro` })
    .int({ error: `${name} deve ser um número inteiro` })
    .min(min, { error: `${name} deve ser no mínimo ${min}` })
    .max(max, { error: `${name} deve ser no máximo ${max}` })
    .default(fallback);

export const paginationQuery = {
  page: intFromQuery('page', 1, 1_000_000, 1).meta({ description: 'Página (começa em 1)' }),
  pageSize: intFromQuery('pageSize', 1, 200, 25).meta({ description: 'Itens por página (máx. 200)' }),
};

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
