/** The Remessa tab (list, near-due warnings, history, actions on a selection) and the Logs tab. */
import type { RemessaActionBody } from '../contracts/remessa.js';
import { addDays, todayInSaoPaulo } from '../domain/dates.js';
import { listCommunicationLog, type CommunicationLogFilters } from '../store/communication-log.js';
import type { Store } from '../store/connection.js';
import { listHistory } from '../store/history.js';
import { activeIntegrationOfPortador } from '../store/integrations.js';
import { listRemessas, type RemessaFilters } from '../store/remessa-list.js';
import { getReceivableRow } from '../store/receivables.js';
import { remessaOfReceivable } from '../store/remessas.js';
import { withActorNames } from './actors.js';
import { notFound, ServiceError } from './errors.js';
import { patchReceivable } from './receivables.js';
import { queuePlatformChange, type PlatformChange } from './remessa-changes.js';
import { requestRegistrations } from './registration.js';

export async function remessaPage(store: Store, filters: RemessaFilters & { receivableId?: string }) {
  const { receivableId, ...rest } = filters;
  return listRemessas(store.db, receivableId ? { ...rest, receivableIds: [receivableId] } : rest);
}

/**
 * Títulos not yet registered (Não Enviado, Falha, Falha ERP) and still open whose due date is within `days` from
 * today: the promise that títulos are registered before they fall due.
 */
export async function nearDuePage(
  store: Store,
  filters: Omit<RemessaFilters, 'status' | 'openOnly' | 'dueTo'> & {
    days: number;
    today?: string;
    receivableId?: string;
  },
) {
  const { days, today, ...rest } = filters;
  return remessaPage(store, {
    ...rest,
    status: ['not_sent', 'failed', 'erp_failed'],
    openOnly: true,
    dueTo: addDays(today ?? todayInSaoPaulo(), days),
    sort: rest.sort ?? 'dueDate',
  });
}

/** The Logs tab: the communication log page, instants as ISO strings. */
export async function communicationLogPage(store: Store, filters: CommunicationLogFilters) {
  const page = await listCommunicationLog(store.db, filters);
  return { ...page, items: page.items.map((row) => ({ ...row, at: row.at.toISOString() })) };
}

/** Every event of the título's remessa record, oldest first, with the user's name when a user acted. */
export async function remessaHistory(store: Store, scope: readonly string[], receivableId: string) {
  const receivable = await getReceivableRow(store.db, receivableId, scope);
  if (!receivable) throw notFound('Título não encontrado.');
  const integration = receivable.portadorId
    ? await activeIntegrationOfPortador(store.db, receivable.portadorId)
    : null;
  const remessa = await remessaOfReceivable(store.db, receivable.id, integration?.id);
  const rows = remessa ? await listHistory(store.db, 'remessa', remessa.id) : [];
  const items = await withActorNames(
    store.db,
    rows.map((row) => ({
      id: row.id,
      action: row.action,
      before: row.before,
      after: row.after,
      actor: row.actor,
      at: row.at.toISOString(),
    })),
  );
  return { receivableId, remessaId: remessa?.id ?? null, items };
}

const CHANGE_OF_ACTION: Readonly<Record<Exclude<RemessaActionBody['action'], 'send'>, PlatformChange>> = {
  changeDueDate: 'dueDate',
  writeOff: 'writeOff',
  reverse: 'reverse',
  resendEmail: 'resendEmail',
};

/**
 * One action on each título of the selection, each in a transaction of its own (Enviar: all in one, see
 * requestRegistrations): a refusal (with its reason) does not stop the others. Alterar vencimento is the título edit (same upsert as the ERP), which queues the platform
 * change of a registered título; the other platform actions queue theirs directly.
 */
export async function runRemessaAction(
  store: Store,
  args: {
    scope: readonly string[];
    body: RemessaActionBody;
    actor: string;
  },
) {
  const { body } = args;
  if (body.action === 'changeDueDate' && !body.dueDate)
    throw new ServiceError(422, 'validation_failed', 'Informe a nova data de vencimento.', [
      { path: 'dueDate', message: 'obrigatório para Alterar vencimento' },
    ]);
  const results = [];
  const sent =
    body.action === 'send'
      ? await requestRegistrations(store, {
          companyIds: args.scope,
          receivableIds: body.receivableIds,
          actor: args.actor,
        })
      : null;
  for (const receivableId of body.receivableIds) {
    try {
      let queued = true;
      if (body.action === 'send') {
        const outcome = sent!.get(receivableId)!;
        if (outcome.message) throw new ServiceError(422, 'not_registrable', outcome.message);
        queued = outcome.queued;
      } else if (body.action === 'changeDueDate') {
        await patchReceivable(store, {
          scope: args.scope,
          id: receivableId,
          patch: { dueDate: body.dueDate! },
          actor: args.actor,
        });
      } else {
        const change = CHANGE_OF_ACTION[body.action];
        await store.transaction(async (tx) => {
          const receivable = await getReceivableRow(tx, receivableId, args.scope, { forUpdate: true });
          if (!receivable) throw notFound('Título não encontrado.');
          await queuePlatformChange(tx, {
            receivable,
            change,
            actor: args.actor,
            ...(body.email ? { email: body.email } : {}),
            requireRegistered: true,
          });
        });
      }
      results.push({ receivableId, ok: true, queued, message: null });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      results.push({ receivableId, ok: false, queued: false, message: error.message });
    }
  }
  const succeeded = results.filter((result) => result.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
