/**
 * The inbound half: whatever a platform reports is stored first (the webhook as received, then each event as a
 * retorno record, raw and normalized, the same event once), and only then processed by the return commands and
 * settled through the ledger, exactly once (posting keys per retorno).
 */
import type { PlatformEvent } from '../platforms/adapter.js';
import { appendCommunicationLog } from '../store/communication-log.js';
import type { Store, Tx } from '../store/connection.js';
import { getIntegration, getIntegrationByWebhookToken, type IntegrationRow } from '../store/integrations.js';
import { enqueueJob } from '../store/outbox.js';
import { getReceivableRow } from '../store/receivables.js';
import { getRemessa, getRemessaForUpdate, remessaByCharge } from '../store/remessas.js';
import {
  finishRetorno,
  getRetornoForUpdate,
  insertRetorno,
  latestRetornoOfCharge,
  processedTwin,
  type RetornoRow,
} from '../store/retornos.js';
import { notFound } from './errors.js';
import { notifyIntegrationUsers } from './notifications.js';
import { openIntegration, type PlatformDeps } from './platform-gateway.js';
import { resolveReturnCommand } from './return-commands.js';
import { applyReturnCommand } from './settlement.js';

export const JOB_FETCH_NOTIFICATION = 'retorno.fetch-notification';
export const JOB_PROCESS_RETORNO = 'retorno.process';

export interface RetornoDeps extends PlatformDeps {
  store: Store;
}

/**
 * A platform called the integration's webhook URL: the body is logged as received and a job fetches what it
 * stands for, in one transaction. An unknown token is 404 and logs nothing about any company.
 */
export async function receiveWebhook(
  store: Store,
  args: { platform: string; token: string; body: unknown },
): Promise<void> {
  const integration = await getIntegrationByWebhookToken(store.db, args.token);
  if (!integration || integration.platform !== args.platform) throw notFound('Webhook desconhecido.');
  await store.transaction(async (tx) => {
    await appendCommunicationLog(tx, [
      {
        companyId: integration.companyId,
        integrationId: integration.id,
        platform: integration.platform,
        operation: 'webhook recebido',
        direction: 'in',
        method: 'POST',
        url: `/webhooks/${integration.platform}/…`,
        httpStatus: 200,
        outcome: 'ok',
        requestBody: { body: args.body as object },
        responseBody: null,
      },
    ]);
    await enqueueJob(tx, {
      name: JOB_FETCH_NOTIFICATION,
      companyId: integration.companyId,
      payload: { integrationId: integration.id, body: args.body },
    });
  });
}

/** The job: asks the platform what the webhook stands for and stores each event once. */
export async function fetchNotification(
  deps: RetornoDeps,
  args: { integrationId: string; body: unknown; actor: string },
): Promise<number> {
  const integration = await getIntegration(deps.store.db, args.integrationId);
  if (!integration) return 0;
  const session = openIntegration(deps, integration);
  if (!session.adapter.fetchNotification) return 0;
  let events: PlatformEvent[];
  try {
    events = await session.adapter.fetchNotification(args.body);
  } finally {
    await appendCommunicationLog(deps.store.db, session.drainLog());
  }
  return storeEvents(deps.store, integration, events, 'webhook', args.actor);
}

/** Stores each event as a retorno record (a repeated event id adds nothing) and queues its processing. */
export async function storeEvents(
  store: Store,
  integration: IntegrationRow,
  events: readonly PlatformEvent[],
  source: 'webhook' | 'poll' | 'cnab',
  actor: string,
): Promise<number> {
  return store.transaction((tx) => storeEventsIn(tx, integration, events, source, actor));
}

export async function storeEventsIn(
  tx: Tx,
  integration: IntegrationRow,
  events: readonly PlatformEvent[],
  source: 'webhook' | 'poll' | 'cnab',
  actor: string,
): Promise<number> {
  let stored = 0;
  for (const event of events) {
    // A status query answers the charge's present status: news only when it differs from the last one stored.
    if (source === 'poll') {
      const latest = await latestRetornoOfCharge(tx, integration.id, event.chargeId);
      if (latest?.occurrenceCode === event.occurrence.code) continue;
    }
    // A CNAB retorno echoes our seu número (the nosso número's key, see services/remessa-files.ts); a bank that
    // does not is matched by the nosso número itself.
    const remessa =
      (source === 'cnab' && event.customId
        ? await remessaByCharge(tx, integration.id, event.customId)
        : null) ?? (await remessaByCharge(tx, integration.id, event.chargeId));
    const row = await insertRetorno(
      tx,
      {
        companyId: integration.companyId,
        integrationId: integration.id,
        platform: integration.platform,
        source,
        eventId: event.eventId,
        receivableId: remessa?.receivableId ?? null,
        remessaId: remessa?.id ?? null,
        chargeId: event.chargeId,
        nossoNumero: source === 'cnab' ? event.chargeId : null,
        occurrenceCode: event.occurrence.code,
        occurrenceDescription: event.occurrence.description,
        occurredAt: new Date(event.occurredAt),
        paidOn: event.paidOn ?? null,
        creditedOn: event.creditedOn ?? null,
        paidCents: event.amounts.paidCents ?? 0,
        interestCents: event.amounts.interestCents ?? 0,
        fineCents: event.amounts.fineCents ?? 0,
        discountCents: event.amounts.discountCents ?? 0,
        rebateCents: event.amounts.rebateCents ?? 0,
        feeCents: event.amounts.feeCents ?? 0,
        otherCostsCents: event.amounts.otherCostsCents ?? 0,
        raw: event.raw as object,
      },
      actor,
    );
    if (!row) continue;
    stored += 1;
    if (!integration.autoProcess) continue;
    await enqueueJob(tx, {
      name: JOB_PROCESS_RETORNO,
      companyId: row.companyId,
      payload: { retornoId: row.id },
      dedupeKey: `process:${row.id}`,
    });
  }
  return stored;
}

/**
 * Processes one retorno record: looks its occurrence up in the return commands of its platform (or its bank) and
 * applies the action. Already processed → nothing. Every outcome lands on the record with its reason.
 */
export async function processRetorno(
  store: Store,
  retornoId: string,
  actor: string,
): Promise<RetornoRow | null> {
  return store.transaction(async (tx) => {
    const retorno = await getRetornoForUpdate(tx, retornoId);
    if (!retorno || retorno.situation === 'processed') return retorno;
    const integration = (await getIntegration(tx, retorno.integrationId))!;
    const fail = async (note: string) => {
      await notifyIntegrationUsers(tx, integration, {
        kind: 'retorno_failed',
        title: `Retorno em Falha: ${retorno.occurrenceCode} — ${retorno.occurrenceDescription}`,
        body: note,
        link: `#/retorno?companyId=${retorno.companyId}&situation=failed&q=${encodeURIComponent(retorno.chargeId ?? retorno.nossoNumero ?? '')}`,
        dedupeKey: `retorno:${retorno.id}:${note}`,
      });
      return finishRetorno(tx, retorno, { situation: 'failed', note }, actor);
    };
    const found = retorno.remessaId
      ? await getRemessa(tx, retorno.remessaId)
      : retorno.chargeId
        ? await remessaByCharge(tx, integration.id, retorno.chargeId)
        : null;
    if (!found)
      return fail(`título não encontrado para a cobrança ${retorno.chargeId ?? retorno.nossoNumero ?? '?'}`);
    // Lock order título → remessa, as registration does: the other order deadlocks against it.
    const receivable = (await getReceivableRow(tx, found.receivableId, [found.companyId], {
      forUpdate: true,
    }))!;
    const remessa = (await getRemessaForUpdate(tx, found.id))!;
    const command = await resolveReturnCommand(tx, commandScope(integration), retorno.occurrenceCode);
    if (!command)
      return fail(
        `comando de retorno não cadastrado: ${retorno.occurrenceCode} (${retorno.occurrenceDescription}) — ` +
          'cadastre-o em Comandos de retorno e processe de novo',
      );
    const twin = await processedTwin(tx, retorno);
    if (twin && (twin.source === 'poll' || retorno.source === 'poll'))
      return finishRetorno(
        tx,
        retorno,
        {
          situation: 'processed',
          note: `mesmo evento já processado pelo retorno de ${twin.occurredAt.toISOString().slice(0, 10)} (${twin.source}); nada lançado`,
          receivableId: receivable.id,
          remessaId: remessa.id,
        },
        actor,
      );
    const outcome = await applyReturnCommand(tx, {
      retorno,
      integration,
      receivable,
      remessa,
      command,
      actor,
    });
    if ('failure' in outcome) return fail(outcome.failure);
    return finishRetorno(
      tx,
      retorno,
      {
        situation: 'processed',
        note: outcome.notes.join(' · '),
        receivableId: receivable.id,
        remessaId: remessa.id,
      },
      actor,
    );
  });
}

/** Return commands are kept per platform for API platforms and per bank and layout for banks by CNAB. */
export function commandScope(integration: Pick<IntegrationRow, 'platform' | 'options'>): string {
  if (integration.platform !== 'cnab') return integration.platform;
  const options = integration.options as { bank?: string; layout?: number };
  return `${options.bank ?? ''}-${options.layout ?? ''}`;
}
