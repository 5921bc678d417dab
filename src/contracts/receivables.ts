/** Título (receivable) shapes for the ERP and console APIs (contract §4, §6, §7). */
import { z } from 'zod';
import { receivableSorts, receivableStatuses } from '../domain/receivable/statuses.js';
import {
  calendarDate,
  companyIdField,
  erpKey,
  nonNegativeCents,
  pageSchema,
  paginationQuery,
  positiveCents,
} from './common.js';

export const receivableStatus = z.enum(receivableStatuses, {
  error: `status deve ser um de: ${receivableStatuses.join(', ')}`,
});

const text = (max: number, label: string) =>
  z
    .string({ error: `${label} deve ser texto` })
    .trim()
    .min(1, { error: `informe ${label}` })
    .max(max, { error: `${label} deve ter no máximo ${max} caracteres` });

export const receivableUpsertBody = z
  .strictObject({
    customerErpKey: erpKey.meta({
      description: 'Chave ERP do cliente (já enviado por PUT /api/v1/customers/:erpKey)',
    }),
    establishmentErpKey: erpKey.nullable().optional(),
    document: text(60, 'o documento').meta({
      description: 'Documento de origem (ex.: número do pedido ou da duplicata)',
    }),
    number: text(30, 'o número').meta({ description: 'Número do título' }),
    installment: z
      .number({ error: 'parcela deve ser um número inteiro' })
      .int({ error: 'parcela deve ser um número inteiro' })
      .min(1, { error: 'parcela deve ser no mínimo 1' })
      .max(999, { error: 'parcela deve ser no máximo 999' })
      .optional()
      .meta({ description: 'Número da parcela (padrão 1)' }),
    issueDate: calendarDate.meta({ description: 'Data de emissão AAAA-MM-DD' }),
    dueDate: calendarDate.meta({ description: 'Data de vencimento AAAA-MM-DD' }),
    amountCents: positiveCents.meta({ description: 'Valor do título em centavos', example: 150000 }),
    openAmountCents: nonNegativeCents
      .optional()
      .meta({ description: 'Valor em aberto em centavos (padrão: amountCents na criação)', example: 150000 }),
    invoiceNumber: z.string().trim().max(60).nullable().optional().meta({ description: 'Nota fiscal' }),
    portadorId: z.uuid({ error: 'portadorId deve ser o id (uuid) de um portador' }).nullable().optional(),
    portadorErpKey: erpKey.nullable().optional().meta({
      description:
        'Chave ERP do portador (PUT /api/v1/portadores/:erpKey); alternativa a portadorId. null: sem portador',
      example: 'ITAU-109',
    }),
    invoiceAuthorized: z
      .boolean({ error: 'invoiceAuthorized deve ser true ou false' })
      .optional()
      .meta({
        description:
          'Nota fiscal autorizada: com Registro em tempo real na integração do portador, o registro do título é ' +
          'enfileirado na mesma hora (como POST /api/v1/invoices/:number/authorized)',
      }),
  })
  .superRefine((body, ctx) => {
    if (body.portadorId !== undefined && body.portadorErpKey !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['portadorErpKey'],
        message: 'informe portadorErpKey ou portadorId, não os dois',
      });
    if (body.openAmountCents !== undefined && body.openAmountCents > body.amountCents)
      ctx.addIssue({
        code: 'custom',
        path: ['openAmountCents'],
        message: `não pode ser maior que amountCents (${body.amountCents})`,
      });
    if (body.dueDate < body.issueDate)
      ctx.addIssue({
        code: 'custom',
        path: ['dueDate'],
        message: `vencimento ${body.dueDate} é anterior à emissão ${body.issueDate}`,
      });
  })
  .meta({
    id: 'ReceivableUpsert',
    description:
      'Título. Imutáveis depois de criado: customerErpKey, document, number, installment, issueDate, amountCents. ' +
      'Mutáveis: dueDate, openAmountCents (gera movimento de ajuste), invoiceNumber, portadorErpKey (ou portadorId), ' +
      'establishmentErpKey.',
  });
export type ReceivableUpsertBody = z.infer<typeof receivableUpsertBody>;

export const receivableSchema = z
  .object({
    id: z.string(),
    erpKey: z.string(),
    companyId: z.string(),
    companyName: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    customerDocument: z.string(),
    establishmentId: z.string().nullable(),
    document: z.string(),
    number: z.string(),
    installment: z.number().int(),
    issueDate: z.string(),
    dueDate: z.string(),
    amountCents: z.number().int(),
    openAmountCents: z.number().int(),
    invoiceNumber: z.string().nullable(),
    portadorId: z.string().nullable(),
    portadorErpKey: z.string().nullable(),
    portadorName: z.string().nullable(),
    status: receivableStatus,
    overdue: z.boolean().meta({ description: 'Vencido: vencimento anterior a hoje e valor em aberto > 0' }),
  })
  .meta({ id: 'Receivable' });
export type ReceivableView = z.infer<typeof receivableSchema>;

export const erpReceivableSchema = receivableSchema
  .extend({ customerErpKey: z.string() })
  .meta({ id: 'ErpReceivable' });
export type ErpReceivableView = z.infer<typeof erpReceivableSchema>;

export const receivablePageSchema = pageSchema(receivableSchema).meta({ id: 'ReceivablePage' });
export const erpReceivablePageSchema = pageSchema(erpReceivableSchema).meta({ id: 'ErpReceivablePage' });

const statusList = z
  .string()
  .transform((value, ctx) => {
    const parts = value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const unknown = parts.filter((part) => !(receivableStatuses as readonly string[]).includes(part));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `valor desconhecido ${unknown.map((u) => `"${u}"`).join(', ')}; use: ${receivableStatuses.join(', ')}`,
      });
      return z.NEVER;
    }
    return parts as (typeof receivableStatuses)[number][];
  })
  .meta({ description: `Lista separada por vírgulas: ${receivableStatuses.join(', ')}` });

const receivableFilterFields = {
  issueFrom: calendarDate.optional(),
  issueTo: calendarDate.optional(),
  dueFrom: calendarDate.optional(),
  dueTo: calendarDate.optional(),
  status: statusList.optional(),
  overdue: z
    .enum(['true', 'false'], { error: 'overdue deve ser true ou false' })
    .transform((value) => value === 'true')
    .optional(),
  q: z.string().trim().max(200).optional().meta({
    description: 'Busca em número, documento, chave ERP, nota fiscal, nome ou documento do cliente',
  }),
  sort: z.enum(receivableSorts, { error: `sort deve ser um de: ${receivableSorts.join(', ')}` }).optional(),
  order: z.enum(['asc', 'desc'], { error: 'order deve ser asc ou desc' }).optional(),
  ...paginationQuery,
};

export const consoleReceivableListQuery = z.object({
  companyId: companyIdField,
  customerId: z.uuid({ error: 'customerId deve ser o id (uuid) de um cliente' }).optional(),
  ...receivableFilterFields,
});

export const erpReceivableListQuery = z.object({
  customerErpKey: erpKey.optional(),
  ...receivableFilterFields,
});
export type ErpReceivableListQuery = z.infer<typeof erpReceivableListQuery>;

/** What the console may change on a título (same service as the ERP upsert; immutable fields are not here). */
export const receivablePatchBody = z
  .strictObject({
    dueDate: calendarDate.optional(),
    invoiceNumber: z.string().trim().max(60).nullable().optional(),
    portadorId: z.uuid({ error: 'portadorId deve ser o id (uuid) de um portador' }).nullable().optional(),
  })
  .meta({ id: 'ReceivablePatch' });
export type ReceivablePatchBody = z.infer<typeof receivablePatchBody>;

export const movementSchema = z.object({
  id: z.string(),
  kind: z.string(),
  amountCents: z.number().int(),
  occurredOn: z.string(),
  description: z.string().nullable(),
  source: z.string(),
  createdAt: z.string(),
});

export const historySchema = z.object({
  id: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  actor: z.string(),
  actorName: z.string().nullable().meta({ description: 'Nome do usuário quando o autor é um usuário' }),
  at: z.string(),
});

export const receivableBoletoSchema = z
  .object({
    available: z.boolean().meta({ description: 'Há boleto (2ª via) para este título' }),
    reason: z
      .string()
      .nullable()
      .meta({ description: 'Por que não há boleto (sem portador com banco, título pago…), em pt-BR' }),
    registered: z.boolean().meta({
      description: 'Os valores são os da plataforma em que o título foi registrado (senão, calculados aqui)',
    }),
    platform: z.string().nullable(),
    nossoNumero: z.string().nullable(),
    line: z.string().nullable().meta({ description: 'Linha digitável, pontuada como impressa' }),
    pixCopyPaste: z.string().nullable().meta({ description: 'PIX copia e cola (boleto híbrido)' }),
    pdfUrl: z
      .string()
      .nullable()
      .meta({ description: 'A 2ª via em PDF: a da plataforma, ou GET /api/receivables/:id/boleto.pdf' }),
  })
  .meta({ id: 'ReceivableBoleto' });
export type ReceivableBoletoView = z.infer<typeof receivableBoletoSchema>;

export const receivableDetailSchema = z
  .object({
    receivable: receivableSchema,
    movements: z.array(movementSchema),
    history: z.array(historySchema),
    boleto: receivableBoletoSchema,
  })
  .meta({ id: 'ReceivableDetail' });
