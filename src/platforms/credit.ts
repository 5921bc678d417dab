/**
 * Plain values of the credit platform's operations (the optional credit block of PlatformAdapter): what the ERP
 * data, the credit requests, the tickets, the invoices, the after-sale requests and the reconciliation events are on
 * our side of the contract. Amounts in centavos, dates "YYYY-MM-DD", documents normalized.
 */
import type { CreditSituation, CustomerSituation, TicketStatus } from '../domain/credit/index.js';
import type { EntryType, PostingKind } from '../domain/reconciliation/index.js';
import type { PayerAddress } from './adapter.js';

export interface CreditContact {
  name: string;
  email?: string;
  phone?: string;
  role?: string;
}

export interface CreditCustomer {
  erpKey: string;
  establishmentErpKey?: string;
  document: string;
  name: string;
  email?: string;
  phone?: string;
  address?: PayerAddress;
  contacts: CreditContact[];
}

export interface CustomerSyncResult {
  document: string;
  situation: Exclude<CustomerSituation, 'failed'>;
}

/** One month of the customer's sales in the ERP ("histórico de vendas realizadas nos últimos 12 meses"). */
export interface MonthlySales {
  /** "YYYY-MM" */
  month: string;
  amountCents: number;
}

export interface CreditAnalysisRequest {
  customerErpKey: string;
  document: string;
  /** "Limite de Crédito Sugerido": only a suggestion, the platform grants what it decides. */
  suggestedLimitCents: number;
  emergency: boolean;
  erpCreditLimitCents: number;
  salesLast12Months: MonthlySales[];
}

export interface LimitChangeRequest {
  document: string;
  requestedLimitCents: number;
  erpCreditLimitCents: number;
  salesLast12Months: MonthlySales[];
}

export interface CreditAnalysisReceipt {
  /** "Código da Última Análise": the platform's code for a concession or a limit change. */
  analysisCode: string;
  situation: CreditSituation;
}

export type CreditAnalysisKind = 'concession' | 'limit_change';

export interface CreditStatus {
  document: string;
  customerSituation: Exclude<CustomerSituation, 'failed'>;
  approvedLimitCents: number;
  availableLimitCents: number;
  lastAnalysis: {
    analysisCode: string;
    kind: CreditAnalysisKind;
    situation: CreditSituation;
    grantedLimitCents: number | null;
    /** Rejection or denial reason, as the platform words it. */
    reason: string | null;
  } | null;
}

/** A sales order as the data sync sends it (TOTVS FWTECHFINJOB: "pedidos de venda"). */
export interface SalesOrder {
  orderErpKey: string;
  orderNumber: string;
  document: string;
  orderDate: string;
  amountCents: number;
  /** The order's credit ticket, once it has one. */
  ticketId?: string;
}

/** One movement of a título sold through the platform (FWTECHFINJOB: "movimentação de títulos"). */
export interface ReceivableMovementSync {
  /** Our movement id: the platform keeps one entry per id, so a resend changes nothing. */
  movementId: string;
  invoiceNumber: string;
  invoiceSeries: string;
  installment: number;
  kind: PostingKind;
  amountCents: number;
  occurredOn: string;
}

export interface TicketRequest {
  orderErpKey: string;
  orderNumber: string;
  document: string;
  amountCents: number;
  orderDate: string;
}

export interface CreditTicket {
  ticketId: string;
  orderErpKey: string;
  status: TicketStatus;
  amountCents: number;
  reason: string | null;
  /** The platform answered with the order's existing ticket (reutilização). */
  reused: boolean;
}

export interface InvoiceSubmission {
  ticketId: string;
  document: string;
  number: string;
  series: string;
  issueDate: string;
  amountCents: number;
  installments: { installment: number; dueDate: string; amountCents: number }[];
}

export interface InvoiceAnswer {
  accepted: boolean;
  reason: string | null;
  /** The end customer's boletos the platform issues for an accepted invoice, one per installment. */
  faturas: { installment: number; faturaId: string; dueDate: string; amountCents: number }[];
}

export const afterSaleKinds = ['return', 'bonus', 'extension', 'credit_note'] as const;
export type AfterSaleKind = (typeof afterSaleKinds)[number];

/** Devolução sent by us. */
export interface ReturnRequest {
  invoiceNumber: string;
  invoiceSeries: string;
  document: string;
  amountCents: number;
  reason: string;
  requestedOn: string;
}

/** An after-sale request received from the platform (devolução, bonificação, prorrogação, liberação de NCC). */
export interface AfterSaleRequest {
  requestId: string;
  kind: AfterSaleKind;
  invoiceNumber: string;
  invoiceSeries: string;
  document: string;
  amountCents: number;
  /** Prorrogação only. */
  newDueDate: string | null;
  reason: string | null;
  requestedOn: string;
}

export interface AfterSaleAnswer {
  accepted: boolean;
  reason?: string;
}

export interface ReconciliationEvent {
  /** The platform's entry id: a re-sent event carries the same one. */
  entryId: string;
  eventCode: string;
  entryType: EntryType;
  amountCents: number;
  feeCents: number;
  customerDocument: string;
  invoiceNumber: string | null;
  invoiceSeries: string | null;
  occurredOn: string;
  raw: unknown;
}
