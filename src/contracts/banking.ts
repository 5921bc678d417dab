/**
 * Bank account (conta bancária) and portador shapes for the ERP and console APIs. The per-bank digit rules and the
 * PIX key rules live in src/domain/banking/; these schemas run them and report each problem on its field.
 */
import { z } from 'zod';
import { checkBankAccount } from '../domain/banking/account.js';
import { checkPixKey, PIX_KEY_TYPES, PIX_KEY_TYPE_LABELS } from '../domain/banking/pix-key.js';
import { companyIdField, erpKey, pageSchema, paginationQuery } from './common.js';

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label} deve ser texto` })
    .trim()
    .max(max, { error: `${label} deve ter no máximo ${max} caracteres` })
    .nullable()
    .optional();

const numberText = (label: string, description: string, example: string) =>
  z
    .string({ error: `informe ${label} (texto só com dígitos, ex.: "${example}")` })
    .meta({ description: `${description}, só dígitos, sem o dígito verificador`, example });

const digitText = (label: string, description: string) =>
  z
    .string({ error: `${label} deve ser texto` })
    .nullable()
    .optional()
    .meta({ description: `${description} (dígito ou letra, ex.: X no Banco do Brasil, P no Bradesco)` });

export const pixKeyType = z.enum(PIX_KEY_TYPES, {
  error: `tipo da chave PIX deve ser um de: ${PIX_KEY_TYPES.join(', ')}`,
});

const bankAccountFields = {
  name: optionalText(100, 'nome').meta({
    description: 'Nome para a conta nas telas (ex.: "Itaú — cobrança")',
  }),
  bankCode: z
    .string({ error: 'informe o código do banco (3 dígitos, ex.: "341")' })
    .meta({ description: 'Código do banco (COMPE), 3 dígitos', example: '341' }),
  agency: numberText('a agência', 'Agência', '2545'),
  agencyDigit: digitText(
    'dígito da agência',
    'Dígito da agência; omitido, é calculado quando o banco tem regra',
  ),
  account: numberText('a conta', 'Conta', '02366'),
  accountDigit: digitText('dígito da conta', 'Dígito da conta'),
  pixKeyType: pixKeyType.nullable().optional(),
  pixKey: z
    .string({ error: 'chave PIX deve ser texto' })
    .min(1, { error: 'chave PIX vazia: envie null para apagar a chave' })
    .max(100, { error: 'chave PIX deve ter no máximo 100 caracteres' })
    .nullable()
    .optional()
    .meta({ description: 'Chave PIX da conta, conforme pixKeyType (exigida para Boleto Híbrido)' }),
};

type BankAccountFields = z.output<ReturnType<typeof z.strictObject<typeof bankAccountFields>>>;

/** Per-bank digit rules and the PIX key against its type, each problem on its own field. */
function refineBankAccount(body: BankAccountFields, ctx: z.RefinementCtx): void {
  const account = checkBankAccount(body);
  if (!account.ok)
    for (const issue of account.issues)
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  const { pixKey, pixKeyType: type } = body;
  if (type && !pixKey)
    ctx.addIssue({
      code: 'custom',
      path: ['pixKey'],
      message: `informe a chave PIX do tipo ${PIX_KEY_TYPE_LABELS[type]}`,
    });
  else if (pixKey && !type)
    ctx.addIssue({
      code: 'custom',
      path: ['pixKeyType'],
      message: `informe o tipo da chave PIX (${PIX_KEY_TYPES.join(', ')})`,
    });
  else if (pixKey && type) {
    const checked = checkPixKey(type, pixKey);
    if ('error' in checked) ctx.addIssue({ code: 'custom', path: ['pixKey'], message: checked.error });
  }
}

const bankAccountDescription =
  'Conta bancária. Agência e conta só com dígitos; os dígitos verificadores em agencyDigit e accountDigit, ' +
  'conferidos pela regra de cada banco (Banco do Brasil, Santander, Banrisul, Caixa, Bradesco, Itaú; Sicoob, ' +
  'Sicredi e demais bancos só pelo tamanho). O dígito da conta é obrigatório nos bancos listados; o da agência, ' +
  'quando omitido, é calculado. bankCode, agency e account não mudam depois de criada. pixKey e pixKeyType vão ' +
  'juntos; omitidos ficam como estão, null apaga.';

export const bankAccountUpsertBody = z
  .strictObject(bankAccountFields)
  .superRefine(refineBankAccount)
  .meta({ id: 'BankAccountUpsert', description: bankAccountDescription });
export type BankAccountUpsertBody = z.infer<typeof bankAccountUpsertBody>;

/** The console's new bank account: the same fields plus the company and the key (Código). */
export const bankAccountCreateBody = z
  .strictObject({ companyId: companyIdField, erpKey, ...bankAccountFields })
  .superRefine(refineBankAccount)
  .meta({ id: 'BankAccountCreate' });

export const bankAccountSchema = z
  .object({
    id: z.string(),
    erpKey: z.string(),
    companyId: z.string(),
    name: z.string().nullable(),
    bankCode: z.string(),
    bankLabel: z.string().meta({ description: 'Código e nome do banco, ex.: "341-Itaú Unibanco"' }),
    agency: z.string(),
    agencyDigit: z.string().nullable(),
    account: z.string(),
    accountDigit: z.string().nullable(),
    pixKeyType: pixKeyType.nullable(),
    pixKey: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'BankAccount' });
export type BankAccountView = z.infer<typeof bankAccountSchema>;

const portadorFields = {
  name: z
    .string({ error: 'informe o nome do portador' })
    .trim()
    .min(1, { error: 'informe o nome do portador' })
    .max(200, { error: 'nome deve ter no máximo 200 caracteres' }),
  bankAccountErpKey: erpKey
    .nullable()
    .optional()
    .meta({
      description:
        'Chave ERP da conta bancária (PUT /api/v1/bank-accounts/:erpKey). null: portador sem conta bancária ' +
        '(carteira ou convênio de plataforma como a Efí, no pseudo-banco 0-Carteira)',
    }),
  carteira: optionalText(20, 'carteira'),
  convenio: optionalText(40, 'convênio'),
};

export const portadorUpsertBody = z.strictObject(portadorFields).meta({
  id: 'PortadorUpsert',
  description:
    'Portador: conta bancária (por sua chave ERP) com carteira e convênio, ou, sem conta bancária, carteira/convênio ' +
    'de uma plataforma que não é banco (pseudo-banco 0-Carteira). Campos omitidos ficam como estão; null apaga.',
});
export type PortadorUpsertBody = z.infer<typeof portadorUpsertBody>;

export const portadorCreateBody = z
  .strictObject({ companyId: companyIdField, erpKey, ...portadorFields })
  .meta({ id: 'PortadorCreate' });

export const portadorSchema = z
  .object({
    id: z.string(),
    erpKey: z.string(),
    companyId: z.string(),
    name: z.string(),
    bankAccountId: z.string().nullable(),
    bankAccountErpKey: z.string().nullable(),
    bankLabel: z
      .string()
      .meta({ description: 'Banco da conta ("341-Itaú Unibanco") ou "0-Carteira" sem conta' }),
    carteira: z.string().nullable(),
    convenio: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Portador' });
export type PortadorView = z.infer<typeof portadorSchema>;

export const bankAccountPageSchema = pageSchema(bankAccountSchema).meta({ id: 'BankAccountPage' });
export const portadorPageSchema = pageSchema(portadorSchema).meta({ id: 'PortadorPage' });

const bankingSorts = ['name', 'erpKey', 'bankCode', 'createdAt'] as const;

const bankingFilterFields = (what: string, bankCodeNote: string) => ({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: `Busca em ${what}` }),
  bankCode: z
    .string()
    .regex(/^(\d{3}|0)$/, { error: 'bankCode deve ter 3 dígitos (ex.: 341)' })
    .optional()
    .meta({ description: `Código do banco${bankCodeNote}` }),
  sort: z.enum(bankingSorts, { error: `sort deve ser um de: ${bankingSorts.join(', ')}` }).optional(),
  order: z.enum(['asc', 'desc'], { error: 'order deve ser asc ou desc' }).optional(),
  ...paginationQuery,
});

const bankAccountFilterFields = bankingFilterFields('nome, chave ERP, agência, conta ou chave PIX', '');
const portadorFilterFields = bankingFilterFields(
  'nome, chave ERP, carteira, convênio ou chave ERP da conta',
  '; "0" lista os portadores sem conta bancária (0-Carteira)',
);

export const erpBankAccountListQuery = z.object(bankAccountFilterFields);
export const consoleBankAccountListQuery = z.object({
  companyId: companyIdField,
  ...bankAccountFilterFields,
});
export const erpPortadorListQuery = z.object(portadorFilterFields);
export const consolePortadorListQuery = z.object({ companyId: companyIdField, ...portadorFilterFields });
