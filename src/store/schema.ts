/**
 * The one database schema (drizzle pg-core) shared by PGlite (embedded) and PostgreSQL.
 * Migrations are generated from this file with `npx drizzle-kit generate` into src/store/migrations/.
 *
 * Conventions: ids are uuid; calendar dates are SQL `date` read as 'YYYY-MM-DD' strings; money is integer
 * centavos in `bigint` columns read as JS numbers; instants are `timestamptz`.
 * This file imports nothing local so drizzle-kit can load it on its own.
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

const money = (name: string) => bigint(name, { mode: 'number' });
const calendarDate = (name: string) => date(name, { mode: 'string' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => instant('created_at').notNull().defaultNow();

export const companyKinds = ['consolidated', 'child'] as const;
export const companyKind = pgEnum('company_kind', companyKinds);

export const userRoles = ['admin', 'operator', 'viewer'] as const;
export const userRole = pgEnum('user_role', userRoles);

/** Título status (contract §4). Overdue is derived, never stored. */
export const receivableStatuses = ['open', 'registered', 'paid', 'written_off', 'cancelled'] as const;
export const receivableStatus = pgEnum('receivable_status', receivableStatuses);

export const movementKinds = [
  'created',
  'updated',
  'payment',
  'interest',
  'fine',
  'discount',
  'rebate',
  'fee',
  'collection_cost',
  'write_off',
  'reversal',
  'adjustment',
] as const;
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
    createdAt: createdAt(),
  },
  (t) => [index('bank_accounts_company_idx').on(t.companyId)],
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
    createdAt: createdAt(),
  },
  (t) => [index('portadores_company_idx').on(t.companyId)],
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
  },
  (t) => [index('record_history_entity_idx').on(t.entity, t.entityId, t.seq)],
);
