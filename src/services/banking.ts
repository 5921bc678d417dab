/**
 * Bank accounts and portadores: the idempotent upserts by the ERP's key (the ERP API, and the console's create and
 * edit through the same calls), lookups and listings. Callers pass company ids already resolved by scope.ts.
 */
import type {
  BankAccountUpsertBody,
  BankAccountView,
  PortadorUpsertBody,
  PortadorView,
} from '../contracts/banking.js';
import { bankLabel, CARTEIRA_LABEL, checkBankAccount } from '../domain/banking/account.js';
import { checkPixKey, type PixKeyType } from '../domain/banking/pix-key.js';
import {
  getBankAccount,
  getBankAccountByErpKey,
  getPortador,
  getPortadorByErpKey,
  searchBankAccounts as searchBankAccountRows,
  searchPortadores as searchPortadorRows,
  upsertBankAccount,
  upsertPortador,
  type BankAccountField,
  type BankAccountRow,
  type BankingFilters,
  type PortadorRow,
} from '../store/banking.js';
import type { Executor, Store, Tx } from '../store/connection.js';
import { immutableConflict } from './customers.js';
import { notFound, referenceNotFound, ServiceError, validationError } from './errors.js';

/** What identifies an account at its bank: once created it never changes (another number is another account). */
const BANK_ACCOUNT_IMMUTABLE_FIELDS = [
  'bankCode',
  'agency',
  'account',
] as const satisfies readonly BankAccountField[];

export function bankAccountView(row: BankAccountRow): BankAccountView {
  return {
    id: row.id,
    erpKey: row.erpKey,
    companyId: row.companyId,
    name: row.name,
    bankCode: row.bankCode,
    bankLabel: bankLabel(row.bankCode),
    agency: row.agency,
    agencyDigit: row.agencyDigit,
    account: row.account,
    accountDigit: row.accountDigit,
    pixKeyType: row.pixKeyType as PixKeyType | null,
    pixKey: row.pixKey,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function portadorView(
  row: PortadorRow,
  bankAccount: { erpKey: string; bankCode: string } | null,
): PortadorView {
  return {
    id: row.id,
    erpKey: row.erpKey,
    companyId: row.companyId,
    name: row.name,
    bankAccountId: row.bankAccountId,
    bankAccountErpKey: bankAccount?.erpKey ?? null,
    bankLabel: bankAccount ? bankLabel(bankAccount.bankCode) : CARTEIRA_LABEL,
    carteira: row.carteira,
    convenio: row.convenio,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface UpsertByErpKeyArgs<Body> {
  companyId: string;
  erpKey: string;
  body: Body;
  actor: string;
  requestHash?: string;
}

/**
 * Creates or updates the bank account with this ERP key in the caller's transaction. The body was checked by its
 * schema; the numbers are stored in their normalized form (zero-padded, DV upper case, agência DV computed when
 * omitted). Agência, conta and their DVs travel together: an omitted DV is stored empty. A different bank, agência
 * or conta → 409 `immutable_field`, nothing written.
 */
export async function upsertBankAccountByErpKey(
  tx: Tx,
  args: UpsertByErpKeyArgs<BankAccountUpsertBody>,
): Promise<{ created: boolean; changed: boolean; bankAccount: BankAccountView }> {
  const { body } = args;
  const numbers = checkBankAccount(body);
  if (!numbers.ok) throw validationError(numbers.issues);
  const pix =
    body.pixKeyType && body.pixKey ? checkPixKey(body.pixKeyType, body.pixKey) : { key: body.pixKey };
  if ('error' in pix) throw validationError([{ path: 'pixKey', message: pix.error }]);
  const data = {
    name: body.name,
    ...numbers.value,
    pixKeyType: body.pixKeyType,
    pixKey: pix.key,
  };
  const result = await upsertBankAccount(tx, {
    companyId: args.companyId,
    erpKey: args.erpKey,
    data,
    immutable: BANK_ACCOUNT_IMMUTABLE_FIELDS,
    actor: args.actor,
    requestHash: args.requestHash ?? null,
  });
  if (result.conflicts.length > 0)
    throw immutableConflict(
      `A conta bancária "${args.erpKey}"`,
      result.conflicts.map((field) => ({ path: field, stored: result.row[field], received: data[field] })),
    );
  return { created: result.created, changed: result.changed, bankAccount: bankAccountView(result.row) };
}

async function bankAccountOfPortador(ex: Executor, row: PortadorRow) {
  return row.bankAccountId ? getBankAccount(ex, row.bankAccountId) : null;
}

/**
 * Creates or updates the portador with this ERP key in the caller's transaction. Its bank account is named by its
 * ERP key in the same company (unknown → 422 naming `bankAccountErpKey`); null leaves it without one (0-Carteira).
 */
export async function upsertPortadorByErpKey(
  tx: Tx,
  args: UpsertByErpKeyArgs<PortadorUpsertBody>,
): Promise<{ created: boolean; changed: boolean; portador: PortadorView }> {
  const { body, companyId } = args;
  let bankAccountId: string | null | undefined = body.bankAccountErpKey === null ? null : undefined;
  if (body.bankAccountErpKey) {
    const account = await getBankAccountByErpKey(tx, companyId, body.bankAccountErpKey);
    if (!account)
      throw referenceNotFound([
        {
          path: 'bankAccountErpKey',
          message: `conta bancária "${body.bankAccountErpKey}" não existe nesta empresa; envie antes PUT /api/v1/bank-accounts/${body.bankAccountErpKey}`,
        },
      ]);
    bankAccountId = account.id;
  }
  const result = await upsertPortador(tx, {
    companyId,
    erpKey: args.erpKey,
    data: { name: body.name, bankAccountId, carteira: body.carteira, convenio: body.convenio },
    actor: args.actor,
    requestHash: args.requestHash ?? null,
  });
  const account = await bankAccountOfPortador(tx, result.row);
  return { created: result.created, changed: result.changed, portador: portadorView(result.row, account) };
}

export async function bankAccountByErpKey(
  store: Store,
  companyId: string,
  erpKey: string,
): Promise<BankAccountView> {
  const row = await getBankAccountByErpKey(store.db, companyId, erpKey);
  if (!row) throw notFound(`Conta bancária "${erpKey}" não encontrada nesta empresa.`);
  return bankAccountView(row);
}

export async function portadorByErpKey(
  store: Store,
  companyId: string,
  erpKey: string,
): Promise<PortadorView> {
  const row = await getPortadorByErpKey(store.db, companyId, erpKey);
  if (!row) throw notFound(`Portador "${erpKey}" não encontrado nesta empresa.`);
  return portadorView(row, await bankAccountOfPortador(store.db, row));
}

/** A bank account by id within `scope` (404 outside it). */
async function bankAccountRowInScope(
  ex: Executor,
  scope: readonly string[],
  id: string,
): Promise<BankAccountRow> {
  const row = await getBankAccount(ex, id);
  if (!row || !scope.includes(row.companyId)) throw notFound('Conta bancária não encontrada.');
  return row;
}

/** A portador by id within `scope` (404 outside it). */
async function portadorRowInScope(ex: Executor, scope: readonly string[], id: string): Promise<PortadorRow> {
  const row = await getPortador(ex, id, scope);
  if (!row) throw notFound('Portador não encontrado.');
  return row;
}

export async function searchBankAccounts(store: Store, filters: BankingFilters) {
  const page = await searchBankAccountRows(store.db, filters);
  return { ...page, items: page.items.map(bankAccountView) };
}

export async function searchPortadores(store: Store, filters: BankingFilters) {
  const page = await searchPortadorRows(store.db, filters);
  return {
    ...page,
    items: page.items.map((row) =>
      portadorView(
        row,
        row.bankAccountErpKey && row.bankCode
          ? { erpKey: row.bankAccountErpKey, bankCode: row.bankCode }
          : null,
      ),
    ),
  };
}

/** How the console's create and edit reach one of the two registers (same upserts as the ERP). */
interface ConsoleRegister<Body, View> {
  /** pt-BR, with its article: "A conta bancária", "O portador". */
  noun: string;
  findInScope: (
    ex: Executor,
    scope: readonly string[],
    id: string,
  ) => Promise<{ companyId: string; erpKey: string }>;
  upsert: (tx: Tx, args: UpsertByErpKeyArgs<Body>) => Promise<{ created: boolean; view: View }>;
}

export const bankAccountRegister: ConsoleRegister<BankAccountUpsertBody, BankAccountView> = {
  noun: 'A conta bancária',
  findInScope: bankAccountRowInScope,
  upsert: async (tx, args) => {
    const { created, bankAccount } = await upsertBankAccountByErpKey(tx, args);
    return { created, view: bankAccount };
  },
};

export const portadorRegister: ConsoleRegister<PortadorUpsertBody, PortadorView> = {
  noun: 'O portador',
  findInScope: portadorRowInScope,
  upsert: async (tx, args) => {
    const { created, portador } = await upsertPortadorByErpKey(tx, args);
    return { created, view: portador };
  },
};

/**
 * The console's "Novo": creates the record with this key in `companyId` (already checked against the user's
 * reach); a key already in use there → 409 `already_exists`, nothing written.
 */
export async function createFromConsole<Body, View>(
  store: Store,
  register: ConsoleRegister<Body, View>,
  args: { companyId: string; erpKey: string; body: Body; actor: string },
): Promise<View> {
  return store.transaction(async (tx) => {
    const { created, view } = await register.upsert(tx, args);
    if (!created)
      throw new ServiceError(
        409,
        'already_exists',
        `${register.noun} com a chave "${args.erpKey}" já existe nesta empresa.`,
        [{ path: 'erpKey', message: `chave "${args.erpKey}" já está em uso nesta empresa` }],
      );
    return view;
  });
}

/** The console's edit of the record with this id within `scope` (404 outside it), through the same upsert. */
export async function patchFromConsole<Body, View>(
  store: Store,
  register: ConsoleRegister<Body, View>,
  args: { scope: readonly string[]; id: string; body: Body; actor: string },
): Promise<View> {
  return store.transaction(async (tx) => {
    const { companyId, erpKey } = await register.findInScope(tx, args.scope, args.id);
    return (await register.upsert(tx, { companyId, erpKey, body: args.body, actor: args.actor })).view;
  });
}
