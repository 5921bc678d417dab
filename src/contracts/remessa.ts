/** The Remessa tab (console) and the ERP's remessa list: filters, rows, totals, history and the actions. */
import { z } from 'zod';
import { registrationStatuses, remessaSorts } from '../domain/receivable/registration.js';
import { calendarDate, companyIdField, pageSchema, paginationQuery } from './common.js';
import { historySchema } from './receivables.js';

const statusList = z
  .string()
  .transform((value, ctx) => {
    const parts = value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const unknown = parts.filter((part) => !(registrationStatuses as readonly string[]).includes(part));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `valor desconhecido ${unknown.map((u) => `"${u}"`).join(', ')}; use: ${registrationStatuses.join(', ')}`,
      });
      return z.NEVER;
    }
    return parts as (typeof registrationStatuses)[number][];
  })
  .meta({ description: `Lista separada por vírgulas: ${registrationStatuses.join(', ')}` });

const remessaFilterFields = {
  platform: z.string().trim().max(40).optional().meta({ description: 'Plataforma (efi, cnab…)' }),
  portadorId: z.uuid({ error: 'portadorId deve ser o id (uuid) de um portador' }).optional(),
  issueFrom: calendarDate.optional(),
  issueTo: calendarDate.optional(),
  dueFrom: calendarDate.optional(),
  dueTo: calendarDate.optional(),
  status: statusList.optional(),
  q: z.string().trim().max(200).optional().meta({
    description:
      'Busca em número, documento, chave ERP, nota fiscal, cliente (nome ou CPF/CNPJ) e nosso número',
  }),
};

const listFields = {
  ...remessaFilterFields,
  receivableId: z
    .uuid({ error: 'receivableId deve ser o id (uuid) de um título' })
    .optional()
    .meta({ description: 'Só este título (a linha de um título na Remessa)' }),
  sort: z.enum(remessaSorts, { error: `sort deve ser um de: ${remessaSorts.join(', ')}` }).optional(),
  order: z.enum(['asc', 'desc'], { error: 'order deve ser asc ou desc' }).optional(),
  ...paginationQuery,
};

export const consoleRemessaListQuery = z.object({ companyId: companyIdField, ...listFields });
export const erpRemessaListQuery = z.object(listFields);

export const nearDueQuery = z.object({
  companyId: companyIdField,
  ...listFields,
  days: z.coerce
    .number({ error: 'days deve ser um número inteiro' })
    .int({ error: 'days deve ser um número inteiro' })
    .min(0, { error: 'days deve ser no mínimo 0' })
    .max(90, { error: 'days deve ser no máximo 90' })
    .default(5)
    .meta({ description: 'Dias até o vencimento (padrão 5)' }),
});

export const remessaItemSchema = z
  .object({
    receivableId: z.string(),
    remessaId: z.string().nullable().meta({ description: 'null enquanto o título nunca foi pedido' }),
    integrationId: z.string(),
    platform: z.string().meta({ description: 'Plataforma' }),
    companyId: z.string(),
    companyName: z.string().meta({ description: 'Empresa' }),
    erpKey: z.string(),
    document: z.string().meta({ description: 'Documento' }),
    number: z.string().meta({ description: 'Título' }),
    installment: z.number().int().meta({ description: 'Parcela' }),
    issueDate: z.string().meta({ description: 'Emissão' }),
    dueDate: z.string().meta({ description: 'Vencimento' }),
    invoiceNumber: z.string().nullable().meta({ description: 'Nota Fiscal' }),
    customerId: z.string(),
    customerName: z.string().meta({ description: 'Cliente' }),
    customerDocument: z.string(),
    portadorId: z.string(),
    portadorName: z.string().meta({ description: 'Portador' }),
    amountCents: z.number().int().meta({ description: 'Valor do Título' }),
    openAmountCents: z.number().int().meta({ description: 'Valor Aberto' }),
    nossoNumero: z.string().nullable().meta({ description: 'Nosso Número' }),
    chargeId: z.string().nullable().meta({ description: 'Remessa: id da cobrança na plataforma' }),
    pdfUrl: z.string().nullable().meta({ description: 'Boleto em PDF da plataforma (Imprimir boleto)' }),
    remessaFileNumber: z.number().int().nullable().meta({
      description:
        'Remessa (bancos por arquivo CNAB): número do último arquivo de remessa que levou o título',
    }),
    receivableStatus: z.string(),
    status: z.enum(registrationStatuses).meta({
      description: 'not_sent Não Enviado · sent Enviado · failed Falha · erp_failed Falha ERP · paid Pago',
    }),
    lastError: z.string().nullable().meta({ description: 'Motivo da última falha' }),
    attempts: z.number().int(),
  })
  .meta({ id: 'RemessaItem' });

export const remessaPageSchema = pageSchema(remessaItemSchema)
  .extend({
    totals: z
      .object({ count: z.number().int(), amountCents: z.number().int(), openAmountCents: z.number().int() })
      .meta({ description: 'Somas de todo o filtro' }),
  })
  .meta({ id: 'RemessaPage' });

export const remessaHistorySchema = z
  .object({ receivableId: z.string(), remessaId: z.string().nullable(), items: z.array(historySchema) })
  .meta({
    id: 'RemessaHistory',
    description:
      'Histórico da remessa: action (send_requested, attempt, sent, failed, erp_failed, retry_scheduled, ' +
      'due_date_changed, written_off, email_resent, change_queued…), after.reason (motivo da plataforma), actorName.',
  });

export const remessaActions = ['send', 'changeDueDate', 'writeOff', 'reverse', 'resendEmail'] as const;
export type RemessaAction = (typeof remessaActions)[number];

export const remessaActionBody = z
  .strictObject({
    action: z.enum(remessaActions, { error: `action deve ser um de: ${remessaActions.join(', ')}` }).meta({
      description:
        'send Enviar/Reenviar · changeDueDate Alterar vencimento (dueDate) · writeOff Baixar · reverse Estornar · ' +
        'resendEmail Reenviar por e-mail (email opcional: padrão o do cliente)',
    }),
    receivableIds: z
      .array(z.uuid({ error: 'receivableIds deve conter ids (uuid) de títulos' }))
      .min(1, { error: 'selecione ao menos um título' })
      .max(500, { error: 'no máximo 500 títulos por ação' }),
    dueDate: calendarDate.optional(),
    email: z.email({ error: 'email inválido' }).optional(),
  })
  .meta({ id: 'RemessaActionRequest' });
export type RemessaActionBody = z.infer<typeof remessaActionBody>;

export const remessaActionResultSchema = z
  .object({
    results: z.array(
      z.object({
        receivableId: z.string(),
        ok: z.boolean(),
        queued: z.boolean().meta({ description: 'send: o registro foi enfileirado agora' }),
        message: z.string().nullable().meta({ description: 'Motivo da recusa (plataforma ou finconsole)' }),
      }),
    ),
    succeeded: z.number().int(),
    failed: z.number().int(),
  })
  .meta({
    id: 'RemessaActionResult',
    description: 'Um resultado por título, na ordem pedida; uma recusa não impede os demais.',
  });

export const invoiceParams = z.object({
  number: z.string().trim().min(1, { error: 'informe o número da nota fiscal' }).max(60),
});

export const invoiceAuthorizedBody = z
  .strictObject({
    receivableErpKeys: z
      .array(z.string().trim().min(1).max(100))
      .min(1, { error: 'informe ao menos um título' })
      .max(500, { error: 'no máximo 500 títulos por nota' })
      .optional()
      .meta({
        description: 'Títulos da nota (chaves do ERP); sem ele, todos os títulos com esta nota fiscal',
      }),
  })
  .meta({ id: 'InvoiceAuthorized' });

export const invoiceAuthorizedResultSchema = z
  .object({
    invoiceNumber: z.string(),
    items: z.array(
      z.object({
        erpKey: z.string(),
        queued: z.boolean().meta({ description: 'true: registro enfileirado agora' }),
        status: z.enum(registrationStatuses).nullable(),
        message: z
          .string()
          .nullable()
          .meta({ description: 'Por que não foi enfileirado (sem tempo real, sem integração…)' }),
      }),
    ),
  })
  .meta({ id: 'InvoiceAuthorizedResult' });
