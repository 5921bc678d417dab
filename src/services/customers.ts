/**
 * Customers (clientes): the idempotent upsert by the ERP's key, lookups and the listing. One code path for the
 * ERP API, the console and jobs; the caller passes the company it acts on (already checked by src/services/scope.ts).
 */
import type { CustomerUpsertBody, CustomerView } from '../contracts/customers.js';
import { normalizeDocument } from '../domain/documents/index.js';
import { canonicalPhone } from '../domain/phone.js';
import type { Store, Tx } from '../store/connection.js';
import {
  getCustomer,
  getCustomerByErpKey,
  listCustomers,
  listEstablishments,
  upsertCustomer,
  upsertEstablishment,
  type AddressInput,
  type CustomerField,
  type CustomerFilters,
  type CustomerInput,
  type CustomerRow,
  type EstablishmentRow,
} from '../store/customers.js';
import { notFound, ServiceError } from './errors.js';

/** Fields that identify a customer: once created they never change (a different document is another customer). */
export const CUSTOMER_IMMUTABLE_FIELDS = ['document'] as const satisfies readonly CustomerField[];

type AddressBody = NonNullable<CustomerUpsertBody['address']>;

/** Digits only; `undefined` (field left out) and `null` (field cleared) pass through. */
const digitsOrNull = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : value.replace(/\D/g, '');

function addressInput(address: AddressBody | undefined): AddressInput {
  if (!address) return {};
  return {
    street: address.street,
    addressNumber: address.number,
    complement: address.complement,
    district: address.district,
    city: address.city,
    state: address.state === undefined ? undefined : (address.state?.toUpperCase() ?? null),
    postalCode: digitsOrNull(address.postalCode),
  };
}

function addressView(row: AddressInput) {
  return {
    street: row.street ?? null,
    number: row.addressNumber ?? null,
    complement: row.complement ?? null,
    district: row.district ?? null,
    city: row.city ?? null,
    state: row.state ?? null,
    postalCode: row.postalCode ?? null,
  };
}

export function customerView(row: CustomerRow, establishments: EstablishmentRow[]): CustomerView {
  return {
    id: row.id,
    erpKey: row.erpKey,
    companyId: row.companyId,
    name: row.name,
    document: row.document,
    email: row.email,
    phone: row.phone,
    address: addressView(row),
    establishments: establishments.map((e) => ({
      id: e.id,
      erpKey: e.erpKey,
      name: e.name,
      document: e.document,
      address: addressView(e),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function immutableConflict(
  what: string,
  conflicts: { path: string; stored: unknown; received: unknown }[],
): ServiceError {
  const show = (value: unknown) => (value === null || value === undefined ? 'vazio' : JSON.stringify(value));
  const names = conflicts.map((c) => c.path).join(', ');
  return new ServiceError(
    409,
    'immutable_field',
    `${what} já existe com outro valor em campo que não pode mudar: ${names}. ` +
      'Para corrigir, cancele o registro no ERP e envie um novo com outra chave.',
    conflicts.map((c) => ({
      path: c.path,
      message: `não pode ser alterado depois de criado (gravado: ${show(c.stored)}; recebido: ${show(c.received)})`,
    })),
  );
}

export interface UpsertCustomerArgs {
  companyId: string;
  erpKey: string;
  body: CustomerUpsertBody;
  /** 'api-token:<id>', 'user:<id>', 'job:<name>'. */
  actor: string;
  requestHash?: string;
}

/**
 * Creates or updates the customer with this ERP key (and its establishments) inside the caller's transaction
 * (from `store.transaction`; a thrown conflict rolls it all back). Same body again →
 * `changed: false`, nothing written. A different document → 409 `immutable_field`, nothing written.
 */
export async function upsertCustomerByErpKey(
  tx: Tx,
  args: UpsertCustomerArgs,
): Promise<{ created: boolean; changed: boolean; customer: CustomerView }> {
  const { body } = args;
  const data: CustomerInput = {
    name: body.name,
    document: normalizeDocument(body.document),
    email: body.email === undefined ? undefined : (body.email?.trim() ?? null),
    phone: body.phone === undefined ? undefined : body.phone === null ? null : canonicalPhone(body.phone),
    ...addressInput(body.address),
  };
  const result = await upsertCustomer(tx, {
    companyId: args.companyId,
    erpKey: args.erpKey,
    data,
    immutable: CUSTOMER_IMMUTABLE_FIELDS,
    actor: args.actor,
    requestHash: args.requestHash ?? null,
  });
  if (result.conflicts.length > 0)
    throw immutableConflict(
      `O cliente "${args.erpKey}"`,
      result.conflicts.map((field) => ({ path: field, stored: result.row[field], received: data[field] })),
    );
  let changed = result.changed;
  for (const establishment of body.establishments ?? []) {
    const outcome = await upsertEstablishment(tx, {
      customerId: result.row.id,
      erpKey: establishment.erpKey,
      companyId: args.companyId,
      actor: args.actor,
      data: {
        name: establishment.name,
        document: normalizeDocument(establishment.document),
        ...addressInput(establishment.address),
      },
    });
    changed ||= outcome.changed;
  }
  const establishments = await listEstablishments(tx, result.row.id);
  return { created: result.created, changed, customer: customerView(result.row, establishments) };
}

export async function customerByErpKey(
  store: Store,
  companyId: string,
  erpKey: string,
): Promise<CustomerView> {
  const row = await getCustomerByErpKey(store.db, companyId, erpKey);
  if (!row) throw notFound(`Cliente "${erpKey}" não encontrado nesta empresa.`);
  return customerView(row, await listEstablishments(store.db, row.id));
}

export async function customerById(
  store: Store,
  scope: readonly string[],
  id: string,
): Promise<CustomerView> {
  const row = await getCustomer(store.db, id, scope);
  if (!row) throw notFound('Cliente não encontrado.');
  return customerView(row, await listEstablishments(store.db, row.id));
}

export function searchCustomers(store: Store, filters: CustomerFilters) {
  return listCustomers(store.db, filters);
}
