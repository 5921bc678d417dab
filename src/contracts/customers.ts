/** Customer (cliente) shapes for the ERP and console APIs. */
import { z } from 'zod';
import { isUf } from '../domain/address.js';
import { canonicalPhone } from '../domain/phone.js';
import { companyIdField, documentNumber, erpKey, pageSchema, paginationQuery } from './common.js';

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label} deve ser texto` })
    .trim()
    .max(max, { error: `${label} deve ter no máximo ${max} caracteres` })
    .nullable()
    .optional();

export const addressInput = z
  .strictObject({
    street: optionalText(200, 'logradouro'),
    number: optionalText(20, 'número'),
    complement: optionalText(100, 'complemento'),
    district: optionalText(100, 'bairro'),
    city: optionalText(100, 'cidade'),
    state: z
      .string({ error: 'UF deve ser texto (ex.: SP)' })
      .transform((value) => value.trim().toUpperCase())
      .refine(isUf, {
        error: (issue) => `UF "${String(issue.input)}" não existe; use a sigla de um estado ou DF (ex.: SP)`,
      })
      .nullable()
      .optional()
      .meta({ description: 'Sigla da UF (27 do IBGE)', example: 'SP' }),
    postalCode: z
      .string()
      .regex(/^\d{5}-?\d{3}$/, { error: 'CEP deve ter 8 dígitos (ex.: 01310-100)' })
      .nullable()
      .optional(),
  })
  .meta({ id: 'AddressInput' });

export const phone = z
  .string({ error: 'telefone deve ser texto (ex.: (11) 98765-4321)' })
  .refine((value) => canonicalPhone(value) !== null, {
    error: 'telefone deve ter DDD e número: 10 ou 11 dígitos, +55 opcional (ex.: (11) 98765-4321)',
  })
  .meta({
    description: 'Telefone com DDD; guardado só com dígitos (ex.: 11987654321)',
    example: '(11) 98765-4321',
  });

export const establishmentInput = z.strictObject({
  erpKey,
  name: z.string().trim().min(1, { error: 'informe o nome' }).max(200),
  document: documentNumber,
  address: addressInput.optional(),
});

export const customerUpsertBody = z
  .strictObject({
    name: z
      .string({ error: 'informe o nome do cliente' })
      .trim()
      .min(1, { error: 'informe o nome do cliente' })
      .max(200, { error: 'deve ter no máximo 200 caracteres' }),
    document: documentNumber,
    email: z.email({ error: 'e-mail inválido' }).max(320).nullable().optional(),
    phone: phone.nullable().optional(),
    address: addressInput.optional(),
    establishments: z.array(establishmentInput).max(500).optional(),
  })
  .meta({
    id: 'CustomerUpsert',
    description:
      'Cliente. `document` não pode mudar depois de criado; os demais campos podem. Campos omitidos ficam como estão; null apaga.',
  });
export type CustomerUpsertBody = z.infer<typeof customerUpsertBody>;

export const addressSchema = z.object({
  street: z.string().nullable(),
  number: z.string().nullable(),
  complement: z.string().nullable(),
  district: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
});

export const establishmentSchema = z.object({
  id: z.string(),
  erpKey: z.string(),
  name: z.string(),
  document: z.string(),
  address: addressSchema,
});

export const customerSchema = z
  .object({
    id: z.string(),
    erpKey: z.string(),
    companyId: z.string(),
    name: z.string(),
    document: z.string().meta({ description: 'CPF/CNPJ sem pontuação' }),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: addressSchema,
    establishments: z.array(establishmentSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Customer' });
export type CustomerView = z.infer<typeof customerSchema>;

export const customerListItemSchema = z
  .object({
    id: z.string(),
    erpKey: z.string(),
    companyId: z.string(),
    name: z.string(),
    document: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .meta({ id: 'CustomerListItem' });

export const customerPageSchema = pageSchema(customerListItemSchema).meta({ id: 'CustomerPage' });

const customerFilterFields = {
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: 'Busca em nome, documento, chave ERP ou e-mail' }),
  sort: z
    .enum(['name', 'document', 'erpKey', 'createdAt'], {
      error: 'sort deve ser name, document, erpKey ou createdAt',
    })
    .optional(),
  order: z.enum(['asc', 'desc'], { error: 'order deve ser asc ou desc' }).optional(),
  ...paginationQuery,
};

export const erpCustomerListQuery = z.object(customerFilterFields);
export const consoleCustomerListQuery = z.object({
  companyId: companyIdField,
  ...customerFilterFields,
});
