/**
 * Títulos: the idempotent upsert by the ERP's key, the console's edit of mutable fields (same store upsert, same
 * history and movement rows), lookups and the listing. Callers pass company ids already resolved by scope.ts.
 */
import type {
  ErpReceivableListQuery,
  ErpReceivableView,
  ReceivablePatchBody,
  ReceivableUpsertBody,
  ReceivableView,
} from '../contracts/receivables.js';
import { todayInSaoPaulo } from '../domain/dates.js';
import { pastDueDateIssue } from '../domain/receivable/due-date.js';
import {
  isClosedStatus,
  RECEIVABLE_STATUS_LABELS,
  receivableImmutableFields,
} from '../domain/receivable/statuses.js';
import type { Executor, Store, Tx } from '../store/connection.js';
import { getPortador, getPortadorByErpKey } from '../store/banking.js';
import { getCustomerByErpKey, getEstablishmentByErpKey } from '../store/customers.js';
import { listHistory } from '../store/history.js';
import { listMovements, type MovementRow } from '../store/ledger.js';
import {
  getReceivable,
  getReceivableRow,
  listReceivables,
  upsertReceivable,
  type ReceivableInput,
  type ReceivableRow,
} from '../store/receivables.js';
import { customerErpKeysById as customerErpKeys } from '../store/customers.js';
import { withActorNames } from './actors.js';
import { immutableConflict } from './customers.js';
import { announceReceivable } from './events.js';
import { receivableBoleto } from './receivable-boleto.js';
import { queueRealtimeRegistration, registrationOf } from './registration.js';
import { queuePlatformChange } from './remessa-changes.js';
import type { RegistrationView } from '../contracts/registration.js';
import { notFound, referenceNotFound, ServiceError, validationError, type FieldError } from './errors.js';

/**
 * A registered título whose due date changed (ERP upsert or console edit) is sent to its platform by a job queued in
 * this transaction; a date the platform cannot take throws 422 here, rolling the change back.
 */
async function sendDueDateToPlatform(
  tx: Tx,
  result: { created: boolean; changedFields: readonly string[]; row: ReceivableRow },
  actor: string,
): Promise<void> {
  if (result.created || !result.changedFields.includes('dueDate')) return;
  await queuePlatformChange(tx, { receivable: result.row, change: 'dueDate', actor });
}

/**
 * What a change of an existing título must respect, whoever makes it (ERP upsert or console edit): refuses (409
 * `receivable_closed`) a change to a título that is already paid, written off or cancelled, and (400 `validation`) a
 * changed due date before today. Called after the upsert inside the caller's transaction, so throwing rolls the
 * change back.
 */
function assertChangeAllowed(
  result: { created: boolean; changed: boolean; changedFields: readonly string[]; row: ReceivableRow },
  label: string,
): void {
  if (result.created || !result.changed) return;
  const { status } = result.row;
  if (!isClosedStatus(status)) {
    const pastDueDate =
      result.changedFields.includes('dueDate') && pastDueDateIssue(result.row.dueDate, todayInSaoPaulo());
    if (pastDueDate)
      throw validationError([{ path: 'dueDate', message: pastDueDate }], 'Vencimento anterior a hoje.');
    return;
  }
  const statusLabel = RECEIVABLE_STATUS_LABELS[status];
  throw new ServiceError(
    409,
    'receivable_closed',
    `${label} está ${statusLabel} e não pode mais ser alterado.`,
    result.changedFields.map((field) => ({
      path: field,
      message: `não pode ser alterado: título ${statusLabel}`,
    })),
  );
}

/** The ERP's views of títulos: each with its customer's ERP key (one query for all). */
async function withCustomerErpKeys(ex: Executor, views: ReceivableView[]): Promise<ErpReceivableView[]> {
  const keys = await customerErpKeys(
    ex,
    views.map((view) => view.customerId),
  );
  return views.map((view) => ({ ...view, customerErpKey: keys.get(view.customerId) ?? '' }));
}

async function viewOf(ex: Executor, row: ReceivableRow): Promise<ReceivableView> {
  const view = await getReceivable(ex, { companyIds: [row.companyId], id: row.id });
  if (!view) throw new Error(`título ${row.id} sumiu durante a leitura`);
  return view;
}

export interface UpsertReceivableArgs {
  companyId: string;
  erpKey: string;
  body: ReceivableUpsertBody;
  actor: string;
  /** Where the change came from, kept on movements (`erp-api` for the ERP route; the console edit says `console`). */
  source: string;
  requestHash?: string;
}

/**
 * Creates or updates the título with this ERP key. Same body again → `changed: false`, nothing written; a different
 * value on an immutable field → 409 naming each field, nothing written; unknown customer, establishment or portador
 * (by `portadorId` or `portadorErpKey`) → 422 `reference_not_found` naming the field.
 */
export async function upsertReceivableByErpKey(
  tx: Tx,
  args: UpsertReceivableArgs,
): Promise<{ created: boolean; changed: boolean; receivable: ErpReceivableView }> {
  const { body, companyId } = args;
  const missing: FieldError[] = [];
  const customer = await getCustomerByErpKey(tx, companyId, body.customerErpKey);
  if (!customer)
    missing.push({
      path: 'customerErpKey',
      message: `cliente "${body.customerErpKey}" não existe nesta empresa; envie antes PUT /api/v1/customers/${body.customerErpKey}`,
    });
  let establishmentId: string | null | undefined = body.establishmentErpKey === null ? null : undefined;
  if (customer && body.establishmentErpKey) {
    const establishment = await getEstablishmentByErpKey(tx, customer.id, body.establishmentErpKey);
    if (!establishment)
      missing.push({
        path: 'establishmentErpKey',
        message: `estabelecimento "${body.establishmentErpKey}" não existe no cliente "${body.customerErpKey}"`,
      });
    else establishmentId = establishment.id;
  }
  if (body.portadorId && !(await getPortador(tx, body.portadorId, [companyId])))
    missing.push({ path: 'portadorId', message: `portador "${body.portadorId}" não existe nesta empresa` });
  let portadorId = body.portadorErpKey === null ? null : body.portadorId;
  if (body.portadorErpKey) {
    const portador = await getPortadorByErpKey(tx, companyId, body.portadorErpKey);
    if (!portador)
      missing.push({
        path: 'portadorErpKey',
        message: `portador "${body.portadorErpKey}" não existe nesta empresa; envie antes PUT /api/v1/portadores/${body.portadorErpKey}`,
      });
    else portadorId = portador.id;
  }
  if (missing.length > 0 || !customer) throw referenceNotFound(missing);

  const data: ReceivableInput = {
    customerId: customer.id,
    establishmentId,
    document: body.document,
    number: body.number,
    installment: body.installment,
    issueDate: body.issueDate,
    dueDate: body.dueDate,
    amountCents: body.amountCents,
    openAmountCents: body.openAmountCents,
    invoiceNumber: body.invoiceNumber,
    portadorId,
  };
  const result = await upsertReceivable(tx, {
    companyId,
    erpKey: args.erpKey,
    data,
    immutable: receivableImmutableFields,
    announce: announceReceivable,
    actor: args.actor,
    source: args.source,
    requestHash: args.requestHash ?? null,
  });
  if (result.conflicts.length > 0) {
    const keys = await customerErpKeys(tx, [result.row.customerId]);
    throw immutableConflict(
      `O título "${args.erpKey}"`,
      result.conflicts.map((field) =>
        field === 'customerId'
          ? {
              path: 'customerErpKey',
              stored: keys.get(result.row.customerId),
              received: body.customerErpKey,
            }
          : { path: field, stored: result.row[field], received: data[field] },
      ),
    );
  }
  assertChangeAllowed(result, `O título "${args.erpKey}"`);
  await sendDueDateToPlatform(tx, result, args.actor);
  if (body.invoiceAuthorized) await queueRealtimeRegistration(tx, result.row, args.actor);
  const view = await viewOf(tx, result.row);
  return {
    created: result.created,
    changed: result.changed,
    receivable: { ...view, customerErpKey: customer.erpKey },
  };
}

/**
 * The título as the ERP's upsert would answer it, read in one statement, when this very request (same route and
 * body, `requestHash`) made its current state: the upsert would change nothing. Null when the upsert must run —
 * another request or a console edit came since, or the body asks for an effect of its own (an open amount to
 * adjust to, an authorized invoice to register).
 */
export async function unchangedErpReceivable(
  store: Store,
  args: { companyId: string; erpKey: string; body: ReceivableUpsertBody; requestHash: string },
): Promise<ErpReceivableView | null> {
  const { body } = args;
  if (body.openAmountCents !== undefined || body.invoiceAuthorized) return null;
  const view = await getReceivable(store.db, {
    companyIds: [args.companyId],
    erpKey: args.erpKey,
    requestHash: args.requestHash,
  });
  return view ? { ...view, customerErpKey: body.customerErpKey } : null;
}

/**
 * The console's edit of a título's mutable fields: the same store upsert as the ERP (same history and movement
 * rows), addressed by id within `scope` (404 outside it).
 */
export async function patchReceivable(
  store: Store,
  args: { scope: readonly string[]; id: string; patch: ReceivablePatchBody; actor: string },
): Promise<ReceivableView> {
  return store.transaction(async (tx) => {
    const row = await getReceivableRow(tx, args.id, args.scope, { forUpdate: true });
    if (!row) throw notFound('Título não encontrado.');
    const { patch } = args;
    if (patch.portadorId && !(await getPortador(tx, patch.portadorId, [row.companyId])))
      throw referenceNotFound([
        { path: 'portadorId', message: `portador "${patch.portadorId}" não existe na empresa do título` },
      ]);
    if (patch.dueDate && patch.dueDate < row.issueDate)
      throw validationError(
        [{ path: 'dueDate', message: `vencimento ${patch.dueDate} é anterior à emissão ${row.issueDate}` }],
        'Vencimento anterior à emissão.',
      );
    const result = await upsertReceivable(tx, {
      companyId: row.companyId,
      erpKey: row.erpKey,
      data: {
        customerId: row.customerId,
        document: row.document,
        number: row.number,
        issueDate: row.issueDate,
        amountCents: row.amountCents,
        dueDate: patch.dueDate ?? row.dueDate,
        invoiceNumber: patch.invoiceNumber,
        portadorId: patch.portadorId,
      },
      immutable: receivableImmutableFields,
      announce: announceReceivable,
      actor: args.actor,
      source: 'console',
    });
    assertChangeAllowed(result, 'O título');
    await sendDueDateToPlatform(tx, result, args.actor);
    return viewOf(tx, result.row);
  });
}

function movementView(m: MovementRow) {
  return {
    id: m.id,
    kind: m.kind,
    amountCents: m.amountCents,
    occurredOn: m.occurredOn,
    description: m.description,
    source: m.source,
    createdAt: m.createdAt.toISOString(),
  };
}

export async function receivableDetail(store: Store, scope: readonly string[], id: string) {
  const receivable = await getReceivable(store.db, { companyIds: scope, id });
  if (!receivable) throw notFound('Título não encontrado.');
  const [movements, history, row] = await Promise.all([
    listMovements(store.db, id),
    listHistory(store.db, 'receivable', id),
    getReceivableRow(store.db, id, scope),
  ]);
  return {
    receivable,
    boleto: await receivableBoleto(store.db, row!),
    movements: movements.map(movementView),
    history: await withActorNames(
      store.db,
      history.map((h) => ({
        id: h.id,
        action: h.action,
        before: h.before,
        after: h.after,
        actor: h.actor,
        at: h.at.toISOString(),
      })),
    ),
  };
}

export async function erpReceivableByKey(
  store: Store,
  companyId: string,
  erpKey: string,
): Promise<ErpReceivableView & { registration: RegistrationView | null }> {
  const view = await getReceivable(store.db, { companyIds: [companyId], erpKey });
  if (!view) throw notFound(`Título "${erpKey}" não encontrado nesta empresa.`);
  const [erpView] = await withCustomerErpKeys(store.db, [view]);
  return { ...erpView!, registration: await registrationOf(store, view.id) };
}

/** The ERP listing: the console filters, with the customer addressed by its ERP key. */
export async function searchErpReceivables(store: Store, companyId: string, query: ErpReceivableListQuery) {
  const { customerErpKey, ...filters } = query;
  let customerId: string | undefined;
  if (customerErpKey) {
    const customer = await getCustomerByErpKey(store.db, companyId, customerErpKey);
    if (!customer) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    customerId = customer.id;
  }
  const page = await listReceivables(store.db, { ...filters, companyIds: [companyId], customerId });
  return { ...page, items: await withCustomerErpKeys(store.db, page.items) };
}

/** The ledger of a título addressed by the ERP's key. */
export async function receivableMovementsByErpKey(store: Store, companyId: string, erpKey: string) {
  const view = await getReceivable(store.db, { companyIds: [companyId], erpKey });
  if (!view) throw notFound(`Título "${erpKey}" não encontrado nesta empresa.`);
  return (await listMovements(store.db, view.id)).map(movementView);
}
