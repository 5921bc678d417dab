/**
 * The credit platform's JSON, as modelled from the seeds (its API is not public; src/platforms/supplier/mapping.ts
 * says where each piece comes from). Amounts travel as decimal strings in reais ("1234.56"), dates as
 * "YYYY-MM-DD", documents as digits. The emulator validates requests with the same shapes.
 */
import { z } from 'zod';

export const decimal = z.string().regex(/^-?\d+\.\d{2}$/, 'valor com duas casas decimais, ex.: 1234.56');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'data no formato AAAA-MM-DD');
const document = z.string().regex(/^[0-9A-Z]{11}$|^[0-9A-Z]{14}$/, 'CPF (11) ou CNPJ (14) sem pontuação');
const required = z.string().trim().min(1, 'campo obrigatório');

export const tokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
});

/** Every error the platform answers (4xx/5xx), besides OAuth's own { error, error_description }. */
export const errorResponse = z.object({
  codigo: z.string(),
  mensagem: z.string(),
  erros: z.array(z.object({ campo: z.string(), mensagem: z.string() })).optional(),
});
export type WireError = z.infer<typeof errorResponse>;

export const registryResponse = z.object({
  services: z.array(z.object({ name: z.string(), url: z.string().url() })),
});

export const wireCustomerSituation = z.enum([
  'ATIVO',
  'BLOQUEADO_CREDITO',
  'BLOQUEADO_ATRASO',
  'CARTAO_NAO_HABILITADO',
]);
export const wireAnalysisSituation = z.enum([
  'EM_PROCESSAMENTO',
  'EM_ANALISE',
  'APROVADA',
  'REJEITADA',
  'CANCELADA',
]);
export const wireTicketSituation = z.enum(['PENDENTE', 'APROVADO', 'NEGADO', 'CANCELADO']);
export const wireAfterSaleKind = z.enum(['DEVOLUCAO', 'BONIFICACAO', 'PRORROGACAO', 'LIBERACAO_NCC']);

export const customersRequest = z.object({
  clientes: z
    .array(
      z.object({
        codigoErp: required,
        codigoEstabelecimento: z.string().optional(),
        cnpjCpf: document,
        razaoSocial: required,
        email: z.string().email('e-mail inválido').optional(),
        // The platform contacts the buyer about every sale: no phone, no registration (DESIGN, emulators).
        telefone: z.string().regex(/^\d{10,11}$/, 'telefone obrigatório: DDD + número, só dígitos'),
        endereco: z
          .object({
            logradouro: required,
            numero: required,
            complemento: z.string().optional(),
            bairro: required,
            cidade: required,
            uf: z.string().regex(/^[A-Z]{2}$/, 'UF com duas letras'),
            cep: z.string().regex(/^\d{8}$/, 'CEP com 8 dígitos'),
          })
          .optional(),
        contatos: z.array(
          z.object({
            nome: required,
            email: z.string().email('e-mail inválido').optional(),
            telefone: z.string().optional(),
            cargo: z.string().optional(),
          }),
        ),
      }),
    )
    .min(1, 'informe ao menos um cliente'),
});
export const customersResponse = z.object({
  clientes: z.array(z.object({ cnpjCpf: z.string(), situacao: wireCustomerSituation })),
});

export const ordersRequest = z.object({
  pedidos: z
    .array(
      z.object({
        codigoPedidoErp: required,
        numeroPedido: required,
        cnpjCpf: document,
        dataPedido: date,
        valor: decimal,
        idTicket: z.string().optional(),
      }),
    )
    .min(1, 'informe ao menos um pedido'),
});

export const wireMovementKind = z.enum([
  'PAGAMENTO',
  'JUROS',
  'MULTA',
  'DESCONTO',
  'ABATIMENTO',
  'TARIFA',
  'DESPESA_COBRANCA',
  'BAIXA',
  'ESTORNO',
  'AJUSTE',
]);
export const movementsRequest = z.object({
  movimentos: z
    .array(
      z.object({
        idMovimento: required,
        numeroNota: required,
        serieNota: required,
        parcela: z.number().int().positive(),
        tipo: wireMovementKind,
        valor: decimal,
        data: date,
      }),
    )
    .min(1, 'informe ao menos um movimento'),
});
export const receivedResponse = z.object({ recebidos: z.number().int().nonnegative() });

const salesHistory = z
  .array(z.object({ mes: z.string().regex(/^\d{4}-\d{2}$/, 'mês no formato AAAA-MM'), valor: decimal }))
  .max(12, 'no máximo os últimos 12 meses');

export const analysisRequest = z.object({
  codigoErp: required,
  cnpjCpf: document,
  limiteSugerido: decimal,
  emergencial: z.boolean(),
  limiteCreditoErp: decimal,
  vendasUltimos12Meses: salesHistory,
});
export const limitChangeRequest = z.object({
  limiteSolicitado: decimal,
  limiteCreditoErp: decimal,
  vendasUltimos12Meses: salesHistory,
});
export const analysisReceipt = z.object({ codigoAnalise: z.string(), situacao: wireAnalysisSituation });

export const creditResponse = z.object({
  cnpjCpf: z.string(),
  situacaoCliente: wireCustomerSituation,
  limiteAprovado: decimal,
  limiteDisponivel: decimal,
  ultimaAnalise: z
    .object({
      codigoAnalise: z.string(),
      tipo: z.enum(['CONCESSAO', 'ALTERACAO']),
      situacao: wireAnalysisSituation,
      limiteConcedido: decimal.nullable(),
      motivo: z.string().nullable(),
    })
    .nullable(),
});

export const ticketRequest = z.object({
  codigoPedidoErp: required,
  numeroPedido: required,
  cnpjCpf: document,
  valor: decimal,
  dataPedido: date,
});
export const ticketResponse = z.object({
  idTicket: z.string(),
  codigoPedidoErp: z.string(),
  situacao: wireTicketSituation,
  valor: decimal,
  motivo: z.string().nullable(),
  reutilizado: z.boolean(),
});

export const invoiceRequest = z.object({
  idTicket: required,
  cnpjCpf: document,
  numero: required,
  serie: required,
  dataEmissao: date,
  valor: decimal,
  parcelas: z
    .array(z.object({ numero: z.number().int().positive(), vencimento: date, valor: decimal }))
    .min(1, 'informe ao menos uma parcela'),
});
export const invoiceResponse = z.object({
  aceita: z.boolean(),
  motivo: z.string().nullable(),
  faturas: z.array(
    z.object({ numeroParcela: z.number().int(), idFatura: z.string(), vencimento: date, valor: decimal }),
  ),
});

export const returnRequest = z.object({
  numeroNota: required,
  serieNota: required,
  cnpjCpf: document,
  valor: decimal,
  motivo: required,
  data: date,
});
export const returnResponse = z.object({ idSolicitacao: z.string(), situacao: z.literal('RECEBIDA') });

export const afterSaleRequest = z.object({
  idSolicitacao: z.string(),
  tipo: wireAfterSaleKind,
  numeroNota: z.string(),
  serieNota: z.string(),
  cnpjCpf: z.string(),
  valor: decimal,
  novoVencimento: date.nullable(),
  motivo: z.string().nullable(),
  data: date,
});
export const afterSaleListResponse = z.object({ solicitacoes: z.array(afterSaleRequest) });
export const afterSaleAnswerRequest = z.object({ aceita: z.boolean(), motivo: z.string().optional() });
export const afterSaleAnswerResponse = z.object({
  idSolicitacao: z.string(),
  situacao: z.enum(['ACEITA', 'RECUSADA']),
});

export const reconciliationEntry = z.object({
  idLancamento: z.string(),
  codigoEvento: z.string(),
  tipoLancamento: z.enum(['C', 'D']),
  valor: decimal,
  valorTaxa: decimal,
  cnpjCpfCliente: z.string(),
  notaFiscal: z.object({ numero: z.string(), serie: z.string() }).nullable(),
  dataOcorrencia: date,
});
export const reconciliationListResponse = z.object({ lancamentos: z.array(reconciliationEntry) });
export const acknowledgementRequest = z.object({
  idsLancamento: z.array(required).min(1, 'informe ao menos um lançamento'),
});
export const acknowledgementResponse = z.object({
  confirmados: z.array(z.string()),
  desconhecidos: z.array(z.string()),
});
