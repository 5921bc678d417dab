/**
 * THE contract with the credit platform (Supplier), modelled from the seeds because its API is not public: every
 * message as one descriptor (method, path, our value → their JSON, their JSON → our value), run by the adapter.
 *
 * Sources: FoccoERP "Gestão de Crédito de Clientes" (FSPL0250) — customers sent with "os dados cadastrais e o
 * histórico de vendas realizadas nos últimos 12 meses", Limite Sugerido and Emergencial, the ERP's credit limit
 * ("Limite Crédito Focco"), Alteração de Limite, the Código da Última Análise, the customer and credit situations,
 * Limite Aprovado / Disponível, the reconciliation records (Transação, Nota Fiscal número e série, Tp. Lcto,
 * Tp. Evento, Data, Valor Lcto, Valor Taxa). TOTVS Protheus "Mais Negócios" — FWTECHFINJOB syncs "clientes,
 * contatos, pedidos de venda, notas fiscais"; RSKJOBCOMMAND creates, reuses and cancels the credit ticket per sales
 * order, integrates it with the order, generates the faturas (the customer's boletos), sends the invoice data
 * "para a empresa de factoring, aceitar ou não", sends devoluções and receives devolução, bonificação, prorrogação
 * and liberação da NCC; RSKJOBBANK receives the daily credit and debit movements "através de API".
 * Our choices where the seeds are silent: JSON in Portuguese camelCase as Brazilian APIs write it; amounts as decimal
 * strings in reais; events and after-sale requests are served until acknowledged or answered (so a crash between
 * fetching and storing loses nothing).
 */
import type { z } from 'zod';
import type { CreditSituation, CustomerSituation, TicketStatus } from '../../domain/credit/index.js';
import type { PostingKind } from '../../domain/reconciliation/index.js';
import { centsToDecimalString, parseReais } from '../../domain/money.js';
import type {
  AfterSaleAnswer,
  AfterSaleKind,
  CreditAnalysisRequest,
  CreditCustomer,
  CreditStatus,
  CreditTicket,
  InvoiceSubmission,
  LimitChangeRequest,
  MonthlySales,
  ReceivableMovementSync,
  ReturnRequest,
  SalesOrder,
  TicketRequest,
} from '../credit.js';
import * as wire from './wire.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Operation<In, Res extends z.ZodType, Out> {
  /** pt-BR "Processo" of the communication log. */
  label: string;
  method: HttpMethod;
  path(input: In): string;
  body?(input: In): unknown;
  response: Res;
  result(response: z.infer<Res>, input: In): Out;
  /** What a 404 means, when it means "none" rather than an error. */
  notFound?: Out;
}

const operation = <In, Res extends z.ZodType, Out>(definition: Operation<In, Res, Out>) => definition;

const money = (cents: number) => centsToDecimalString(cents);
const cents = (decimal: string) => parseReais(decimal);
const segment = encodeURIComponent;

export const CUSTOMER_SITUATION_FROM_WIRE: Readonly<
  Record<z.infer<typeof wire.wireCustomerSituation>, Exclude<CustomerSituation, 'failed'>>
> = {
  ATIVO: 'active',
  BLOQUEADO_CREDITO: 'blocked_credit',
  BLOQUEADO_ATRASO: 'blocked_overdue',
  CARTAO_NAO_HABILITADO: 'card_not_enabled',
};

/** The platform's verdicts; Pendente, Enviado and Falha are our side of the exchange and never come from it. */
export const ANALYSIS_SITUATION_FROM_WIRE: Readonly<
  Record<z.infer<typeof wire.wireAnalysisSituation>, CreditSituation>
> = {
  EM_PROCESSAMENTO: 'processing',
  EM_ANALISE: 'under_review',
  APROVADA: 'approved',
  REJEITADA: 'rejected',
  CANCELADA: 'cancelled',
};

export const TICKET_STATUS_FROM_WIRE: Readonly<
  Record<z.infer<typeof wire.wireTicketSituation>, TicketStatus>
> = {
  PENDENTE: 'pending',
  APROVADO: 'approved',
  NEGADO: 'denied',
  CANCELADO: 'cancelled',
};

export const AFTER_SALE_KIND_FROM_WIRE: Readonly<
  Record<z.infer<typeof wire.wireAfterSaleKind>, AfterSaleKind>
> = {
  DEVOLUCAO: 'return',
  BONIFICACAO: 'bonus',
  PRORROGACAO: 'extension',
  LIBERACAO_NCC: 'credit_note',
};

export const MOVEMENT_KIND_TO_WIRE: Readonly<Record<PostingKind, z.infer<typeof wire.wireMovementKind>>> = {
  payment: 'PAGAMENTO',
  interest: 'JUROS',
  fine: 'MULTA',
  discount: 'DESCONTO',
  rebate: 'ABATIMENTO',
  fee: 'TARIFA',
  collection_cost: 'DESPESA_COBRANCA',
  write_off: 'BAIXA',
  reversal: 'ESTORNO',
  adjustment: 'AJUSTE',
};

const salesToWire = (sales: MonthlySales[]) =>
  sales.map((m) => ({ mes: m.month, valor: money(m.amountCents) }));

const ticketFromWire = (t: z.infer<typeof wire.ticketResponse>): CreditTicket => ({
  ticketId: t.idTicket,
  orderErpKey: t.codigoPedidoErp,
  status: TICKET_STATUS_FROM_WIRE[t.situacao],
  amountCents: cents(t.valor),
  reason: t.motivo,
  reused: t.reutilizado,
});

const analysisReceiptFromWire = (r: z.infer<typeof wire.analysisReceipt>) => ({
  analysisCode: r.codigoAnalise,
  situation: ANALYSIS_SITUATION_FROM_WIRE[r.situacao],
});

export const supplierOperations = {
  syncCustomers: operation({
    label: 'Envio de clientes e contatos',
    method: 'PUT',
    path: () => '/api/v1/clientes',
    body: (customers: CreditCustomer[]) => ({
      clientes: customers.map((c) => ({
        codigoErp: c.erpKey,
        codigoEstabelecimento: c.establishmentErpKey,
        cnpjCpf: c.document,
        razaoSocial: c.name,
        email: c.email,
        telefone: c.phone,
        endereco: c.address && {
          logradouro: c.address.street,
          numero: c.address.number,
          complemento: c.address.complement,
          bairro: c.address.district,
          cidade: c.address.city,
          uf: c.address.state,
          cep: c.address.postalCode,
        },
        contatos: c.contacts.map((contact) => ({
          nome: contact.name,
          email: contact.email,
          telefone: contact.phone,
          cargo: contact.role,
        })),
      })),
    }),
    response: wire.customersResponse,
    result: (r) =>
      r.clientes.map((c) => ({ document: c.cnpjCpf, situation: CUSTOMER_SITUATION_FROM_WIRE[c.situacao] })),
  }),

  syncSalesOrders: operation({
    label: 'Envio de pedidos de venda',
    method: 'PUT',
    path: () => '/api/v1/pedidos',
    body: (orders: SalesOrder[]) => ({
      pedidos: orders.map((o) => ({
        codigoPedidoErp: o.orderErpKey,
        numeroPedido: o.orderNumber,
        cnpjCpf: o.document,
        dataPedido: o.orderDate,
        valor: money(o.amountCents),
        idTicket: o.ticketId,
      })),
    }),
    response: wire.receivedResponse,
    result: (r) => ({ received: r.recebidos }),
  }),

  syncReceivableMovements: operation({
    label: 'Envio de movimentos de títulos',
    method: 'PUT',
    path: () => '/api/v1/titulos/movimentos',
    body: (movements: ReceivableMovementSync[]) => ({
      movimentos: movements.map((m) => ({
        idMovimento: m.movementId,
        numeroNota: m.invoiceNumber,
        serieNota: m.invoiceSeries,
        parcela: m.installment,
        tipo: MOVEMENT_KIND_TO_WIRE[m.kind],
        valor: money(m.amountCents),
        data: m.occurredOn,
      })),
    }),
    response: wire.receivedResponse,
    result: (r) => ({ received: r.recebidos }),
  }),

  requestCreditAnalysis: operation({
    label: 'Solicitação de análise de crédito',
    method: 'POST',
    path: () => '/api/v1/analises-credito',
    body: (r: CreditAnalysisRequest) => ({
      codigoErp: r.customerErpKey,
      cnpjCpf: r.document,
      limiteSugerido: money(r.suggestedLimitCents),
      emergencial: r.emergency,
      limiteCreditoErp: money(r.erpCreditLimitCents),
      vendasUltimos12Meses: salesToWire(r.salesLast12Months),
    }),
    response: wire.analysisReceipt,
    result: analysisReceiptFromWire,
  }),

  requestLimitChange: operation({
    label: 'Solicitação de alteração de limite',
    method: 'POST',
    path: (r: LimitChangeRequest) => `/api/v1/clientes/${segment(r.document)}/alteracoes-limite`,
    body: (r: LimitChangeRequest) => ({
      limiteSolicitado: money(r.requestedLimitCents),
      limiteCreditoErp: money(r.erpCreditLimitCents),
      vendasUltimos12Meses: salesToWire(r.salesLast12Months),
    }),
    response: wire.analysisReceipt,
    result: analysisReceiptFromWire,
  }),

  getCreditStatus: operation({
    label: 'Consulta de crédito do cliente',
    method: 'GET',
    path: (document: string) => `/api/v1/clientes/${segment(document)}/credito`,
    response: wire.creditResponse,
    result: (r): CreditStatus => ({
      document: r.cnpjCpf,
      customerSituation: CUSTOMER_SITUATION_FROM_WIRE[r.situacaoCliente],
      approvedLimitCents: cents(r.limiteAprovado),
      availableLimitCents: cents(r.limiteDisponivel),
      lastAnalysis: r.ultimaAnalise && {
        analysisCode: r.ultimaAnalise.codigoAnalise,
        kind: r.ultimaAnalise.tipo === 'CONCESSAO' ? 'concession' : 'limit_change',
        situation: ANALYSIS_SITUATION_FROM_WIRE[r.ultimaAnalise.situacao],
        grantedLimitCents:
          r.ultimaAnalise.limiteConcedido === null ? null : cents(r.ultimaAnalise.limiteConcedido),
        reason: r.ultimaAnalise.motivo,
      },
    }),
  }),

  createTicket: operation({
    label: 'Criação de ticket de crédito',
    method: 'POST',
    path: () => '/api/v1/tickets',
    body: (t: TicketRequest) => ({
      codigoPedidoErp: t.orderErpKey,
      numeroPedido: t.orderNumber,
      cnpjCpf: t.document,
      valor: money(t.amountCents),
      dataPedido: t.orderDate,
    }),
    response: wire.ticketResponse,
    result: ticketFromWire,
  }),

  cancelTicket: operation({
    label: 'Cancelamento de ticket de crédito',
    method: 'DELETE',
    path: (ticketId: string) => `/api/v1/tickets/${segment(ticketId)}`,
    response: wire.ticketResponse,
    result: ticketFromWire,
  }),

  checkOrder: operation({
    label: 'Consulta do ticket do pedido',
    method: 'GET',
    path: (orderErpKey: string) => `/api/v1/pedidos/${segment(orderErpKey)}/ticket`,
    response: wire.ticketResponse,
    result: (t): CreditTicket | null => ticketFromWire(t),
    notFound: null,
  }),

  sendInvoice: operation({
    label: 'Envio de nota fiscal',
    method: 'POST',
    path: () => '/api/v1/notas-fiscais',
    body: (n: InvoiceSubmission) => ({
      idTicket: n.ticketId,
      cnpjCpf: n.document,
      numero: n.number,
      serie: n.series,
      dataEmissao: n.issueDate,
      valor: money(n.amountCents),
      parcelas: n.installments.map((p) => ({
        numero: p.installment,
        vencimento: p.dueDate,
        valor: money(p.amountCents),
      })),
    }),
    response: wire.invoiceResponse,
    result: (r) => ({
      accepted: r.aceita,
      reason: r.motivo,
      faturas: r.faturas.map((f) => ({
        installment: f.numeroParcela,
        faturaId: f.idFatura,
        dueDate: f.vencimento,
        amountCents: cents(f.valor),
      })),
    }),
  }),

  sendReturnRequest: operation({
    label: 'Envio de devolução (pós-venda)',
    method: 'POST',
    path: () => '/api/v1/pos-venda/devolucoes',
    body: (r: ReturnRequest) => ({
      numeroNota: r.invoiceNumber,
      serieNota: r.invoiceSeries,
      cnpjCpf: r.document,
      valor: money(r.amountCents),
      motivo: r.reason,
      data: r.requestedOn,
    }),
    response: wire.returnResponse,
    result: (r) => ({ requestId: r.idSolicitacao }),
  }),

  fetchAfterSaleRequests: operation({
    label: 'Consulta de solicitações de pós-venda',
    method: 'GET',
    path: () => '/api/v1/pos-venda/solicitacoes',
    response: wire.afterSaleListResponse,
    result: (r) =>
      r.solicitacoes.map((s) => ({
        requestId: s.idSolicitacao,
        kind: AFTER_SALE_KIND_FROM_WIRE[s.tipo],
        invoiceNumber: s.numeroNota,
        invoiceSeries: s.serieNota,
        document: s.cnpjCpf,
        amountCents: cents(s.valor),
        newDueDate: s.novoVencimento,
        reason: s.motivo,
        requestedOn: s.data,
      })),
  }),

  answerAfterSaleRequest: operation({
    label: 'Resposta de solicitação de pós-venda',
    method: 'POST',
    path: (a: { requestId: string; answer: AfterSaleAnswer }) =>
      `/api/v1/pos-venda/solicitacoes/${segment(a.requestId)}/resposta`,
    body: (a: { requestId: string; answer: AfterSaleAnswer }) => ({
      aceita: a.answer.accepted,
      motivo: a.answer.reason,
    }),
    response: wire.afterSaleAnswerResponse,
    result: () => undefined,
  }),

  fetchReconciliationEvents: operation({
    label: 'Consulta de lançamentos de conciliação',
    method: 'GET',
    path: () => '/api/v1/conciliacao/lancamentos',
    response: wire.reconciliationListResponse,
    result: (r) =>
      r.lancamentos.map((l) => ({
        entryId: l.idLancamento,
        eventCode: l.codigoEvento,
        entryType: l.tipoLancamento === 'C' ? ('credit' as const) : ('debit' as const),
        amountCents: cents(l.valor),
        feeCents: cents(l.valorTaxa),
        customerDocument: l.cnpjCpfCliente,
        invoiceNumber: l.notaFiscal?.numero ?? null,
        invoiceSeries: l.notaFiscal?.serie ?? null,
        occurredOn: l.dataOcorrencia,
        raw: l,
      })),
  }),

  acknowledgeReconciliationEvents: operation({
    label: 'Confirmação de lançamentos de conciliação',
    method: 'POST',
    path: () => '/api/v1/conciliacao/lancamentos/confirmacao',
    body: (entryIds: string[]) => ({ idsLancamento: entryIds }),
    response: wire.acknowledgementResponse,
    result: (r) => ({ acknowledged: r.confirmados, unknown: r.desconhecidos }),
  }),
};

export type SupplierOperationName = keyof typeof supplierOperations;

/** "Processo" of a communication-log entry (PlatformExchange.operation → pt-BR). */
export function supplierProcessLabel(operation: string): string {
  if (operation === 'authenticate') return 'Autenticação';
  if (operation === 'registry') return 'Consulta ao registry do ambiente';
  if (operation === 'testConnection') return 'Teste de conexão';
  return Object.hasOwn(supplierOperations, operation)
    ? supplierOperations[operation as SupplierOperationName].label
    : operation;
}

/** Their field names → ours, so a validation error names the field the operator knows ("clientes.0.telefone" →
 * "customers.0.phone"). */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  clientes: 'customers',
  codigoErp: 'erpKey',
  codigoEstabelecimento: 'establishmentErpKey',
  cnpjCpf: 'document',
  razaoSocial: 'name',
  telefone: 'phone',
  endereco: 'address',
  logradouro: 'street',
  numero: 'number',
  complemento: 'complement',
  bairro: 'district',
  cidade: 'city',
  uf: 'state',
  cep: 'postalCode',
  contatos: 'contacts',
  nome: 'name',
  cargo: 'role',
  limiteSugerido: 'suggestedLimitCents',
  emergencial: 'emergency',
  limiteCreditoErp: 'erpCreditLimitCents',
  limiteSolicitado: 'requestedLimitCents',
  vendasUltimos12Meses: 'salesLast12Months',
  mes: 'month',
  valor: 'amountCents',
  codigoPedidoErp: 'orderErpKey',
  numeroPedido: 'orderNumber',
  dataPedido: 'orderDate',
  idTicket: 'ticketId',
  serie: 'series',
  dataEmissao: 'issueDate',
  parcelas: 'installments',
  vencimento: 'dueDate',
  numeroNota: 'invoiceNumber',
  serieNota: 'invoiceSeries',
  motivo: 'reason',
  data: 'requestedOn',
  pedidos: 'orders',
  movimentos: 'movements',
  idMovimento: 'movementId',
  parcela: 'installment',
  tipo: 'kind',
  aceita: 'accepted',
  idsLancamento: 'entryIds',
};

export function fieldFromWire(path: string): string {
  return path
    .split('.')
    .map((part) => FIELD_NAMES[part] ?? part)
    .join('.');
}
