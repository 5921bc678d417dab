import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { bankAccounts, portadores } from './schema.js';
import { findByErpKey, upsertByErpKey, type UpsertOptions, type UpsertResult } from './upsert.js';

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
