/**
 * The platform adapter contract: every platform (Efí, banks by CNAB file, bank APIs, the credit platform) is an
 * adapter object built by a factory from its validated options. Adapters take and return plain values and never
 * touch the database; the services record what they answer. An operation a platform does not offer is declared
 * false in `capabilities` and left undefined, never faked.
 */
import type { z } from 'zod';
import type { ReturnCommandTable } from '../domain/settlement/return-commands.js';
import type {
  AfterSaleAnswer,
  AfterSaleRequest,
  CreditAnalysisReceipt,
  CreditAnalysisRequest,
  CreditCustomer,
  CreditStatus,
  CreditTicket,
  CustomerSyncResult,
  InvoiceAnswer,
  InvoiceSubmission,
  LimitChangeRequest,
  ReceivableMovementSync,
  ReconciliationEvent,
  ReturnRequest,
  SalesOrder,
  TicketRequest,
} from './credit.js';

export const platformCodes = ['efi', 'cnab', 'supplier'] as const;
export type PlatformCode = (typeof platformCodes)[number];

export const capabilityNames = [
  'registerBoleto',
  'hybridBoleto',
  'carne',
  'changeDueDate',
  'cancel',
  'settleManually',
  'resendEmail',
  'webhooks',
  'statusQuery',
  'cnabFiles',
  'creditAnalysis',
  'reconciliation',
] as const;
export type Capability = (typeof capabilityNames)[number];
export type Capabilities = Readonly<Record<Capability, boolean>>;

export const platformEnvironments = ['sandbox', 'production'] as const;
export type PlatformEnvironment = (typeof platformEnvironments)[number];

/**
 * validation: the platform refused the data (not retried; its message is shown). transient: timeout, 5xx, rate
 * limit (retried with backoff). authentication: credentials refused (not retried; the integration needs fixing).
 */
export type PlatformErrorKind = 'validation' | 'transient' | 'authentication';

export class PlatformError extends Error {
  readonly kind: PlatformErrorKind;
  /** The field the platform named, when it named one. */
  readonly property: string | undefined;
  /** The platform's own error code, kept for the communication log. */
  readonly platformCode: string | undefined;
  /** When a rate limit says how long to wait. */
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: PlatformErrorKind,
    message: string,
    details: { property?: string; platformCode?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'PlatformError';
    this.kind = kind;
    this.property = details.property;
    this.platformCode = details.platformCode;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** One exchange with a platform, as the communication log ("Logs") keeps it. Secrets are masked by the adapter. */
export interface PlatformExchange {
  operation: string;
  method: string;
  url: string;
  requestBody: unknown;
  status: number | null;
  responseBody: unknown;
  durationMs: number;
  startedAt: Date;
}

/** Where an adapter instance runs: its environment, an optional custom endpoint and an exchange observer. */
export interface AdapterRuntime {
  environment: PlatformEnvironment;
  /** Overrides the platform's host for the environment (emulators, the TOTVS seed's custom endpoint). */
  baseUrl?: string;
  /** Called after every HTTP exchange, successful or not. */
  onExchange?: (exchange: PlatformExchange) => void;
  /** Per-request timeout; transient when exceeded. */
  timeoutMs?: number;
  /** The integration's webhook URL, sent with each charge so that the platform notifies it (Efí). */
  notificationUrl?: string;
}

export interface PayerAddress {
  street: string;
  number: string;
  complement?: string;
  district: string;
  city: string;
  state: string;
  postalCode: string;
}

export interface ChargePayer {
  name: string;
  /** CPF or CNPJ, normalized (digits; alphanumeric CNPJ upper case). */
  document: string;
  email?: string;
  phone?: string;
  address?: PayerAddress;
}

/** One charge to register: a boleto, or a boleto híbrido carrying a PIX QR code. */
export interface ChargeRequest {
  /** Our identifier, sent to the platform so that a retry can look the charge up first (no idempotency keys). */
  customId: string;
  kind: 'boleto' | 'hybrid';
  description: string;
  amountCents: number;
  issueDate: string;
  dueDate: string;
  payer: ChargePayer;
  /** Monthly interest in basis points (100 = 1 % a.m.), fine in basis points, both from the day after due. */
  interestMonthlyBasisPoints?: number;
  fineBasisPoints?: number;
  discount?: { cents: number; until: string };
  message?: string;
}

export type PlatformChargeStatus =
  'registered' | 'paid' | 'settled' | 'cancelled' | 'expired' | 'failed' | 'unknown';

export interface RegisteredCharge {
  customId: string;
  chargeId: string;
  status: PlatformChargeStatus;
  nossoNumero?: string;
  line?: string;
  barcode?: string;
  pixCopyPaste?: string;
  pdfUrl?: string;
  /** The carnê this parcela belongs to, when registered as one. */
  carneId?: string;
}

/** A group of parcelas of one document that the platform may register as a carnê (Efí's rules decide). */
export interface CarneRequest {
  customId: string;
  description: string;
  payer: ChargePayer;
  kind: 'boleto' | 'hybrid';
  /** In due-date order. A parcela's own description (default: the group's) counts for Efí's carnê rules. */
  parcels: {
    customId: string;
    amountCents: number;
    issueDate: string;
    dueDate: string;
    description?: string;
  }[];
  interestMonthlyBasisPoints?: number;
  fineBasisPoints?: number;
  message?: string;
}

/** Something a platform reported about a charge: a webhook notification entry, a polled status, a CNAB detail. */
export interface PlatformEvent {
  /** Unique per platform and integration: a repeated event carries the same id (Efí: the history id). */
  eventId: string;
  chargeId: string;
  customId?: string;
  occurrence: { code: string; description: string };
  /** ISO instant when the platform recorded the event. */
  occurredAt: string;
  paidOn?: string;
  creditedOn?: string;
  amounts: {
    paidCents?: number;
    interestCents?: number;
    fineCents?: number;
    discountCents?: number;
    rebateCents?: number;
    feeCents?: number;
    otherCostsCents?: number;
  };
  raw: unknown;
}

/** One título of a remessa file: the charge, the nosso número from the portador's sequence, what to do with it. */
export interface RemessaTitulo {
  charge: ChargeRequest;
  nossoNumero: string;
  /** Default: register. A título changed after registration goes again with its change. */
  movement?: 'register' | 'writeOff' | 'changeDueDate';
}

/** A remessa file for banks by CNAB: numbered in the portador's sequence (NSA), kept by the caller. */
export interface RemessaRequest {
  fileNumber: number;
  /** Which file of the day for the portador (1 = first); some banks put it in the name. */
  fileOfDay?: number;
  generatedOn: string;
  generatedAt?: string;
  titulos: RemessaTitulo[];
}

export interface RemessaFile {
  /** Named by the bank's convention. */
  fileName: string;
  /** The file as the bank reads it (CRLF line ends, ASCII). */
  content: string;
  lineCount: number;
}

/** A retorno file read: one event per detail, one error per unreadable line (never skipped). */
export interface RetornoRead {
  events: PlatformEvent[];
  errors: { line: number; column: number; field: string; message: string; raw: string }[];
}

export interface ConnectionCheck {
  ok: boolean;
  /** pt-BR summary shown by "Testar conexão". */
  message: string;
}

/**
 * One platform, configured for one integration. Operations beyond `testConnection` exist exactly when the matching
 * capability is true; banks by file (`cnabFiles`) register boletos through `writeRemessa` rather than `register`.
 */
export interface PlatformAdapter {
  readonly platform: PlatformCode;
  readonly capabilities: Capabilities;
  testConnection(): Promise<ConnectionCheck>;
  register?(charge: ChargeRequest): Promise<RegisteredCharge>;
  /**
   * Registers a document's parcelas, as a carnê where the platform's rules allow; one result per parcela, in the
   * request's order. `lookUpFirst` (for a retry whose first try may have succeeded) registers only what the
   * platform does not already hold under the same custom ids.
   */
  registerCarne?(carne: CarneRequest, options?: { lookUpFirst?: boolean }): Promise<RegisteredCharge[]>;
  /** Looks a charge up by our custom id (before retrying a call whose first try may have succeeded). */
  findByCustomId?(customId: string): Promise<RegisteredCharge | null>;
  changeDueDate?(chargeId: string, dueDate: string, today: string): Promise<void>;
  cancel?(chargeId: string): Promise<void>;
  settleManually?(chargeId: string): Promise<void>;
  resendEmail?(chargeId: string, email: string): Promise<void>;
  /** Turns a webhook's body into the events it stands for (Efí: fetches the notification by its token). */
  fetchNotification?(body: unknown): Promise<PlatformEvent[]>;
  queryStatus?(chargeId: string): Promise<PlatformEvent[]>;
  /** Banks by file: the remessa for a batch of títulos (pure; the caller numbers and stores it). */
  writeRemessa?(remessa: RemessaRequest): RemessaFile;
  /** Banks by file: a retorno file's details as events, its unreadable lines as errors. */
  readRetorno?(content: string): Promise<RetornoRead>;
  /**
   * Banks by file: the nosso número made from the portador's n-th number by the bank's rule, as the remessa
   * carries it (`inFile`) and as the título's key at the portador (`key`: no DV, no leading zeros).
   */
  nossoNumeroOf?(sequence: number, issueDate: string): { inFile: string; key: string };

  // ── Credit platform (capability creditAnalysis: customers, analyses, tickets, invoices, after-sale;
  //    capability reconciliation: the financial events). Values in src/platforms/credit.ts. ──
  /** Sends customers with their contacts; answers how the platform holds each one. */
  syncCustomers?(customers: CreditCustomer[]): Promise<CustomerSyncResult[]>;
  syncSalesOrders?(orders: SalesOrder[]): Promise<{ received: number }>;
  syncReceivableMovements?(movements: ReceivableMovementSync[]): Promise<{ received: number }>;
  requestCreditAnalysis?(request: CreditAnalysisRequest): Promise<CreditAnalysisReceipt>;
  requestLimitChange?(request: LimitChangeRequest): Promise<CreditAnalysisReceipt>;
  getCreditStatus?(document: string): Promise<CreditStatus>;
  /** Creates the order's credit ticket, or gets its open one back (reused) with the new amount. */
  createTicket?(request: TicketRequest): Promise<CreditTicket>;
  cancelTicket?(ticketId: string): Promise<CreditTicket>;
  /** The order's ticket as the platform holds it; null when it has none. */
  checkOrder?(orderErpKey: string): Promise<CreditTicket | null>;
  sendInvoice?(invoice: InvoiceSubmission): Promise<InvoiceAnswer>;
  sendReturnRequest?(request: ReturnRequest): Promise<{ requestId: string }>;
  /** After-sale requests not answered yet. */
  fetchAfterSaleRequests?(): Promise<AfterSaleRequest[]>;
  answerAfterSaleRequest?(requestId: string, answer: AfterSaleAnswer): Promise<void>;
  /** Events not acknowledged yet; the platform serves them again until they are. */
  fetchReconciliationEvents?(): Promise<ReconciliationEvent[]>;
  acknowledgeReconciliationEvents?(
    entryIds: string[],
  ): Promise<{ acknowledged: string[]; unknown: string[] }>;
}

/** How a platform is registered: its options schema (validated on save), which options are secrets, the factory. */
export interface PlatformDefinition<Options = unknown> {
  readonly platform: PlatformCode;
  /** pt-BR name shown in Parceiros/Bancos. */
  readonly label: string;
  readonly capabilities: Capabilities;
  readonly optionsSchema: z.ZodType<Options>;
  /**
   * Option keys that are write-only: encrypted at rest, never returned, masked in logs. Plain strings so that any
   * definition is a `PlatformDefinition<unknown>`; each definition checks its keys with `satisfies`.
   */
  readonly secretOptions: readonly string[];
  create(options: Options, runtime: AdapterRuntime): PlatformAdapter;
  /** Default return commands for the occurrence codes this platform reports (API platforms). */
  readonly returnCommands?: ReturnCommandTable;
}

export function capabilities(enabled: readonly Capability[]): Capabilities {
  return Object.fromEntries(capabilityNames.map((name) => [name, enabled.includes(name)])) as Record<
    Capability,
    boolean
  >;
}
