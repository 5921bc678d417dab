/**
 * The one database schema (drizzle pg-core) shared by PGlite (embedded) and PostgreSQL.
 * Migrations are generated from this file with `npx drizzle-kit generate` into src/store/migrations/.
 *
 * Conventions: ids are uuid; calendar dates are SQL `date` read as 'YYYY-MM-DD' strings; money is integer
 * centavos in `bigint` columns read as JS numbers; instants are `timestamptz`.
 * It imports only dependency-free domain lists, so drizzle-kit can load it on its own.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { CreditSituation, CustomerSituation } from '../domain/credit/situations.js';
import type { EntryType } from '../domain/reconciliation/events.js';
import type { ReconciliationSituation } from '../domain/reconciliation/situations.js';
import { movementKinds } from '../domain/receivable/postings.js';
import { receivableStatuses } from '../domain/receivable/statuses.js';

const money = (name: string) => bigint(name, { mode: 'number' });
const calendarDate = (name: string) => date(name, { mode: 'string' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => instant('created_at').notNull().defaultNow();

export const companyKinds = ['consolidated', 'child'] as const;
export const companyKind = pgEnum('company_kind', companyKinds);

export const userRoles = ['admin', 'operator', 'viewer'] as const;
export const userRole = pgEnum('user_role', userRoles);

export { movementKinds, receivableStatuses };
export const receivableStatus = pgEnum('receivable_status', receivableStatuses);

export const movementKind = pgEnum('movement_kind', movementKinds);

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: companyKind('kind').notNull(),
    parentCompanyId: uuid('parent_company_id').references((): AnyPgColumn => companies.id),
    cnpj: text('cnpj').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('companies_cnpj_key').on(t.cnpj),
    index('companies_parent_idx').on(t.parentCompanyId),
    check(
      'companies_kind_parent_check',
      sql`(${t.kind} = 'child') OR (${t.kind} = 'consolidated' AND ${t.parentCompanyId} IS NULL)`,
    ),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull(),
    homeCompanyId: uuid('home_company_id')
      .notNull()
      .references(() => companies.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: instant('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
    /** After this instant the token is refused (null: never expires). Rotation sets it on the old token. */
    expiresAt: instant('expires_at'),
    /** What the token reaches (src/domain/api-scopes.ts); null: everything. */
    scopes: text('scopes').array(),
  },
  (t) => [
    uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash),
    index('api_tokens_company_idx').on(t.companyId),
  ],
);

const addressColumns = () => ({
  street: text('street'),
  addressNumber: text('address_number'),
  complement: text('complement'),
  district: text('district'),
  city: text('city'),
  state: text('state'),
  postalCode: text('postal_code'),
});

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    erpKey: text('erp_key').notNull(),
    name: text('name').notNull(),
    /** CPF (11) or CNPJ (14), normalized: no punctuation, letters upper case. */
    document: text('document').notNull(),
    email: text('email'),
    phone: text('phone'),
    ...addressColumns(),
    requestHash: text('request_hash'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customers_company_erp_key').on(t.companyId, t.erpKey),
    index('customers_company_name_idx').on(t.companyId, t.name),
    index('customers_document_idx').on(t.document),
  ],
);

export const establishments = pgTable(
  'establishments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    erpKey: text('erp_key').notNull(),
    document: text('document').notNull(),
    name: text('name').notNull(),
    ...addressColumns(),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('establishments_customer_erp_key').on(t.customerId, t.erpKey)],
);

export const bankAccounts = pgTable(
  'bank_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** FEBRABAN bank code, 3 digits ("001", "341"). */
    bankCode: text('bank_code').notNull(),
    agency: text('agency').notNull(),
    agencyDigit: text('agency_digit'),
    account: text('account').notNull(),
    accountDigit: text('account_digit'),
    pixKey: text('pix_key'),
    /** cpf | cnpj | email | phone | evp */
    pixKeyType: text('pix_key_type'),
    erpKey: text('erp_key').notNull(),
    name: text('name'),
    requestHash: text('request_hash'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('bank_accounts_company_idx').on(t.companyId),
    uniqueIndex('bank_accounts_company_erp_key').on(t.companyId, t.erpKey),
  ],
);

export const portadores = pgTable(
  'portadores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    bankAccountId: uuid('bank_account_id').references(() => bankAccounts.id),
    name: text('name').notNull(),
    carteira: text('carteira'),
    convenio: text('convenio'),
    erpKey: text('erp_key').notNull(),
    requestHash: text('request_hash'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    index('portadores_company_idx').on(t.companyId),
    uniqueIndex('portadores_company_erp_key').on(t.companyId, t.erpKey),
  ],
);

/** Títulos a receber. */
export const receivables = pgTable(
  'receivables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    erpKey: text('erp_key').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    establishmentId: uuid('establishment_id').references(() => establishments.id),
    document: text('document').notNull(),
    number: text('number').notNull(),
    installment: integer('installment').notNull().default(1),
    issueDate: calendarDate('issue_date').notNull(),
    dueDate: calendarDate('due_date').notNull(),
    amountCents: money('amount_cents').notNull(),
    openAmountCents: money('open_amount_cents').notNull(),
    invoiceNumber: text('invoice_number'),
    portadorId: uuid('portador_id').references(() => portadores.id),
    status: receivableStatus('status').notNull().default('open'),
    requestHash: text('request_hash'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('receivables_company_erp_key').on(t.companyId, t.erpKey),
    index('receivables_company_due_idx').on(t.companyId, t.dueDate),
    index('receivables_company_issue_idx').on(t.companyId, t.issueDate),
    index('receivables_customer_idx').on(t.customerId),
    index('receivables_status_idx').on(t.companyId, t.status),
    check('receivables_amount_check', sql`${t.amountCents} >= 0 AND ${t.openAmountCents} >= 0`),
  ],
);

/** Append-only ledger of what happened to a título's amounts. A database trigger rejects UPDATE/DELETE. */
export const receivableMovements = pgTable(
  'receivable_movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order (rows of one transaction share created_at). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    receivableId: uuid('receivable_id')
      .notNull()
      .references(() => receivables.id),
    kind: movementKind('kind').notNull(),
    amountCents: money('amount_cents').notNull(),
    occurredOn: calendarDate('occurred_on').notNull(),
    description: text('description'),
    /** Who/what posted it: 'erp-api', 'console', 'seed', 'job:<name>', 'retorno:<id>'… */
    source: text('source').notNull(),
    /** Makes a posting exactly-once: a second append with the same key is ignored. */
    idempotencyKey: text('idempotency_key'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('receivable_movements_idempotency_key').on(t.idempotencyKey),
    index('receivable_movements_receivable_idx').on(t.receivableId, t.seq),
  ],
);

/** Stored responses for the ERP API's `Idempotency-Key` header. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'idempotency_keys_pkey', columns: [t.companyId, t.key] })],
);

/** Audit trail: every change of every record (append-only, enforced by a trigger). */
export const recordHistory = pgTable(
  'record_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order (rows of one transaction share `at`). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    companyId: uuid('company_id'),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    actor: text('actor').notNull(),
    at: instant('at').notNull().defaultNow(),
    /** The request (or the job a request caused) that made the change: the audit log's before/after. */
    requestId: text('request_id'),
  },
  (t) => [
    index('record_history_entity_idx').on(t.entity, t.entityId, t.seq),
    index('record_history_request_idx').on(t.requestId),
  ],
);

/** Platforms the installation has enabled ("conforme a liberação comercial"): an admin switch per platform. */
export const enabledPlatforms = pgTable('enabled_platforms', {
  platform: text('platform').primaryKey(),
  enabled: integer('enabled').notNull().default(1),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** One company + portador + platform with its options, encrypted secrets and webhook token. */
export const integrations = pgTable(
  'integrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    portadorId: uuid('portador_id')
      .notNull()
      .references(() => portadores.id),
    platform: text('platform').notNull(),
    /** boleto | hybrid */
    chargeType: text('charge_type').notNull(),
    /** sandbox | production */
    environment: text('environment').notNull(),
    endpointUrl: text('endpoint_url'),
    realtime: integer('realtime').notNull().default(0),
    /** Títulos issued before it are never offered for remessa. */
    referenceDate: calendarDate('reference_date').notNull(),
    active: integer('active').notNull().default(1),
    /** The platform's non-secret options (validated by its options schema). */
    options: jsonb('options').notNull(),
    /** AES-256-GCM envelope of the secret options; never returned. */
    secrets: text('secrets'),
    /** The unguessable part of the webhook URL the platform calls. */
    webhookToken: text('webhook_token').notNull(),
    feeCents: money('fee_cents').notNull().default(0),
    receiptHistoryCode: text('receipt_history_code'),
    entriesHistoryCode: text('entries_history_code'),
    feesHistoryCode: text('fees_history_code'),
    notifyUserIds: jsonb('notify_user_ids')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** 1: each retorno record is processed as soon as it arrives; 0: it waits for "Processar" in the console. */
    autoProcess: integer('auto_process').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('integrations_company_idx').on(t.companyId, t.platform),
    uniqueIndex('integrations_webhook_token_key').on(t.webhookToken),
    uniqueIndex('integrations_active_portador_key')
      .on(t.portadorId)
      .where(sql`${t.active} = 1`),
    uniqueIndex('integrations_one_active_efi_key')
      .on(t.companyId)
      .where(sql`${t.active} = 1 AND ${t.platform} = 'efi'`),
  ],
);

/** Registration of one título through one integration: its status and what the platform answered. */
export const remessas = pgTable(
  'remessas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    receivableId: uuid('receivable_id')
      .notNull()
      .references(() => receivables.id),
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => integrations.id),
    /** not_sent | sent | failed | erp_failed | paid */
    status: text('status').notNull(),
    chargeId: text('charge_id'),
    nossoNumero: text('nosso_numero'),
    line: text('line'),
    barcode: text('barcode'),
    pixCopyPaste: text('pix_copy_paste'),
    pdfUrl: text('pdf_url'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('remessas_receivable_integration_key').on(t.receivableId, t.integrationId),
    index('remessas_company_status_idx').on(t.companyId, t.status),
    index('remessas_charge_idx').on(t.integrationId, t.chargeId),
  ],
);

/** Everything a platform reported, stored raw and normalized before it is processed. */
export const retornos = pgTable(
  'retornos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => integrations.id),
    platform: text('platform').notNull(),
    /** webhook | poll | cnab */
    source: text('source').notNull(),
    /** The platform's id of the event (Efí: history id): the same event twice is one record. */
    eventId: text('event_id').notNull(),
    receivableId: uuid('receivable_id').references(() => receivables.id),
    remessaId: uuid('remessa_id').references(() => remessas.id),
    chargeId: text('charge_id'),
    nossoNumero: text('nosso_numero'),
    occurrenceCode: text('occurrence_code').notNull(),
    occurrenceDescription: text('occurrence_description').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    paidOn: calendarDate('paid_on'),
    creditedOn: calendarDate('credited_on'),
    paidCents: money('paid_cents').notNull().default(0),
    interestCents: money('interest_cents').notNull().default(0),
    fineCents: money('fine_cents').notNull().default(0),
    discountCents: money('discount_cents').notNull().default(0),
    rebateCents: money('rebate_cents').notNull().default(0),
    feeCents: money('fee_cents').notNull().default(0),
    otherCostsCents: money('other_costs_cents').notNull().default(0),
    collectionCostCents: money('collection_cost_cents').notNull().default(0),
    raw: jsonb('raw'),
    /** not_processed | processed | failed */
    situation: text('situation').notNull().default('not_processed'),
    note: text('note'),
    processedAt: instant('processed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('retornos_integration_event_key').on(t.integrationId, t.eventId),
    index('retornos_company_situation_idx').on(t.companyId, t.situation),
    index('retornos_receivable_idx').on(t.receivableId),
  ],
);

/** An admin's edit of a return command; codes without a row use the defaults shipped per bank/platform. */
export const returnCommands = pgTable(
  'return_commands',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A bank code ("237") or a platform code ("efi"). */
    scope: text('scope').notNull(),
    code: text('code').notNull(),
    description: text('description').notNull(),
    action: text('action').notNull(),
    /** The history code each amount posts with (movement kind → code), as the admin set it. */
    historyCodes: jsonb('history_codes'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('return_commands_scope_code_key').on(t.scope, t.code)],
);

/**
 * The transactional outbox: events for the ERP and work for the job queue, written in the transaction of the
 * change that causes them and relayed to the queue after commit.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** event (to the ERP, kept as the event log) | job (work for a queue) */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    companyId: uuid('company_id'),
    subjectId: text('subject_id'),
    payload: jsonb('payload').notNull(),
    /** At most one row per key (e.g. one pending registration per título). */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    relayedAt: instant('relayed_at'),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_key').on(t.dedupeKey),
    index('outbox_pending_idx')
      .on(t.id)
      .where(sql`${t.relayedAt} IS NULL`),
    index('outbox_company_name_idx').on(t.companyId, t.name, t.id),
  ],
);

/** The communication log ("Logs"): every exchange with a platform, webhook received and job run. */
export const communicationLog = pgTable(
  'communication_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    companyId: uuid('company_id'),
    integrationId: uuid('integration_id'),
    platform: text('platform').notNull(),
    operation: text('operation').notNull(),
    /** out (we called) | in (they called) | job */
    direction: text('direction').notNull(),
    method: text('method'),
    url: text('url'),
    httpStatus: integer('http_status'),
    /** ok | error */
    outcome: text('outcome').notNull(),
    durationMs: integer('duration_ms'),
    requestBody: jsonb('request_body'),
    responseBody: jsonb('response_body'),
    subjectId: text('subject_id'),
    at: instant('at').notNull().defaultNow(),
    /** The request (or the job a request caused) behind this exchange. */
    requestId: text('request_id'),
  },
  (t) => [index('communication_log_company_at_idx').on(t.companyId, t.at)],
);

// ── Remessa: bulk communication and ERP webhooks (branch remessa) ──────────────────────────────────────────────

/** A bulk communication (Remessa em lote): the títulos of a portador chosen by filters, queued together. */
export const bulkCommunications = pgTable(
  'bulk_communications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    portadorId: uuid('portador_id')
      .notNull()
      .references(() => portadores.id),
    onlyNotCommunicated: integer('only_not_communicated').notNull(),
    /** The filters it was started with (as the request gave them). */
    filters: jsonb('filters').notNull(),
    total: integer('total').notNull(),
    actor: text('actor').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('bulk_communications_company_idx').on(t.companyId, t.createdAt)],
);

/**
 * One título of a bulk communication. Its outcome is not stored: it is the first final remessa history event
 * (sent, failed, erp_failed) after `since_seq`, so progress survives reloads and restarts and cannot drift.
 */
export const bulkCommunicationItems = pgTable(
  'bulk_communication_items',
  {
    bulkId: uuid('bulk_id')
      .notNull()
      .references(() => bulkCommunications.id),
    receivableId: uuid('receivable_id')
      .notNull()
      .references(() => receivables.id),
    remessaId: uuid('remessa_id')
      .notNull()
      .references(() => remessas.id),
    /** record_history.seq when the item was (re)queued: only later events count. */
    sinceSeq: bigint('since_seq', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'bulk_communication_items_pkey', columns: [t.bulkId, t.receivableId] })],
);

/** CNAB retorno files as received: the same file twice (same bytes, same integration) is one import. */
export const retornoFiles = pgTable(
  'retorno_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => integrations.id),
    sha256: text('sha256').notNull(),
    fileName: text('file_name'),
    content: text('content').notNull(),
    lineCount: integer('line_count').notNull(),
    eventCount: integer('event_count').notNull(),
    errorCount: integer('error_count').notNull(),
    importedBy: text('imported_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('retorno_files_integration_sha_key').on(t.integrationId, t.sha256)],
);

// ───────────────────────── Credit platform (Supplier): customer credit and reconciliation ─────────────────────────

/** One credit analysis (concession or limit change) of a customer, as we sent it and the platform answered it. */
export const creditAnalyses = pgTable(
  'credit_analyses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => integrations.id),
    /** concession | limit_change */
    kind: text('kind').$type<'concession' | 'limit_change'>().notNull(),
    /** Situação Crédito (domain/credit/situations.ts). */
    situation: text('situation').$type<CreditSituation>().notNull(),
    /** Código da Última Análise, once the platform answered. */
    analysisCode: text('analysis_code'),
    requestedLimitCents: money('requested_limit_cents').notNull(),
    emergency: integer('emergency').notNull().default(0),
    erpCreditLimitCents: money('erp_credit_limit_cents').notNull().default(0),
    grantedLimitCents: money('granted_limit_cents'),
    reason: text('reason'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('credit_analyses_customer_idx').on(t.customerId, t.createdAt)],
);

/** How the platform holds one customer: Situação do Cliente and the limits it reports. */
export const creditCustomers = pgTable(
  'credit_customers',
  {
    customerId: uuid('customer_id')
      .primaryKey()
      .references(() => customers.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** Situação do Cliente (domain/credit/situations.ts). */
    situation: text('situation').$type<CustomerSituation>().notNull(),
    approvedLimitCents: money('approved_limit_cents').notNull().default(0),
    availableLimitCents: money('available_limit_cents').notNull().default(0),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('credit_customers_company_idx').on(t.companyId)],
);

/** One financial event fetched from the credit platform ("Conciliação"); the entry id is unique per integration. */
export const reconciliationRecords = pgTable(
  'reconciliation_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => integrations.id),
    entryId: text('entry_id').notNull(),
    eventCode: text('event_code').notNull(),
    /** credit | debit */
    entryType: text('entry_type').$type<EntryType>().notNull(),
    amountCents: money('amount_cents').notNull(),
    feeCents: money('fee_cents').notNull(),
    customerDocument: text('customer_document').notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    invoiceNumber: text('invoice_number'),
    invoiceSeries: text('invoice_series'),
    /** Título ERP: the título the reconciliation moves. */
    receivableId: uuid('receivable_id').references(() => receivables.id),
    occurredOn: calendarDate('occurred_on').notNull(),
    /** not_reconciled | reconciled | informative | failed */
    situation: text('situation').$type<ReconciliationSituation>().notNull(),
    reason: text('reason'),
    /** Reconciliations so far (the posting keys' cycle). */
    cycle: integer('cycle').notNull().default(0),
    raw: jsonb('raw'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reconciliation_records_entry_key').on(t.integrationId, t.entryId),
    index('reconciliation_records_company_idx').on(t.companyId, t.occurredOn),
  ],
);

// ───────────────────────── ERP webhooks: subscriptions and deliveries (branch erphooks) ─────────────────────────

/** Where a company's ERP receives its events: one subscription per company. */
export const webhookSubscriptions = pgTable('webhook_subscriptions', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  url: text('url').notNull(),
  /** AES-256-GCM envelope of the signing secret; never returned. */
  secret: text('secret').notNull(),
  /** Event names delivered (services/events.ts). */
  events: jsonb('events').$type<string[]>().notNull(),
  /** Attempts per delivery (and per manual redelivery) before it is Falha. */
  maxAttempts: integer('max_attempts').notNull(),
  active: integer('active').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** One event for one subscription: delivered at most once per (company, event) by the dedupe key. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** The outbox event row. */
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => outbox.id),
    eventName: text('event_name').notNull(),
    subjectId: text('subject_id'),
    /** pending | sending | delivered | failed */
    status: text('status').$type<'pending' | 'sending' | 'delivered' | 'failed'>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** The attempt number at which this round gives up (a redelivery adds a round). */
    attemptLimit: integer('attempt_limit').notNull(),
    /** While sending: until when the attempt holds the delivery (a killed worker's attempt expires). */
    leaseUntil: instant('lease_until'),
    nextAttemptAt: instant('next_attempt_at'),
    lastHttpStatus: integer('last_http_status'),
    lastError: text('last_error'),
    deliveredAt: instant('delivered_at'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_key').on(t.companyId, t.eventId),
    index('webhook_deliveries_company_idx').on(t.companyId, t.createdAt),
  ],
);

/** The delivery log: every attempt with what the ERP answered. */
export const webhookDeliveryAttempts = pgTable(
  'webhook_delivery_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id),
    attempt: integer('attempt').notNull(),
    url: text('url').notNull(),
    httpStatus: integer('http_status'),
    durationMs: integer('duration_ms').notNull(),
    /** The first characters of the ERP's answer, or the network error. */
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
    nextAttemptAt: instant('next_attempt_at'),
    actor: text('actor').notNull(),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [index('webhook_delivery_attempts_delivery_idx').on(t.deliveryId, t.id)],
);
/**
 * Failed logins per e-mail ('e:<email>') and per client address ('a:<address>'), shared by every API process: the
 * progressive delay of src/services/login-throttle.ts. A success deletes the e-mail's row.
 */
export const loginAttempts = pgTable('login_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: instant('last_failure_at').notNull(),
  blockedUntil: instant('blocked_until').notNull(),
});

/** Audit log: one row per user action (console or ERP write, login), append-only by trigger. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    at: instant('at').notNull().defaultNow(),
    /** 'user:<id>', 'api-token:<id>', 'anonymous'. */
    actor: text('actor').notNull(),
    /** The user's name or the token's name when the action happened. */
    actorName: text('actor_name'),
    companyId: uuid('company_id'),
    /** e.g. 'PUT /api/v1/customers/:erpKey', 'session.login', 'session.login_failed'. */
    action: text('action').notNull(),
    /** The path as requested (query string excluded). */
    target: text('target'),
    status: integer('status').notNull(),
    requestId: text('request_id').notNull(),
    address: text('address'),
  },
  (t) => [
    index('audit_log_company_idx').on(t.companyId, t.seq),
    index('audit_log_request_idx').on(t.requestId),
  ],
);
// ───────────────────────── Settlement on the convênio's account, notifications, wizard lock ─────────────────────────

/**
 * The statement of a portador's account (its bank account, or the platform wallet of a carteira portador): what
 * settlement credited and debited, each with the integration's history code. Append-only (trigger), one row per
 * posting key, as the título ledger.
 */
export const accountStatementEntries = pgTable(
  'account_statement_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    portadorId: uuid('portador_id')
      .notNull()
      .references(() => portadores.id),
    bankAccountId: uuid('bank_account_id').references(() => bankAccounts.id),
    integrationId: uuid('integration_id').references(() => integrations.id),
    receivableId: uuid('receivable_id').references(() => receivables.id),
    retornoId: uuid('retorno_id').references(() => retornos.id),
    /** receipt | fee | reversal | fee_reversal */
    kind: text('kind').notNull(),
    /** Signed: credits positive, debits negative. */
    amountCents: money('amount_cents').notNull(),
    historyCode: text('history_code'),
    description: text('description').notNull(),
    occurredOn: calendarDate('occurred_on').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('account_statement_entries_key').on(t.idempotencyKey),
    index('account_statement_entries_portador_idx').on(t.portadorId, t.occurredOn),
  ],
);

/** A message for a console user (integration failures): the header's bell; e-mailed when SMTP is configured. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** registration_failed | retorno_failed */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Console hash route the notification opens ("#/retorno?…"). */
    link: text('link'),
    /** One notification per user and cause: a failure reprocessed and failing again does not repeat it. */
    dedupeKey: text('dedupe_key').notNull(),
    readAt: instant('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notifications_user_dedupe_key').on(t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

/** "Acesso exclusivo": one setup-wizard run at a time per company, held by a user until it expires. */
export const wizardLocks = pgTable('wizard_locks', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  userName: text('user_name').notNull(),
  expiresAt: instant('expires_at').notNull(),
  acquiredAt: instant('acquired_at').notNull().defaultNow(),
});
// ───────────────────────── Banks by CNAB file: remessa files and the portador's numbering (branch cnabpath) ─────────────────────────

/**
 * The portador's counters: `remessa_file` numbers its remessa files (NSA), `nosso_numero` its títulos at the bank.
 * The row is locked by the transaction that takes a number and writes what carries it, so a number is never used
 * twice and a rolled-back file leaves no gap.
 */
export const portadorSequences = pgTable(
  'portador_sequences',
  {
    portadorId: uuid('portador_id')
      .notNull()
      .references(() => portadores.id),
    /** remessa_file | nosso_numero */
    name: text('name').$type<'remessa_file' | 'nosso_numero'>().notNull(),
    lastValue: bigint('last_value', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ name: 'portador_sequences_pkey', columns: [t.portadorId, t.name] })],
);

/** A remessa file as written for the bank: kept byte for byte, so that a download is always the same file. */
export const remessaFiles = pgTable(
  'remessa_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => integrations.id),
    portadorId: uuid('portador_id')
      .notNull()
      .references(() => portadores.id),
    /** The file's number in the portador's sequence (NSA). */
    sequence: integer('sequence').notNull(),
    fileName: text('file_name').notNull(),
    content: text('content').notNull(),
    lineCount: integer('line_count').notNull(),
    tituloCount: integer('titulo_count').notNull(),
    amountCents: money('amount_cents').notNull(),
    generatedOn: calendarDate('generated_on').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('remessa_files_portador_sequence_key').on(t.portadorId, t.sequence),
    index('remessa_files_company_idx').on(t.companyId, t.createdAt),
  ],
);

/** The remessa records a file carries (a título goes again in a later file when it changes). */
export const remessaFileItems = pgTable(
  'remessa_file_items',
  {
    remessaFileId: uuid('remessa_file_id')
      .notNull()
      .references(() => remessaFiles.id),
    remessaId: uuid('remessa_id')
      .notNull()
      .references(() => remessas.id),
    receivableId: uuid('receivable_id')
      .notNull()
      .references(() => receivables.id),
    /** 1-based order of the título in the file. */
    position: integer('position').notNull(),
    nossoNumero: text('nosso_numero').notNull(),
    amountCents: money('amount_cents').notNull(),
  },
  (t) => [
    primaryKey({ name: 'remessa_file_items_pkey', columns: [t.remessaFileId, t.remessaId] }),
    index('remessa_file_items_remessa_idx').on(t.remessaId),
  ],
);

// ── Credit platform: ERP credit profile, posting rules, scheduled jobs (branch credit) ─────────────────────────

/** What the ERP says of a customer's credit (sent with every credit request): its own limit and recent sales. */
export const customerCreditProfiles = pgTable('customer_credit_profiles', {
  customerId: uuid('customer_id')
    .primaryKey()
    .references(() => customers.id),
  companyId: uuid('company_id')
    .notNull()
    .references(() => companies.id),
  /** Limite de crédito do ERP. */
  erpCreditLimitCents: money('erp_credit_limit_cents').notNull().default(0),
  /** [{ month: 'AAAA-MM', amountCents }], the last 12 months at most. */
  salesLast12Months: jsonb('sales_last_12_months')
    .$type<{ month: string; amountCents: number }[]>()
    .notNull(),
  requestHash: text('request_hash'),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** How Conciliar posts one reconcilable event type in one company (an admin edits it; absent: the default). */
export const reconciliationPostingRules = pgTable(
  'reconciliation_posting_rules',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    eventCode: text('event_code').notNull(),
    amountKind: movementKind('amount_kind').notNull(),
    feeKind: movementKind('fee_kind').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.eventCode] })],
);

/**
 * The credit platform's scheduled jobs, one row per integration and job: when it runs next, the run in progress
 * (claimed by one worker at a time) and the last outcome; the data sync keeps its incremental cursor here.
 */
export const platformJobs = pgTable(
  'platform_jobs',
  {
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => integrations.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    job: text('job').notNull(),
    nextRunAt: instant('next_run_at').notNull(),
    runningSince: instant('running_since'),
    lastStartedAt: instant('last_started_at'),
    lastFinishedAt: instant('last_finished_at'),
    /** ok | error */
    lastOutcome: text('last_outcome'),
    lastSummary: jsonb('last_summary'),
    /** Data sync: records changed after this instant are sent on the next run. */
    cursor: instant('cursor'),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.job] })],
);
