/**
 * Changes of a registered título sent to its platform: Alterar vencimento, Baixar, Reenviar por e-mail — by the
 * console's actions or, for the due date, by any change of the título (ERP upsert, console edit). One rule:
 * - a change the platform cannot take is refused where it is made (422 with the reason), nothing written;
 * - an accepted change is queued (outbox job, same transaction as the change) and the job calls the adapter; its
 *   outcome is a remessa history event of its own, the communication log, and `titulo.changed_at_platform`.
 */
import type { Capability } from '../platforms/adapter.js';
import { PlatformError } from '../platforms/adapter.js';
import { platformDefinition } from '../platforms/registry.js';
import { formatDateBR, todayInSaoPaulo } from '../domain/dates.js';
import { appendCommunicationLog } from '../store/communication-log.js';
import type { Store, Tx } from '../store/connection.js';
import { getCustomer } from '../store/customers.js';
import { activeIntegrationOfPortador, getIntegration } from '../store/integrations.js';
import { postToLedger } from '../store/ledger.js';
import { enqueueJob, recordEvent, releaseDedupeKey } from '../store/outbox.js';
import { getReceivableRow, type ReceivableRow } from '../store/receivables.js';
import {
  getRemessaForUpdate,
  remessaOfReceivable,
  updateRemessa,
  type RemessaRow,
} from '../store/remessas.js';
import { ServiceError } from './errors.js';
import { receivableEvent } from './events.js';
import { openIntegration, type PlatformDeps } from './platform-gateway.js';

export const JOB_PLATFORM_CHANGE = 'remessa.platform_change';

export const platformChanges = ['dueDate', 'writeOff', 'resendEmail', 'reverse'] as const;
export type PlatformChange = (typeof platformChanges)[number];

const CHANGE_LABELS: Readonly<Record<PlatformChange, { label: string; capability: Capability | null }>> = {
  dueDate: { label: 'alterar o vencimento', capability: 'changeDueDate' },
  writeOff: { label: 'baixar', capability: 'settleManually' },
  resendEmail: { label: 'reenviar por e-mail', capability: 'resendEmail' },
  // No adapter reverses a write-off (Efí has no such call): always refused with the reason.
  reverse: { label: 'estornar a baixa', capability: null },
};

export interface PlatformChangePayload {
  remessaId: string;
  change: PlatformChange;
  email?: string;
}

function refuse(message: string, path: string): ServiceError {
  return new ServiceError(422, 'platform_refused', message, [{ path, message }]);
}

/**
 * Queues a change of a registered título for its platform, in the caller's transaction, or throws 422 with the
 * reason when the platform cannot take it. `dueDate` is the new due date (checked against today). Answers null
 * when the título is not registered (nothing to send: a later registration carries the current data).
 */
export async function queuePlatformChange(
  tx: Tx,
  args: {
    receivable: ReceivableRow;
    change: PlatformChange;
    actor: string;
    dueDate?: string;
    email?: string;
    today?: string;
    /** true: a título without a registration is refused (console action) instead of skipped (ERP upsert). */
    requireRegistered?: boolean;
  },
): Promise<RemessaRow | null> {
  const { receivable, change } = args;
  const { label, capability } = CHANGE_LABELS[change];
  const integration = receivable.portadorId
    ? await activeIntegrationOfPortador(tx, receivable.portadorId)
    : null;
  const notRegistered = () =>
    refuse(`Não é possível ${label}: o título não está Enviado a uma plataforma.`, 'status');
  if (!integration) {
    if (args.requireRegistered) throw notRegistered();
    return null;
  }
  const found = await remessaOfReceivable(tx, receivable.id, integration.id);
  const remessa = found ? await getRemessaForUpdate(tx, found.id) : null;
  if (remessa?.status !== 'sent' || !remessa.chargeId) {
    if (args.requireRegistered) throw notRegistered();
    return null;
  }
  const definition = platformDefinition(integration.platform);
  if (!capability || !definition.capabilities[capability])
    throw refuse(`A plataforma ${definition.label} não permite ${label} pela API.`, change);
  if (change === 'dueDate') {
    const today = args.today ?? todayInSaoPaulo();
    const dueDate = args.dueDate ?? receivable.dueDate;
    // The rule every API platform states (Efí: "posterior a hoje"): a registered boleto's new due date is in the future.
    if (dueDate <= today)
      throw refuse(
        `Vencimento ${formatDateBR(dueDate)} recusado: a ${definition.label} só aceita nova data de vencimento ` +
          `posterior a hoje (${formatDateBR(today)}).`,
        'dueDate',
      );
  }
  if (change === 'resendEmail' && !args.email) {
    const customer = await getCustomer(tx, receivable.customerId, [receivable.companyId]);
    if (!customer?.email)
      throw refuse('O cliente não tem e-mail: informe o e-mail ou cadastre-o no cliente.', 'email');
  }
  const payload: PlatformChangePayload = {
    remessaId: remessa.id,
    change,
    ...(args.email ? { email: args.email } : {}),
  };
  await enqueueJob(tx, {
    name: JOB_PLATFORM_CHANGE,
    companyId: receivable.companyId,
    payload: { ...payload },
    ...(change === 'resendEmail' ? {} : { dedupeKey: changeKey(remessa.id, change) }),
  });
  return updateRemessa(
    tx,
    remessa,
    {},
    {
      action: 'change_queued',
      actor: args.actor,
      details: { change, ...(change === 'dueDate' ? { dueDate: args.dueDate ?? receivable.dueDate } : {}) },
    },
  );
}

/** One queued change of each kind per remessa: a second one while queued is carried by the first (it reads the current título). */
function changeKey(remessaId: string, change: PlatformChange): string {
  return `platform-change:${change}:${remessaId}`;
}

const DONE_ACTIONS: Readonly<Record<PlatformChange, string>> = {
  dueDate: 'due_date_changed',
  writeOff: 'written_off',
  resendEmail: 'email_resent',
  reverse: 'reversed',
};

/**
 * The job: sends one change to the platform. Throws on a transient failure, so the queue retries it with backoff
 * up to its retry limit; every failure is a history event with the platform's reason.
 */
export async function runPlatformChange(
  deps: PlatformDeps & { store: Store },
  payload: PlatformChangePayload,
  actor: string,
): Promise<void> {
  const { change } = payload;
  const prepared = await deps.store.transaction(async (tx) => {
    // Released first: a change made from here on queues a job of its own, which reads the título after this one.
    await releaseDedupeKey(tx, changeKey(payload.remessaId, change));
    const remessa = await getRemessaForUpdate(tx, payload.remessaId);
    if (!remessa?.chargeId) return null;
    const integration = (await getIntegration(tx, remessa.integrationId))!;
    const receivable = (await getReceivableRow(tx, remessa.receivableId, [remessa.companyId]))!;
    const customer = await getCustomer(tx, receivable.customerId, [receivable.companyId]);
    return { remessa, integration, receivable, email: payload.email ?? customer?.email ?? null };
  });
  if (!prepared) return;
  const { remessa, integration, receivable, email } = prepared;
  const session = openIntegration(deps, integration);
  const { adapter } = session;
  const chargeId = remessa.chargeId!;
  let failure: { message: string; retry: boolean } | null = null;
  try {
    if (change === 'dueDate') await adapter.changeDueDate!(chargeId, receivable.dueDate, todayInSaoPaulo());
    else if (change === 'writeOff') await adapter.settleManually!(chargeId);
    else if (change === 'resendEmail') await adapter.resendEmail!(chargeId, email!);
    else failure = { message: 'a plataforma não permite estornar a baixa', retry: false };
  } catch (error) {
    failure =
      error instanceof PlatformError
        ? { message: error.message, retry: error.kind === 'transient' }
        : { message: (error as Error).message, retry: true };
  }
  const retry = failure?.retry === true;
  await deps.store.transaction(async (tx) => {
    await appendCommunicationLog(tx, session.drainLog(remessa.receivableId));
    // Lock order título → remessa, as every writer of both does (the write-off posts to the título's ledger).
    const locked = (await getReceivableRow(tx, remessa.receivableId, [remessa.companyId], {
      forUpdate: true,
    }))!;
    const current = (await getRemessaForUpdate(tx, remessa.id))!;
    if (failure) {
      await updateRemessa(
        tx,
        current,
        {},
        {
          action: retry ? 'change_retry_scheduled' : 'change_failed',
          actor,
          details: { change, reason: failure.message },
        },
      );
      return;
    }
    const written =
      change === 'writeOff' && locked.openAmountCents > 0
        ? await postToLedger(tx, {
            receivableId: locked.id,
            postings: [
              {
                kind: 'write_off',
                amountCents: locked.openAmountCents,
                occurredOn: todayInSaoPaulo(),
                description: `Baixa manual na plataforma (${integration.platform})`,
                source: actor,
                key: `remessa-write-off:${remessa.id}`,
              },
            ],
            actor,
          })
        : null;
    await updateRemessa(tx, current, change === 'writeOff' ? { status: 'paid' } : {}, {
      action: DONE_ACTIONS[change],
      actor,
      details: {
        change,
        ...(change === 'dueDate' ? { dueDate: receivable.dueDate } : {}),
        ...(change === 'resendEmail' ? { email } : {}),
      },
    });
    await recordEvent(
      tx,
      receivableEvent('titulo.changed_at_platform', written?.receivable ?? locked, {
        platform: integration.platform,
        chargeId,
        change,
        ...(change === 'dueDate' ? { dueDate: receivable.dueDate } : {}),
        ...(written
          ? { movements: written.posted.map((m) => ({ kind: m.kind, amountCents: m.amountCents })) }
          : {}),
      }),
    );
  });
  if (retry) throw new Error(`alteração na plataforma (${change}): falha transitória: ${failure!.message}`);
}
