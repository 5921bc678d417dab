/**
 * Reconciliation with the credit platform (FSPL0250 aba "Conciliação"): the daily fetch of its financial events
 * (each stored once per entry id, classified, then acknowledged), Conciliar (posts each record's movement on its
 * Título ERP through the ledger) and Excluir conciliação (the opposite postings).
 */
import { todayInSaoPaulo } from '../domain/dates.js';
import {
  canReconcile,
  classifyEvent,
  DEFAULT_POSTING_RULES,
  overdrawReason,
  reconciliationPostings,
  reconciliationSituationMachine,
  undoPostings,
  type Posting,
  type ReconcilableEventCode,
  type ReconciliationSituation,
} from '../domain/reconciliation/index.js';
import { PlatformError } from '../platforms/adapter.js';
import { appendCommunicationLog } from '../store/communication-log.js';
import type { Store, Tx } from '../store/connection.js';
import {
  activeCreditIntegration,
  customerIdByDocument,
  insertReconciliationRecord,
  listReconciliationRecords,
  lockReconciliationRecords,
  receivableOfInvoice,
  updateReconciliationRecord,
  type ReconciliationFilters,
  type ReconciliationListItem,
  type ReconciliationRecordRow,
} from '../store/credit.js';
import { appendHistory, listHistory } from '../store/history.js';
import { listMovements, postToLedger } from '../store/ledger.js';
import { getReceivableRow } from '../store/receivables.js';
import { withActorNames } from './actors.js';
import { notFound, ServiceError } from './errors.js';
import { openIntegration, type PlatformDeps } from './platform-gateway.js';

export const JOB_SUPPLIER_RECONCILIATION = 'supplier-reconciliation';

export interface ReconciliationDeps extends PlatformDeps {
  store: Store;
}

/**
 * Fetches the platform's pending events, stores each one (a re-sent or concurrently fetched entry id is stored
 * once), and acknowledges them only after they are stored.
 */
export async function runReconciliation(
  deps: ReconciliationDeps,
  args: { companyId: string; actor: string },
) {
  const { store } = deps;
  const integration = await activeCreditIntegration(store.db, args.companyId);
  if (!integration)
    throw new ServiceError(
      422,
      'not_configured',
      'Conciliação: a empresa não tem integração ativa com a plataforma de crédito',
    );
  const session = openIntegration(deps, integration);
  let outcome: { fetched: number; stored: number; acknowledged: number } | undefined;
  try {
    const events = await session.adapter.fetchReconciliationEvents!();
    let stored = 0;
    for (const event of events) {
      const customerId = await customerIdByDocument(store.db, args.companyId, event.customerDocument);
      const receivableId =
        customerId && event.invoiceNumber
          ? await receivableOfInvoice(store.db, {
              companyId: args.companyId,
              customerId,
              invoiceNumber: event.invoiceNumber,
            })
          : null;
      const classification = classifyEvent(event, {
        customerFound: customerId !== null,
        receivableFound: receivableId !== null,
      });
      const inserted = await store.db.transaction(async (tx) => {
        const row = await insertReconciliationRecord(tx, {
          companyId: args.companyId,
          integrationId: integration.id,
          entryId: event.entryId,
          eventCode: event.eventCode,
          entryType: event.entryType,
          amountCents: event.amountCents,
          feeCents: event.feeCents,
          customerDocument: event.customerDocument,
          customerId,
          invoiceNumber: event.invoiceNumber,
          invoiceSeries: event.invoiceSeries,
          receivableId,
          occurredOn: event.occurredOn,
          situation: classification.situation,
          reason: classification.situation === 'failed' ? classification.reason : null,
          raw: event.raw ?? null,
        });
        if (row)
          await appendHistory(tx, {
            entity: 'reconciliation_record',
            entityId: row.id,
            companyId: args.companyId,
            action: 'received',
            after: { situation: row.situation, observation: row.reason },
            actor: args.actor,
          });
        return row;
      });
      if (inserted) stored++;
    }
    const acknowledgement =
      events.length > 0
        ? await session.adapter.acknowledgeReconciliationEvents!(events.map((e) => e.entryId))
        : null;
    outcome = { fetched: events.length, stored, acknowledged: acknowledgement?.acknowledged.length ?? 0 };
    return outcome;
  } catch (error) {
    if (error instanceof PlatformError)
      throw new ServiceError(502, 'platform_error', `Conciliação: ${error.message}`);
    throw error;
  } finally {
    // The run itself is logged as a job entry: "última execução" and its outcome in the console.
    await appendCommunicationLog(store.db, [
      ...session.drainLog(),
      {
        companyId: args.companyId,
        integrationId: integration.id,
        platform: integration.platform,
        operation: JOB_SUPPLIER_RECONCILIATION,
        direction: 'job',
        outcome: outcome ? 'ok' : 'error',
        requestBody: { actor: args.actor },
        responseBody: outcome ?? null,
        at: new Date(),
      },
    ]);
  }
}

export function reconciliationRecordView(row: ReconciliationListItem) {
  const situation = row.situation as ReconciliationSituation;
  return {
    id: row.id,
    companyId: row.companyId,
    companyName: row.companyName,
    customerName: row.customerName,
    entryId: row.entryId,
    eventCode: row.eventCode,
    entryType: row.entryType as 'credit' | 'debit',
    amountCents: row.amountCents,
    feeCents: row.feeCents,
    customerDocument: row.customerDocument,
    invoiceNumber: row.invoiceNumber,
    invoiceSeries: row.invoiceSeries,
    receivableErpKey: row.receivableErpKey,
    occurredOn: row.occurredOn,
    situation,
    situationLabel: reconciliationSituationMachine.labels[situation],
    reason: row.reason,
    reconcilable: canReconcile({ situation }).ok,
  };
}

export async function searchReconciliationRecords(store: Store, filters: ReconciliationFilters) {
  const page = await listReconciliationRecords(store.db, filters);
  return { ...page, items: page.items.map(reconciliationRecordView) };
}

export interface RecordOutcome {
  id: string;
  situation: ReconciliationSituation;
  ok: boolean;
  reason: string | null;
}

/** The postings a reconciled record made in its current cycle, read back from the ledger. */
async function postingsOfCycle(tx: Tx, record: ReconciliationRecordRow): Promise<Posting[]> {
  const prefix = `reconciliation:${record.id}:${record.cycle}:`;
  const postings: Posting[] = [];
  for (const m of await listMovements(tx, record.receivableId!))
    if (m.idempotencyKey?.startsWith(prefix) && !m.idempotencyKey.endsWith(':undo'))
      postings.push({
        kind: m.kind as Posting['kind'],
        amountCents: m.amountCents,
        description: m.description ?? '',
        idempotencyKey: m.idempotencyKey,
      });
  return postings;
}

/**
 * The record's Título ERP, locked: two Conciliar on records of the same título wait for each other, so the second
 * sees the open amount the first left (and goes to Falha with the reason instead of hitting the ledger's refusal).
 */
async function lockedReceivable(tx: Tx, record: ReconciliationRecordRow) {
  return (await getReceivableRow(tx, record.receivableId!, [record.companyId], { forUpdate: true }))!;
}

type Step = (
  tx: Tx,
  record: ReconciliationRecordRow,
  actor: string,
) => Promise<{ ok: true; record: ReconciliationRecordRow } | { ok: false; reason: string; fail?: boolean }>;

const reconcileStep: Step = async (tx, record, actor) => {
  const allowed = canReconcile({ situation: record.situation as ReconciliationSituation });
  if (!allowed.ok) return allowed;
  const cycle = record.cycle + 1;
  const postings = reconciliationPostings(
    {
      id: record.id,
      eventCode: record.eventCode as ReconcilableEventCode,
      amountCents: record.amountCents,
      feeCents: record.feeCents,
    },
    DEFAULT_POSTING_RULES[record.eventCode as ReconcilableEventCode],
    cycle,
  );
  const receivable = await lockedReceivable(tx, record);
  const overdraw = overdrawReason(receivable.openAmountCents, postings);
  if (overdraw) return { ok: false, reason: overdraw, fail: true };
  await postToLedger(tx, {
    receivableId: receivable.id,
    actor,
    postings: postings.map((p) => ({
      kind: p.kind,
      amountCents: p.amountCents,
      occurredOn: record.occurredOn,
      description: p.description,
      source: `conciliacao:${record.entryId}`,
      key: p.idempotencyKey,
    })),
  });
  return {
    ok: true,
    record: await updateReconciliationRecord(tx, record.id, { situation: 'reconciled', cycle, reason: null }),
  };
};

const undoStep: Step = async (tx, record, actor) => {
  const allowed = reconciliationSituationMachine.transition(
    record.situation as ReconciliationSituation,
    'not_reconciled',
  );
  if (!allowed.ok || record.situation !== 'reconciled')
    return {
      ok: false,
      reason: allowed.ok ? 'Excluir conciliação: o registro não está conciliado' : allowed.reason,
    };
  const postings = undoPostings(await postingsOfCycle(tx, record));
  const receivable = await lockedReceivable(tx, record);
  const overdraw = overdrawReason(receivable.openAmountCents, postings);
  if (overdraw) return { ok: false, reason: `Excluir conciliação: ${overdraw}` };
  await postToLedger(tx, {
    receivableId: receivable.id,
    actor,
    postings: postings.map((p) => ({
      kind: p.kind,
      amountCents: p.amountCents,
      occurredOn: todayInSaoPaulo(),
      description: p.description,
      source: `conciliacao:${record.entryId}`,
      key: p.idempotencyKey,
    })),
  });
  return {
    ok: true,
    record: await updateReconciliationRecord(tx, record.id, { situation: 'not_reconciled' }),
  };
};

async function applyToSelection(
  store: Store,
  args: { companyIds: readonly string[]; ids: readonly string[]; actor: string },
  step: Step,
  action: 'reconciled' | 'reconciliation_undone',
): Promise<RecordOutcome[]> {
  const outcomes: RecordOutcome[] = [];
  for (const id of new Set(args.ids)) {
    outcomes.push(
      await store.db.transaction(async (tx) => {
        const [record] = await lockReconciliationRecords(tx, args.companyIds, [id]);
        if (!record)
          return { id, situation: 'failed', ok: false, reason: 'Registro de conciliação não encontrado' };
        const result = await step(tx, record, args.actor);
        if (result.ok) {
          await appendHistory(tx, {
            entity: 'reconciliation_record',
            entityId: id,
            companyId: record.companyId,
            action,
            before: { situation: record.situation },
            after: { situation: result.record.situation },
            actor: args.actor,
          });
          return {
            id,
            situation: result.record.situation as ReconciliationSituation,
            ok: true,
            reason: null,
          };
        }
        if (result.fail) {
          await updateReconciliationRecord(tx, id, { situation: 'failed', reason: result.reason });
          await appendHistory(tx, {
            entity: 'reconciliation_record',
            entityId: id,
            companyId: record.companyId,
            action: 'failed',
            before: { situation: record.situation },
            after: { situation: 'failed', observation: result.reason },
            actor: args.actor,
          });
          return { id, situation: 'failed', ok: false, reason: result.reason };
        }
        return {
          id,
          situation: record.situation as ReconciliationSituation,
          ok: false,
          reason: result.reason,
        };
      }),
    );
  }
  return outcomes;
}

/** Conciliar: refused as a whole when the selection holds no reconcilable record; each record answers for itself. */
export async function reconcileRecords(
  store: Store,
  args: { companyIds: readonly string[]; ids: readonly string[]; actor: string },
): Promise<RecordOutcome[]> {
  const selection = await lockReconciliationRecords(store.db, args.companyIds, args.ids);
  if (!selection.some((r) => canReconcile({ situation: r.situation as ReconciliationSituation }).ok))
    throw new ServiceError(
      422,
      'not_reconcilable',
      'Conciliar: a seleção não tem registro Não Conciliado (informativos e falhas não são conciliáveis)',
    );
  return applyToSelection(store, args, reconcileStep, 'reconciled');
}

export async function undoReconciliation(
  store: Store,
  args: { companyIds: readonly string[]; ids: readonly string[]; actor: string },
): Promise<RecordOutcome[]> {
  return applyToSelection(store, args, undoStep, 'reconciliation_undone');
}

/** Histórico of one record: date and time, user, situation and observation (the failure reason). */
export async function reconciliationRecordHistory(store: Store, scope: readonly string[], id: string) {
  const [record] = await listReconciliationRecords(store.db, { companyIds: scope, id, pageSize: 1 }).then(
    (page) => page.items,
  );
  if (!record) throw notFound('Registro de conciliação não encontrado.');
  const history = await listHistory(store.db, 'reconciliation_record', id);
  return {
    record: reconciliationRecordView(record),
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
