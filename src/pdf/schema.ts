/**
 * The "boleto document": everything printed on a boleto (ficha de compensação + recibo do pagador) or on one
 * installment of a carnê. The same schema validates the CLI's titles.json and the renderer's input.
 */
import { z } from 'zod';
import { isCalendarDate } from '../domain/dates.js';
import { parseDocument } from '../domain/documents/index.js';

const calendarDate = z
  .string()
  .refine((text) => isCalendarDate(text), { message: 'data deve estar no formato AAAA-MM-DD' });

const cpfOrCnpj = z.string().superRefine((text, ctx) => {
  const parsed = parseDocument(text);
  if (!parsed.valid) ctx.addIssue({ code: 'custom', message: parsed.error ?? 'documento inválido' });
});

const party = z.object({
  name: z.string().trim().min(1, 'nome é obrigatório').max(120),
  document: cpfOrCnpj,
  /** One or two lines: street, number, district, city/UF, CEP. */
  address: z.string().trim().max(200).optional(),
});

export const boletoDocumentSchema = z
  .object({
    /** "341", "001", "237"… (the banks src/domain/boleto supports). */
    bankCode: z.string().regex(/^\d{3}$/, 'código do banco deve ter 3 dígitos'),
    beneficiary: party,
    payer: party,
    /** Sacador/avalista, when the beneficiary charges on behalf of someone else. */
    guarantor: party.partial({ document: true }).optional(),
    /** The beneficiary's account at the bank, as src/domain/boleto's makeBankBoleto expects it. */
    account: z.object({
      agency: z.string().min(1, 'agência é obrigatória'),
      account: z.string().min(1, 'conta é obrigatória'),
      carteira: z.string().optional(),
      convenio: z.string().optional(),
      posto: z.string().optional(),
      modalidade: z.string().optional(),
      parcela: z.string().optional(),
      byteIdt: z.string().optional(),
    }),
    /** The sequential part; the bank's prefix and check digit are added. */
    nossoNumero: z.string().regex(/^\d{1,20}$/, 'nosso número deve ter só dígitos'),
    documentNumber: z.string().trim().min(1).max(15),
    issueDate: calendarDate,
    dueDate: calendarDate,
    amountCents: z.number().int('valor deve ser inteiro em centavos').positive('valor deve ser positivo'),
    instructions: z.array(z.string().max(120)).max(8).default([]),
    /** Espécie do documento (DM duplicata mercantil, DS duplicata de serviço, …). */
    documentKind: z.string().max(4).default('DM'),
    /** Aceite: S or N. */
    acceptance: z.enum(['S', 'N']).default('N'),
    paymentPlace: z.string().max(90).default('Pagável em qualquer banco até o vencimento'),
    /** Carnê: installment number and total ("Parcela 3/12"). */
    installment: z
      .object({ number: z.number().int().positive(), total: z.number().int().positive() })
      .refine((i) => i.number <= i.total, { message: 'parcela maior que o total' })
      .optional(),
    /**
     * Boleto híbrido: either the BR Code the bank returned (payload, usually dynamic) or a key from which a
     * static BR Code is built with the amount, the beneficiary name and `city`.
     */
    pix: z
      .object({
        payload: z.string().min(1).optional(),
        key: z.string().min(1).optional(),
        city: z.string().min(1).optional(),
        txid: z.string().optional(),
      })
      .refine((p) => (p.payload === undefined) !== (p.key === undefined), {
        message: 'informe pix.payload ou pix.key (um dos dois)',
      })
      .refine((p) => p.key === undefined || p.city !== undefined, {
        message: 'pix.city é obrigatório quando pix.key é informado',
        path: ['city'],
      })
      .optional(),
  })
  .refine((d) => d.dueDate >= d.issueDate, { message: 'vencimento antes da emissão', path: ['dueDate'] });

export type BoletoDocumentInput = z.input<typeof boletoDocumentSchema>;
export type BoletoDocument = z.output<typeof boletoDocumentSchema>;

export const boletoDocumentListSchema = z.array(boletoDocumentSchema).min(1, 'a lista de títulos está vazia');

/** pt-BR text for zod's built-in issues (our own refinements already carry pt-BR messages). */
function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message)
        ? 'obrigatório'
        : `tipo inválido, esperado ${issue.expected}`;
    case 'too_small':
      return issue.message.startsWith('Too') ? `mínimo ${String(issue.minimum)}` : issue.message;
    case 'too_big':
      return issue.message.startsWith('Too') ? `máximo ${String(issue.maximum)}` : issue.message;
    case 'invalid_value':
      return `valores aceitos: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `campos desconhecidos: ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/** Turns zod issues into pt-BR lines that name the título and the field: "título 2, payer.document: …". */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .map((issue) => {
      const [first, ...rest] = issue.path;
      const where =
        typeof first === 'number'
          ? `título ${first + 1}${rest.length ? `, ${rest.map(String).join('.')}` : ''}`
          : issue.path.map(String).join('.');
      return `${prefix}${where ? `${where}: ` : ''}${issueMessage(issue)}`;
    })
    .join('; ');
}
