import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from './connection.js';
import { bankAccounts, portadores } from './schema.js';

export type BankAccountRow = typeof bankAccounts.$inferSelect;
export type PortadorRow = typeof portadores.$inferSelect;

export interface BankAccountInput {
  companyId: string;
  bankCode: string;
  agency: string;
  agencyDigit?: string | null;
  account: string;
  accountDigit?: string | null;
  pixKey?: string | null;
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
