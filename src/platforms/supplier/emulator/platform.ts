/**
 * The emulated credit platform's state and rules, in its own wire terms: customers, analyses and limits, tickets,
 * invoices, after-sale requests and reconciliation events. In memory, one instance per emulator.
 */
import type { z } from 'zod';
import { formatBRL, parseReais, centsToDecimalString } from '../../../domain/money.js';
import type * as wire from '../wire.js';

type CustomerSituation = z.infer<typeof wire.wireCustomerSituation>;
type AnalysisSituation = z.infer<typeof wire.wireAnalysisSituation>;
type TicketWire = z.infer<typeof wire.ticketResponse>;
type InvoiceAnswerWire = z.infer<typeof wire.invoiceResponse>;
type AfterSaleWire = z.infer<typeof wire.afterSaleRequest>;
type EntryWire = z.infer<typeof wire.reconciliationEntry>;

/** A refusal in the platform's error shape. */
export class PlatformRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: { campo: string; mensagem: string }[],
  ) {
    super(message);
  }
}

const invalid = (campo: string, mensagem: string) =>
  new PlatformRefusal(422, 'VALIDACAO', 'Dados inválidos', [{ campo, mensagem }]);
const notFound = (what: string) => new PlatformRefusal(404, 'NAO_ENCONTRADO', `${what} não encontrado`);
const conflict = (mensagem: string) => new PlatformRefusal(409, 'CONFLITO', mensagem);

interface Customer {
  erpKey: string;
  document: string;
  name: string;
  situation: CustomerSituation;
  approvedCents: number;
  paidCents: number;
}

interface Analysis {
  code: string;
  document: string;
  kind: 'CONCESSAO' | 'ALTERACAO';
  situation: AnalysisSituation;
  requestedCents: number;
  grantedCents: number | null;
  reason: string | null;
  /** What the seller's ERP said of the customer: its own credit limit and the months of sales sent. */
  erpLimitCents: number;
  salesMonths: string[];
}

interface Ticket {
  id: string;
  orderErpKey: string;
  document: string;
  amountCents: number;
  situation: TicketWire['situacao'];
  reason: string | null;
  invoiced: boolean;
}

interface Invoice {
  document: string;
  amountCents: number;
  answer: InvoiceAnswerWire;
}

const OPEN_ANALYSIS: readonly AnalysisSituation[] = ['EM_PROCESSAMENTO', 'EM_ANALISE'];

const DENIED_BY_SITUATION: Readonly<Record<Exclude<CustomerSituation, 'ATIVO'>, string>> = {
  BLOQUEADO_CREDITO: 'Cliente bloqueado por crédito',
  BLOQUEADO_ATRASO: 'Cliente bloqueado por atraso',
  CARTAO_NAO_HABILITADO: 'Cartão do cliente não habilitado',
};

export class EmulatedPlatform {
  readonly customers = new Map<string, Customer>();
  readonly analyses: Analysis[] = [];
  readonly tickets = new Map<string, Ticket>();
  readonly invoices = new Map<string, Invoice>();
  readonly orders = new Map<string, z.infer<typeof wire.ordersRequest>['pedidos'][number]>();
  readonly movements = new Map<string, z.infer<typeof wire.movementsRequest>['movimentos'][number]>();
  readonly returns: z.infer<typeof wire.returnRequest>[] = [];
  readonly afterSale = new Map<
    string,
    { request: AfterSaleWire; answer: { aceita: boolean; motivo?: string } | null }
  >();
  readonly events = new Map<string, { entry: EntryWire; acknowledged: boolean }>();
  private sequence = 0;

  private next(prefix: string): string {
    return `${prefix}${String(++this.sequence).padStart(6, '0')}`;
  }

  private customer(document: string): Customer {
    const customer = this.customers.get(document);
    if (!customer) throw invalid('cnpjCpf', 'cliente não cadastrado na plataforma: envie o cadastro antes');
    return customer;
  }

  /** Approved limit minus open tickets and accepted invoices, plus what the customer paid back. */
  availableCents(customer: Customer, exceptTicket?: string): number {
    let used = 0;
    for (const ticket of this.tickets.values())
      if (
        ticket.document === customer.document &&
        ticket.situation === 'APROVADO' &&
        ticket.id !== exceptTicket
      )
        used += ticket.amountCents;
    return customer.approvedCents - used + customer.paidCents;
  }

  upsertCustomers(request: z.infer<typeof wire.customersRequest>): z.infer<typeof wire.customersResponse> {
    return {
      clientes: request.clientes.map((c) => {
        const existing = this.customers.get(c.cnpjCpf);
        const customer: Customer = existing
          ? { ...existing, erpKey: c.codigoErp, name: c.razaoSocial }
          : {
              erpKey: c.codigoErp,
              document: c.cnpjCpf,
              name: c.razaoSocial,
              situation: 'ATIVO',
              approvedCents: 0,
              paidCents: 0,
            };
        this.customers.set(c.cnpjCpf, customer);
        return { cnpjCpf: customer.document, situacao: customer.situation };
      }),
    };
  }

  upsertOrders(request: z.infer<typeof wire.ordersRequest>) {
    request.pedidos.forEach((order, index) => {
      if (!this.customers.has(order.cnpjCpf))
        throw invalid(
          `pedidos.${index}.cnpjCpf`,
          'cliente não cadastrado na plataforma: envie o cadastro antes',
        );
    });
    for (const order of request.pedidos) this.orders.set(order.codigoPedidoErp, order);
    return { recebidos: request.pedidos.length };
  }

  /** Movements of títulos the platform holds; one entry per movement id, so a resend changes nothing. */
  upsertMovements(request: z.infer<typeof wire.movementsRequest>) {
    request.movimentos.forEach((movement, index) => {
      if (!this.invoices.get(`${movement.numeroNota}/${movement.serieNota}`)?.answer.aceita)
        throw invalid(`movimentos.${index}.numeroNota`, 'nota fiscal não aceita pela plataforma');
    });
    for (const movement of request.movimentos) this.movements.set(movement.idMovimento, movement);
    return { recebidos: request.movimentos.length };
  }

  private openAnalysis(document: string): Analysis | undefined {
    return this.analyses.find((a) => a.document === document && OPEN_ANALYSIS.includes(a.situation));
  }

  private startAnalysis(
    document: string,
    kind: Analysis['kind'],
    requestedCents: number,
    erp: Pick<z.infer<typeof wire.analysisRequest>, 'limiteCreditoErp' | 'vendasUltimos12Meses'>,
  ) {
    if (this.openAnalysis(document))
      throw conflict('Já existe uma análise de crédito em andamento para o cliente');
    const analysis: Analysis = {
      code: this.next('AN'),
      document,
      kind,
      situation: 'EM_PROCESSAMENTO',
      requestedCents,
      grantedCents: null,
      reason: null,
      erpLimitCents: parseReais(erp.limiteCreditoErp),
      salesMonths: erp.vendasUltimos12Meses.map((sale) => sale.mes),
    };
    this.analyses.push(analysis);
    return { codigoAnalise: analysis.code, situacao: analysis.situation };
  }

  requestAnalysis(request: z.infer<typeof wire.analysisRequest>) {
    this.customer(request.cnpjCpf);
    return this.startAnalysis(request.cnpjCpf, 'CONCESSAO', parseReais(request.limiteSugerido), request);
  }

  requestLimitChange(document: string, request: z.infer<typeof wire.limitChangeRequest>) {
    this.customer(document);
    if (!this.analyses.some((a) => a.document === document && a.situation === 'APROVADA'))
      throw invalid('cnpjCpf', 'alteração de limite exige ao menos uma análise de crédito aprovada');
    return this.startAnalysis(document, 'ALTERACAO', parseReais(request.limiteSolicitado), request);
  }

  review(document: string): void {
    const analysis = this.openAnalysis(document);
    if (!analysis) throw notFound('Análise em andamento');
    analysis.situation = 'EM_ANALISE';
  }

  /** The platform's verdict; an approval sets the customer's limit to what it grants, whatever was suggested. */
  decide(document: string, verdict: { approved: boolean; limitCents?: number; reason?: string }): void {
    const analysis = this.openAnalysis(document);
    if (!analysis) throw notFound('Análise em andamento');
    if (verdict.approved) {
      if (verdict.limitCents === undefined) throw invalid('limitCents', 'informe o limite concedido');
      analysis.situation = 'APROVADA';
      analysis.grantedCents = verdict.limitCents;
      this.customer(document).approvedCents = verdict.limitCents;
    } else {
      analysis.situation = 'REJEITADA';
      analysis.reason =
        verdict.reason ??
        (analysis.kind === 'CONCESSAO' ? 'Crédito não concedido' : 'Alteração de limite negada');
    }
  }

  setSituation(document: string, situation: CustomerSituation): void {
    this.customer(document).situation = situation;
  }

  receivePayment(document: string, amountCents: number): void {
    this.customer(document).paidCents += amountCents;
  }

  credit(document: string): z.infer<typeof wire.creditResponse> {
    const customer = this.customers.get(document);
    if (!customer) throw notFound('Cliente');
    const last = this.analyses.filter((a) => a.document === document).at(-1);
    return {
      cnpjCpf: document,
      situacaoCliente: customer.situation,
      limiteAprovado: centsToDecimalString(customer.approvedCents),
      limiteDisponivel: centsToDecimalString(this.availableCents(customer)),
      ultimaAnalise: last
        ? {
            codigoAnalise: last.code,
            tipo: last.kind,
            situacao: last.situation,
            limiteConcedido: last.grantedCents === null ? null : centsToDecimalString(last.grantedCents),
            motivo: last.reason,
          }
        : null,
    };
  }

  private ticketWire(ticket: Ticket, reused: boolean): TicketWire {
    return {
      idTicket: ticket.id,
      codigoPedidoErp: ticket.orderErpKey,
      situacao: ticket.situation,
      valor: centsToDecimalString(ticket.amountCents),
      motivo: ticket.reason,
      reutilizado: reused,
    };
  }

  private evaluate(ticket: Ticket, customer: Customer): void {
    const available = this.availableCents(customer, ticket.id);
    if (customer.situation !== 'ATIVO') {
      ticket.situation = 'NEGADO';
      ticket.reason = DENIED_BY_SITUATION[customer.situation];
    } else if (ticket.amountCents > available) {
      ticket.situation = 'NEGADO';
      ticket.reason = `Limite disponível insuficiente (disponível ${formatBRL(Math.max(0, available))})`;
    } else {
      ticket.situation = 'APROVADO';
      ticket.reason = null;
    }
  }

  /** One live ticket per order: asking again reuses it with the new amount (TOTVS: "reutilização"). */
  createTicket(request: z.infer<typeof wire.ticketRequest>): { reused: boolean; ticket: TicketWire } {
    const customer = this.customer(request.cnpjCpf);
    const live = this.orderTicket(request.codigoPedidoErp);
    const reusable = live && live.situation !== 'CANCELADO' && !live.invoiced ? live : undefined;
    const ticket: Ticket = reusable ?? {
      id: this.next('TK'),
      orderErpKey: request.codigoPedidoErp,
      document: request.cnpjCpf,
      amountCents: 0,
      situation: 'PENDENTE',
      reason: null,
      invoiced: false,
    };
    ticket.amountCents = parseReais(request.valor);
    this.evaluate(ticket, customer);
    this.tickets.set(ticket.id, ticket);
    return { reused: reusable !== undefined, ticket: this.ticketWire(ticket, reusable !== undefined) };
  }

  cancelTicket(id: string): TicketWire {
    const ticket = this.tickets.get(id);
    if (!ticket) throw notFound('Ticket');
    if (ticket.invoiced) throw invalid('idTicket', 'ticket com nota fiscal aceita não pode ser cancelado');
    ticket.situation = 'CANCELADO';
    return this.ticketWire(ticket, false);
  }

  orderTicket(orderErpKey: string): Ticket | undefined {
    return [...this.tickets.values()].filter((t) => t.orderErpKey === orderErpKey).at(-1);
  }

  orderTicketWire(orderErpKey: string): TicketWire {
    const ticket = this.orderTicket(orderErpKey);
    if (!ticket) throw notFound('Ticket do pedido');
    return this.ticketWire(ticket, false);
  }

  /** Accepts the invoice of an approved ticket ("aceitar ou não") and issues one fatura per installment. */
  receiveInvoice(request: z.infer<typeof wire.invoiceRequest>): InvoiceAnswerWire {
    const key = `${request.numero}/${request.serie}`;
    const known = this.invoices.get(key);
    if (known) return known.answer;
    const amountCents = parseReais(request.valor);
    const installments = request.parcelas.reduce((sum, p) => sum + parseReais(p.valor), 0);
    if (installments !== amountCents)
      throw invalid(
        'parcelas',
        `a soma das parcelas (${formatBRL(installments)}) difere do valor da nota (${formatBRL(amountCents)})`,
      );
    const ticket = this.tickets.get(request.idTicket);
    if (!ticket) throw invalid('idTicket', 'ticket não encontrado na plataforma');
    const refuse = (motivo: string): InvoiceAnswerWire => ({ aceita: false, motivo, faturas: [] });
    const answer =
      ticket.document !== request.cnpjCpf
        ? refuse('Nota fiscal de outro cliente que o do ticket')
        : ticket.situation !== 'APROVADO' || ticket.invoiced
          ? refuse(`Ticket de crédito ${ticket.invoiced ? 'já utilizado' : ticket.situation.toLowerCase()}`)
          : amountCents > ticket.amountCents
            ? refuse(`Valor da nota acima do valor do ticket (${formatBRL(ticket.amountCents)})`)
            : {
                aceita: true,
                motivo: null,
                faturas: request.parcelas.map((p) => ({
                  numeroParcela: p.numero,
                  idFatura: `FAT-${request.numero}-${request.serie}-${p.numero}`,
                  vencimento: p.vencimento,
                  valor: p.valor,
                })),
              };
    if (answer.aceita) {
      // The sale now holds the limit for the invoiced amount, not the ticket's.
      ticket.invoiced = true;
      ticket.amountCents = amountCents;
    }
    this.invoices.set(key, { document: request.cnpjCpf, amountCents, answer });
    return answer;
  }

  receiveReturn(request: z.infer<typeof wire.returnRequest>) {
    const invoice = this.invoices.get(`${request.numeroNota}/${request.serieNota}`);
    if (!invoice?.answer.aceita) throw invalid('numeroNota', 'nota fiscal não aceita pela plataforma');
    if (parseReais(request.valor) > invoice.amountCents)
      throw invalid('valor', `devolução acima do valor da nota (${formatBRL(invoice.amountCents)})`);
    this.returns.push(request);
    return { idSolicitacao: this.next('DEV'), situacao: 'RECEBIDA' as const };
  }

  addAfterSale(request: Omit<AfterSaleWire, 'idSolicitacao'> & { idSolicitacao?: string }): void {
    const id = request.idSolicitacao ?? this.next('PV');
    this.afterSale.set(id, { request: { ...request, idSolicitacao: id }, answer: null });
  }

  pendingAfterSale(): AfterSaleWire[] {
    return [...this.afterSale.values()].filter((s) => !s.answer).map((s) => s.request);
  }

  answerAfterSale(id: string, answer: { aceita: boolean; motivo?: string }) {
    const request = this.afterSale.get(id);
    if (!request) throw notFound('Solicitação de pós-venda');
    if (request.answer) throw conflict('Solicitação de pós-venda já respondida');
    request.answer = answer;
    return { idSolicitacao: id, situacao: answer.aceita ? ('ACEITA' as const) : ('RECUSADA' as const) };
  }

  /** A posted entry id already known is the platform re-sending it: served again until acknowledged again. */
  addEvent(entry: EntryWire): void {
    this.events.set(entry.idLancamento, { entry, acknowledged: false });
  }

  pendingEvents(): EntryWire[] {
    return [...this.events.values()].filter((e) => !e.acknowledged).map((e) => e.entry);
  }

  acknowledge(ids: string[]) {
    const confirmados: string[] = [];
    const desconhecidos: string[] = [];
    for (const id of ids) {
      const event = this.events.get(id);
      if (event) {
        event.acknowledged = true;
        confirmados.push(id);
      } else desconhecidos.push(id);
    }
    return { confirmados, desconhecidos };
  }
}
