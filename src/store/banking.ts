import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { bankAccounts, portadores } from './schema.js';
import { findByErpKey, upsertByErpKey, type UpsertOptions, type UpsertResult } from './upsert.js';
import { likeContains, normalizePage } from './util.js';

export type BankAccountRow = typeof bankAccounts.$inferSelect;
export type PortadorRow = typeof portadores.$inferSelect;

export interface BankAccountInput {
  companyId: string;
  erpKey: string;
  name?: string | null;
  bankCode: string;
  agency: string;
  agencyDigit?: string | null;
  account: string;
  accountDigit?: string | null;
  pixKey?: string | null;
  pixKeyType?: string | null;
}

export async function createBankAccount(ex: Executor, input: BankAccountInput): Promise<BankAccountRow> {
  const [row] = await ex.insert(bankAccounts).values(input).returning();
  return row!;
}

export async function listBankAccounts(
  ex: Executor,
  companyIds: readonly string[],
): Promise<BankAccountRow[]> {
  if (companyIds.length === 0) return [];
  return ex
    .select()
    .from(bankAccounts)
    .where(inArray(bankAccounts.companyId, [...companyIds]))
    .orderBy(asc(bankAccounts.bankCode), asc(bankAccounts.account));
}

export interface PortadorInput {
  companyId: string;
  erpKey: string;
  name: string;
  bankAccountId?: string | null;
  carteira?: string | null;
  convenio?: string | null;
}

export async function createPortador(ex: Executor, input: PortadorInput): Promise<PortadorRow> {
  const [row] = await ex.insert(portadores).values(input).returning();
  return row!;
}

export async function listPortadores(ex: Executor, companyIds: readonly string[]): Promise<PortadorRow[]> {
  if (companyIds.length === 0) return [];
  return ex
    .select()
    .from(portadores)
    .where(inArray(portadores.companyId, [...companyIds]))
    .orderBy(asc(portadores.name));
}

/** A portador by id within the given companies, or null. */
export async function getPortador(
  ex: Executor,
  id: string,
  companyIds: readonly string[],
): Promise<PortadorRow | null> {
  if (companyIds.length === 0) return null;
  const [row] = await ex
    .select()
    .from(portadores)
    .where(and(eq(portadores.id, id), inArray(portadores.companyId, [...companyIds])));
  return row ?? null;
}

const bankAccountFields = [
  'name',
  'bankCode',
  'agency',
  'agencyDigit',
  'account',
  'accountDigit',
  'pixKey',
  'pixKeyType',
] as const satisfies readonly (keyof BankAccountInput)[];
export type BankAccountField = (typeof bankAccountFields)[number];
type BankAccountData = Omit<BankAccountInput, 'companyId' | 'erpKey'>;

/** Creates or updates the bank account with this ERP key (same concurrency-safe upsert as customers). */
export async function upsertBankAccount(
  ex: Executor,
  args: { companyId: string; erpKey: string; data: BankAccountData } & UpsertOptions<BankAccountField>,
): Promise<UpsertResult<BankAccountRow, BankAccountField>> {
  return upsertByErpKey(
    ex,
    { table: bankAccounts, entity: 'bank_account', noun: 'conta bancária', fields: bankAccountFields },
    args,
  );
}

const portadorFields = [
  'name',
  'bankAccountId',
  'carteira',
  'convenio',
] as const satisfies readonly (keyof PortadorInput)[];
export type PortadorField = (typeof portadorFields)[number];
type PortadorData = Omit<PortadorInput, 'companyId' | 'erpKey'>;

export async function upsertPortador(
  ex: Executor,
  args: { companyId: string; erpKey: string; data: PortadorData } & UpsertOptions<PortadorField>,
): Promise<UpsertResult<PortadorRow, PortadorField>> {
  return upsertByErpKey(
    ex,
    { table: portadores, entity: 'portador', noun: 'portador', fields: portadorFields },
    args,
  );
}

export async function getBankAccountByErpKey(
  ex: Executor,
  companyId: string,
  erpKey: string,
): Promise<BankAccountRow | null> {
  return findByErpKey(ex, bankAccounts, companyId, erpKey);
}

export async function getPortadorByErpKey(
  ex: Executor,
  companyId: string,
  erpKey: string,
): Promise<PortadorRow | null> {
  return findByErpKey(ex, portadores, companyId, erpKey);
}

export async function getBankAccount(ex: Executor, id: string): Promise<BankAccountRow | null> {
  const [row] = await ex.select().from(bankAccounts).where(eq(bankAccounts.id, id));
  return row ?? null;
}

export interface BankingFilters {
  companyIds: readonly string[];
  /** Free text over name, ERP key and numbers (bank accounts) or carteira/convênio (portadores). */
  q?: string;
  /** A 3-digit bank code; for portadores "0" selects those with no bank account (the pseudo-bank 0-Carteira). */
  bankCode?: string;
  sort?: 'name' | 'erpKey' | 'bankCode' | 'createdAt';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Bank accounts of the given companies, filtered, sorted and paged. */
export async function searchBankAccounts(
  ex: Executor,
  filters: BankingFilters,
): Promise<PageOf<BankAccountRow>> {
  const { page, pageSize } = normalizePage(filters.page, filters.pageSize);
  if (filters.companyIds.length === 0) return { items: [], total: 0, page, pageSize };
  const conditions: SQL[] = [inArray(bankAccounts.companyId, [...filters.companyIds])];
  const q = filters.q?.trim();
  if (q) {
    const pattern = likeContains(q);
    conditions.push(
      or(
        ilike(bankAccounts.name, pattern),
        ilike(bankAccounts.erpKey, pattern),
        ilike(bankAccounts.agency, pattern),
        ilike(bankAccounts.account, pattern),
        ilike(bankAccounts.pixKey, pattern),
      )!,
    );
  }
  if (filters.bankCode) conditions.push(eq(bankAccounts.bankCode, filters.bankCode));
  const where = and(...conditions);
  const sortColumn = {
    name: bankAccounts.name,
    erpKey: bankAccounts.erpKey,
    bankCode: bankAccounts.bankCode,
    createdAt: bankAccounts.createdAt,
  }[filters.sort ?? 'bankCode'];
  const direction = filters.order === 'desc' ? desc : asc;
  const items = await ex
    .select()
    .from(bankAccounts)
    .where(where)
    .orderBy(direction(sortColumn), direction(bankAccounts.erpKey), direction(bankAccounts.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [totalRow] = await ex.select({ total: count() }).from(bankAccounts).where(where);
  return { items, total: totalRow?.total ?? 0, page, pageSize };
}

/** A portador with the ERP key and bank code of its bank account (null for a carteira portador). */
export type PortadorListRow = PortadorRow & { bankAccountErpKey: string | null; bankCode: string | null };

const portadorColumns = {
  id: portadores.id,
  companyId: portadores.companyId,
  bankAccountId: portadores.bankAccountId,
  name: portadores.name,
  carteira: portadores.carteira,
  convenio: portadores.convenio,
  erpKey: portadores.erpKey,
  requestHash: portadores.requestHash,
  updatedAt: portadores.updatedAt,
  createdAt: portadores.createdAt,
  bankAccountErpKey: bankAccounts.erpKey,
  bankCode: bankAccounts.bankCode,
};

/** Portadores of the given companies with their bank account's key and code, filtered, sorted and paged. */
export async function searchPortadores(
  ex: Executor,
  filters: BankingFilters,
): Promise<PageOf<PortadorListRow>> {
  const { page, pageSize } = normalizePage(filters.page, filters.pageSize);
  if (filters.companyIds.length === 0) return { items: [], total: 0, page, pageSize };
  const conditions: SQL[] = [inArray(portadores.companyId, [...filters.companyIds])];
  const q = filters.q?.trim();
  if (q) {
    const pattern = likeContains(q);
    conditions.push(
      or(
        ilike(portadores.name, pattern),
        ilike(portadores.erpKey, pattern),
        ilike(portadores.carteira, pattern),
        ilike(portadores.convenio, pattern),
        ilike(bankAccounts.erpKey, pattern),
      )!,
    );
  }
  if (filters.bankCode === '0') conditions.push(isNull(portadores.bankAccountId));
  else if (filters.bankCode) conditions.push(eq(bankAccounts.bankCode, filters.bankCode));
  const where = and(...conditions);
  const sortColumn = {
    name: portadores.name,
    erpKey: portadores.erpKey,
    bankCode: bankAccounts.bankCode,
    createdAt: portadores.createdAt,
  }[filters.sort ?? 'name'];
  const direction = filters.order === 'desc' ? desc : asc;
  const items = await ex
    .select(portadorColumns)
    .from(portadores)
    .leftJoin(bankAccounts, eq(bankAccounts.id, portadores.bankAccountId))
    .where(where)
    .orderBy(direction(sortColumn), direction(portadores.erpKey), direction(portadores.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [totalRow] = await ex
    .select({ total: count() })
    .from(portadores)
    .leftJoin(bankAccounts, eq(bankAccounts.id, portadores.bankAccountId))
    .where(where);
  return { items, total: totalRow?.total ?? 0, page, pageSize };
}
