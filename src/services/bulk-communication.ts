/**
 * Bulk communication (Remessa em lote): the títulos of one portador chosen by filters are queued for registration
 * in one transaction — the same job as Enviar and real time. Progress is derived from the remessa history, so it
 * survives page reloads and restarts; "Reenviar falhas" queues only the failed items again.
 */
import { registrationStatuses, type RegistrationStatus } from '../domain/receivable/registration.js';
import type { BulkStartBody } from '../contracts/bulk-communication.js';
import type { Store } from '../store/connection.js';
import {
  bulkItemOutcomes,
  createBulkCommunication,
  getBulkCommunication,
  historyWatermark,
  listBulkCommunications,
  requeueBulkItems,
  type BulkCommunicationRow,
} from '../store/bulk-communications.js';
import { getPortador } from '../store/banking.js';
import { activeIntegrationOfPortador } from '../store/integrations.js';
import { getReceivableRow } from '../store/receivables.js';
import { listRemessas, remessaReceivableIds, type RemessaFilters } from '../store/remessa-list.js';
import { notFound, ServiceError } from './errors.js';
import { queueRegistration } from './registration.js';

/** At most this many títulos per bulk communication (one transaction queues them all). */
export const BULK_LIMIT = 10_000;

function filtersOf(companyId: string, body: BulkStartBody): RemessaFilters {
  const statuses: RegistrationStatus[] = body.onlyNotCommunicated
    ? ['not_sent']
    : registrationStatuses.filter((status) => status !== 'sent' && status !== 'paid');
  const wanted = body.status ? statuses.filter((status) => body.status!.includes(status)) : statuses;
  return {
    companyIds: [companyId],
    portadorId: body.portadorId,
    openOnly: true,
    status: wanted,
    ...(body.issueFrom ? { issueFrom: body.issueFrom } : {}),
    ...(body.issueTo ? { issueTo: body.issueTo } : {}),
    ...(body.dueFrom ? { dueFrom: body.dueFrom } : {}),
    ...(body.dueTo ? { dueTo: body.dueTo } : {}),
    ...(body.q ? { q: body.q } : {}),
  };
}

/** The count to review before starting. */
export async function previewBulk(store: Store, companyId: string, body: BulkStartBody) {
  const page = await listRemessas(store.db, { ...filtersOf(companyId, body), pageSize: 1 });
  return { count: page.total, amountCents: page.totals.amountCents };
}

export async function startBulk(
  store: Store,
  args: { companyId: string; body: BulkStartBody; actor: string },
): Promise<ReturnType<typeof bulkProgress>> {
  const bulk = await store.transaction(async (tx) => {
    const portador = await getPortador(tx, args.body.portadorId, [args.companyId]);
    const integration = portador ? await activeIntegrationOfPortador(tx, portador.id) : null;
    if (!integration)
      throw new ServiceError(
        422,
        'not_registrable',
        'O portador não tem integração ativa (Parceiros/Bancos).',
        [{ path: 'portadorId', message: 'portador sem integração ativa nesta empresa' }],
      );
    const ids = await remessaReceivableIds(tx, filtersOf(args.companyId, args.body), BULK_LIMIT + 1);
    if (ids.length === 0)
      throw new ServiceError(422, 'nothing_to_send', 'Nenhum título a comunicar com estes filtros.');
    if (ids.length > BULK_LIMIT)
      throw new ServiceError(
        422,
        'too_many',
        `Mais de ${BULK_LIMIT} títulos: restrinja os filtros (por exemplo, o intervalo de vencimento).`,
      );
    const since = await historyWatermark(tx);
    const items = [];
    for (const id of ids) {
      const receivable = (await getReceivableRow(tx, id, [args.companyId], { forUpdate: true }))!;
      const { remessa } = await queueRegistration(tx, receivable, integration, args.actor);
      items.push({ receivableId: id, remessaId: remessa.id });
    }
    return createBulkCommunication(
      tx,
      {
        companyId: args.companyId,
        portadorId: portador!.id,
        onlyNotCommunicated: args.body.onlyNotCommunicated ? 1 : 0,
        filters: args.body,
        total: items.length,
        actor: args.actor,
      },
      items,
      since,
    );
  });
  return bulkProgress(store, bulk);
}

async function bulkProgress(store: Store, bulk: BulkCommunicationRow) {
  const items = await bulkItemOutcomes(store.db, bulk.id);
  const failures = items
    .filter((item) => item.outcome && item.outcome.action !== 'sent')
    .map((item) => ({
      receivableId: item.receivableId,
      erpKey: item.erpKey,
      identifier: `${item.number}/${item.installment}`,
      status: item.outcome!.action as RegistrationStatus,
      message: item.outcome!.reason,
    }));
  const successes = items.filter((item) => item.outcome?.action === 'sent').length;
  const done = successes + failures.length;
  return {
    id: bulk.id,
    portadorId: bulk.portadorId,
    onlyNotCommunicated: bulk.onlyNotCommunicated === 1,
    createdAt: bulk.createdAt.toISOString(),
    actor: bulk.actor,
    total: bulk.total,
    done,
    successes,
    failed: failures.length,
    finished: done === bulk.total,
    failures,
  };
}

export async function bulkCommunication(store: Store, scope: readonly string[], id: string) {
  const bulk = await getBulkCommunication(store.db, id, scope);
  if (!bulk) throw notFound('Comunicação em lote não encontrada.');
  return bulkProgress(store, bulk);
}

export async function bulkCommunications(store: Store, scope: readonly string[]) {
  const rows = await listBulkCommunications(store.db, scope);
  return { items: await Promise.all(rows.map((row) => bulkProgress(store, row))) };
}

/** Reenviar falhas: queues again only the items whose latest outcome is Falha or Falha ERP. */
export async function retryBulkFailures(
  store: Store,
  args: { scope: readonly string[]; id: string; actor: string },
) {
  const bulk = await store.transaction(async (tx) => {
    const row = await getBulkCommunication(tx, args.id, args.scope);
    if (!row) throw notFound('Comunicação em lote não encontrada.');
    const integration = await activeIntegrationOfPortador(tx, row.portadorId);
    if (!integration)
      throw new ServiceError(422, 'not_registrable', 'O portador não tem mais integração ativa.');
    const failed = (await bulkItemOutcomes(tx, row.id)).filter(
      (item) => item.outcome && item.outcome.action !== 'sent',
    );
    const since = await historyWatermark(tx);
    for (const item of failed) {
      const receivable = (await getReceivableRow(tx, item.receivableId, [row.companyId], {
        forUpdate: true,
      }))!;
      await queueRegistration(tx, receivable, integration, args.actor);
    }
    await requeueBulkItems(
      tx,
      row.id,
      failed.map((item) => item.receivableId),
      since,
    );
    return row;
  });
  return bulkProgress(store, bulk);
}
