/**
 * The remessa input (the JSON `finconsole cnab write --in` reads) and the canonical values it turns into.
 * Layout files name their fields with these canonical keys; a bank's `remessa.values` hook adds its own.
 */
import { z } from 'zod';
import { isCalendarDate } from '../dates.js';

const isoDate = z.string().refine(isCalendarDate, { message: 'data inválida (use AAAA-MM-DD)' });
const centsSchema = z.number().int().nonnegative();
const digits = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/[.\-/\s]/g, ''))
    .refine((s) => /^\d*$/.test(s) && s.length <= max, { message: `use só dígitos (até ${max})` });

export const movementSchema = z.enum([
  'register',
  'writeOff',
  'grantRebate',
  'cancelRebate',
  'changeDueDate',
  'grantDiscount',
  'cancelDiscount',
  'protest',
  'cancelProtest',
  'changeOtherData',
]);

/**
 * A payer's or drawer's CPF (11 digits) or CNPJ (14 characters: since July 2026 the first 12 may be letters, the
 * last two are digits); punctuation dropped, letters upper-cased.
 */
const personDocument = z
  .string()
  .transform((s) => s.replace(/[.\-/\s]/g, '').toUpperCase())
  .refine((s) => /^\d{11}$/.test(s) || /^[0-9A-Z]{12}\d{2}$/.test(s), {
    message: 'CPF (11 dígitos) ou CNPJ (14 caracteres; alfanumérico a partir de julho de 2026)',
  });

export const payerSchema = z.object({
  name: z.string().min(1),
  document: personDocument,
  address: z.string().default(''),
  neighborhood: z.string().default(''),
  zip: digits(8).default(''),
  city: z.string().default(''),
  state: z.string().max(2).default(''),
});

export const tituloSchema = z.object({
  movement: movementSchema.default('register'),
  /** As the bank expects it in the file (with its check digit where the layout has no separate DV field). */
  nossoNumero: z.string().min(1),
  /** Our título key; goes to "uso da empresa" and comes back in the retorno. */
  seuNumero: z.string().min(1).max(25),
  /** The document number printed on the boleto (defaults to seuNumero). */
  documentNumber: z.string().max(15).optional(),
  issueDate: isoDate,
  dueDate: isoDate,
  amountCents: centsSchema,
  /** DM duplicata mercantil, DS duplicata de serviço, NP nota promissória, RC recibo, ME mensalidade, OU outros. */
  species: z.enum(['DM', 'DS', 'NP', 'RC', 'ME', 'OU']).default('DM'),
  accepted: z.boolean().default(false),
  interest: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('daily_amount'), cents: centsSchema, from: isoDate.optional() }),
      /** Monthly rate in basis points (1% = 100). */
      z.object({
        type: z.literal('monthly_percent'),
        basisPoints: z.number().int().nonnegative(),
        from: isoDate.optional(),
      }),
      z.object({ type: z.literal('exempt') }),
    ])
    .default({ type: 'exempt' }),
  fine: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('amount'), cents: centsSchema, from: isoDate.optional() }),
      z.object({
        type: z.literal('percent'),
        basisPoints: z.number().int().nonnegative(),
        from: isoDate.optional(),
      }),
    ])
    .optional(),
  discount: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('amount'), cents: centsSchema, until: isoDate }),
      z.object({ type: z.literal('percent'), basisPoints: z.number().int().nonnegative(), until: isoDate }),
    ])
    .optional(),
  rebateCents: centsSchema.default(0),
  iofCents: centsSchema.default(0),
  /** Protest after N calendar days (absent: do not protest). */
  protestDays: z.number().int().min(1).max(99).optional(),
  /** Write off / return after N days past due (absent: bank default). */
  writeOffDays: z.number().int().min(1).max(999).optional(),
  payer: payerSchema,
  drawer: z.object({ name: z.string(), document: personDocument }).optional(),
  pix: z
    .object({
      keyType: z.enum(['cpf', 'cnpj', 'phone', 'email', 'evp']),
      key: z.string().min(1).max(77),
      txid: z.string().max(35).default(''),
    })
    .optional(),
  messages: z.array(z.string()).max(4).default([]),
});

export const portadorSchema = z.object({
  companyName: z.string().min(1),
  companyDocument: digits(14).refine((s) => s.length === 11 || s.length === 14, {
    message: 'CPF (11) ou CNPJ (14) dígitos',
  }),
  agency: digits(5),
  agencyDigit: z.string().max(1).default(''),
  account: digits(12),
  accountDigit: z.string().max(1).default(''),
  agencyAccountDigit: z.string().max(1).default(''),
  /** Convênio / código do beneficiário / código de transmissão, as the bank assigned it. */
  convenio: z.string().default(''),
  carteira: z.string().default(''),
  /** Carteira variation (Banco do Brasil), modalidade (Sicoob), posto (Sicredi)… */
  variation: z.string().default(''),
  bankName: z.string().optional(),
});

export const remessaInputSchema = z.object({
  bank: z.string().regex(/^\d{3}$/, 'código do banco com 3 dígitos'),
  layout: z.union([z.literal(240), z.literal(400)]),
  /** Sequential file number per portador (NSA), kept by the caller. */
  fileNumber: z.number().int().min(1).max(999999),
  /** Which file of the day this is for the portador (1 = first); banks such as Sicredi put it in the file name. */
  fileOfDay: z.number().int().min(1).max(9).default(1),
  generatedOn: isoDate,
  generatedAt: z
    .string()
    .regex(/^\d{2}:\d{2}:\d{2}$/)
    .default('00:00:00'),
  portador: portadorSchema,
  titulos: z.array(tituloSchema).min(1),
});

export type RemessaInput = z.input<typeof remessaInputSchema>;
export type RemessaData = z.output<typeof remessaInputSchema>;
export type TituloData = z.output<typeof tituloSchema>;

/** FEBRABAN C015 espécie codes for the species we accept. */
export const febrabanSpecies: Record<TituloData['species'], number> = {
  DM: 2,
  DS: 4,
  NP: 12,
  RC: 17,
  ME: 21,
  OU: 99,
};
export const pixKeyTypeCode: Record<NonNullable<TituloData['pix']>['keyType'], number> = {
  cpf: 1,
  cnpj: 2,
  phone: 3,
  email: 4,
  evp: 5,
};
