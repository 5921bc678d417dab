/**
 * ERP webhooks over real HTTP: events recorded in the outbox reach a node:http receiver signed, once per
 * subscription, retried with backoff after 500s until acknowledged or the attempt limit, every attempt in the
 * delivery log and the communication log; a job running twice (or alongside another run) delivers once; redelivery.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWorkers, startJobQueue, type JobQueue } from '../../src/jobs/index.js';
import { webhookScheduler } from '../../src/jobs/webhooks.js';
import {
  attemptDelivery,
  deliveryDetail,
  JOB_DELIVER_WEBHOOK,
  planDeliveries,
  redeliver,
  type DeliveryScheduler,
} from '../../src/services/webhook-deliveries.js';
import { saveSubscription } from '../../src/services/webhook-subscriptions.js';
import { retryCeilingMs } from '../../src/domain/webhooks/retry.js';
import { listCommunicationLog } from '../../src/store/communication-log.js';
import { createCompany } from '../../src/store/companies.js';
import { recordEvent, type OutboxRow } from '../../src/store/outbox.js';
import {
  getOutboxEvent,
  getWebhookDelivery,
  listWebhookDeliveries,
  updateWebhookDelivery,
} from '../../src/store/webhooks.js';
import { makeCnpj } from '../../src/domain/documents/index.js';
import { describeDatabase, openTestStore, type TestStore } from '../support/database.js';
import { startErpReceiver, type ErpReceiver } from '../support/erp-receiver.js';
import { testPlatformDeps } from '../support/platforms.js';
import { within } from '../support/within.js';

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 90_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const SECRET = 'segredo-do-erp-com-32-caracteres!';
const RETRY = { baseMs: 400, maxMs: 5_000 };
/** A fixed jitter draw: each delay is exactly 3/4 of its ceiling. */
const JITTER = 0.5;

describe(`ERP webhooks (${describeDatabase()})`, () => {
  let t: TestStore;
  let queue: JobQueue;
  let receiver: ErpReceiver;
  let companyId: string;
  const platforms = testPlatformDeps();
  const noSchedule: DeliveryScheduler = async () => {};

  const record = (name: string, subjectId: string, payload: Record<string, unknown> = {}) =>
    t.store.transaction((tx) =>
      recordEvent(tx, { name, companyId, subjectId, payload: { erpKey: subjectId, ...payload } }),
    );
  const deliveryOf = async (event: OutboxRow) =>
    (await listWebhookDeliveries(t.store.db, { companyIds: [companyId], pageSize: 200 })).items.find(
      (d) => d.eventId === event.id,
    );
  const settled = (event: OutboxRow) =>
    waitFor(
      () => deliveryOf(event),
      (d) => d?.status === 'delivered' || d?.status === 'failed',
    );

  beforeAll(async () => {
    t = await openTestStore();
    receiver = await startErpReceiver(() => SECRET);
    queue = await startJobQueue(t.store, { pollingIntervalSeconds: 0.5 });
    companyId = (
      await createCompany(t.store.db, { name: 'Empresa Sul', cnpj: makeCnpj('510000000001'), kind: 'child' })
    ).id;
    await saveSubscription(
      { store: t.store, secrets: platforms.secrets },
      {
        companyId,
        input: { url: receiver.url, secret: SECRET, maxAttempts: 3 },
        actor: 'test',
      },
    );
    await registerWorkers(queue, {
      store: t.store,
      ...platforms,
      webhookPolicy: { retry: RETRY, timeoutMs: 30_000, random: () => JITTER },
    });
  });
  afterAll(async () => {
    try {
      await within(15_000, 'parar a fila', queue?.stop() ?? Promise.resolve());
      await receiver?.close();
    } finally {
      await t?.close();
    }
  });

  it('delivers an event recorded in a transaction once, signed over timestamp and raw body, and logs it', async () => {
    const event = await record('titulo.registered', 'TIT-1', { chargeId: '42' });
    const delivery = await settled(event);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, lastHttpStatus: 200 });
    const [got, ...more] = receiver.of(String(event.id));
    expect(more).toEqual([]);
    expect(got).toMatchObject({ event: 'titulo.registered', attempt: 1, signatureValid: true });
    expect(got!.body).toMatchObject({
      id: String(event.id),
      event: 'titulo.registered',
      subjectId: 'TIT-1',
      data: { erpKey: 'TIT-1', chargeId: '42' },
    });

    const detail = await deliveryDetail(t.store, [companyId], delivery!.id);
    expect(detail.attemptLog).toMatchObject([
      { attempt: 1, httpStatus: 200, responseExcerpt: 'ok', error: null },
    ]);
    expect(detail.attemptLog[0]!.url).toContain('token=***');
    const log = await listCommunicationLog(t.store.db, { companyIds: [companyId], platform: 'erp' });
    const entry = log.items.find((item) => item.subjectId === 'TIT-1');
    expect(entry).toMatchObject({
      operation: 'entrega ao ERP: titulo.registered',
      direction: 'out',
      method: 'POST',
      httpStatus: 200,
      outcome: 'ok',
    });
    expect(entry!.url).not.toContain('erp-segredo');
    expect(JSON.stringify(entry!.requestBody)).not.toMatch(/"x-finconsole-signature":"[0-9a-f]{64}"/);
  });

  it('retries after 500s with growing, jittered delays until the ERP acknowledges', async () => {
    receiver.answer = ({ event, attempt }) => (event === 'titulo.paid' && attempt < 3 ? 500 : 200);
    const event = await record('titulo.paid', 'TIT-2', {
      movements: [{ kind: 'payment', amountCents: 1000 }],
    });
    const delivery = await settled(event);
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastHttpStatus: 200,
      lastError: null,
    });
    expect(receiver.of(String(event.id)).map((r) => [r.attempt, r.answeredWith, r.signatureValid])).toEqual([
      [1, 500, true],
      [2, 500, true],
      [3, 200, true],
    ]);
    const { attemptLog } = await deliveryDetail(t.store, [companyId], delivery!.id);
    expect(attemptLog.map((a) => [a.attempt, a.httpStatus, a.responseExcerpt])).toEqual([
      [1, 500, 'erro 500 no ERP'],
      [2, 500, 'erro 500 no ERP'],
      [3, 200, 'ok'],
    ]);
    // Each retry is scheduled 3/4 of its doubling ceiling after the answer, and no attempt runs before its time.
    for (const [index, attempt] of attemptLog.slice(0, 2).entries()) {
      const delay = Date.parse(attempt.nextAttemptAt!) - Date.parse(attempt.at) - attempt.durationMs;
      expect(delay).toBeGreaterThanOrEqual(retryCeilingMs(index + 1, RETRY) * 0.75);
      expect(Date.parse(attemptLog[index + 1]!.at)).toBeGreaterThanOrEqual(
        Date.parse(attempt.nextAttemptAt!),
      );
    }
    expect(attemptLog[2]!.nextAttemptAt).toBeNull();
  });

  it('after the attempt limit the delivery is Falha with the last answer; a redelivery sends it again', async () => {
    receiver.answer = ({ event }) => (event === 'titulo.registration_failed' ? 503 : 200);
    const event = await record('titulo.registration_failed', 'TIT-3', { reason: 'Falta: endereço' });
    const failed = await settled(event);
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastHttpStatus: 503,
      lastError: 'HTTP 503',
    });
    const failures = await listWebhookDeliveries(t.store.db, { companyIds: [companyId], status: 'failed' });
    expect(failures.items.map((d) => d.id)).toContain(failed!.id);
    const log = await listCommunicationLog(t.store.db, {
      companyIds: [companyId],
      platform: 'erp',
      outcome: 'error',
      subjectId: 'TIT-3',
    });
    expect(log.items.map((item) => item.httpStatus)).toEqual([503, 503, 503]);

    receiver.answer = () => 200;
    const again = await redeliver(
      { store: t.store, schedule: webhookScheduler(queue) },
      { deliveryId: failed!.id, companyIds: [companyId], actor: 'user:admin' },
    );
    expect(again).toMatchObject({ status: 'pending', attempts: 3, attemptLimit: 6 });
    const delivered = await waitFor(
      () => getWebhookDelivery(t.store.db, failed!.id),
      (d) => d?.status === 'delivered',
    );
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 4 });
    expect(receiver.of(String(event.id)).map((r) => r.answeredWith)).toEqual([503, 503, 503, 200]);
    await expect(
      redeliver(
        { store: t.store, schedule: noSchedule },
        { deliveryId: failed!.id, companyIds: ['00000000-0000-4000-8000-000000000000'], actor: 'x' },
      ),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('a job that runs twice, or alongside another run, delivers once; an event is planned once per subscription', async () => {
    let release!: () => void;
    const held = new Promise<number>((resolve) => (release = () => resolve(200)));
    receiver.answer = ({ event }) => (event === 'titulo.settled' ? held : 200);
    const event = await record('titulo.settled', 'TIT-4');
    const sending = await waitFor(
      () => deliveryOf(event),
      (d) => d?.status === 'sending',
    );
    const deps = { store: t.store, secrets: platforms.secrets, schedule: noSchedule };
    // The worker holds it (its request is at the receiver): a second run of the job is turned away.
    expect(await attemptDelivery(deps, sending!.id, 'test')).toBe('busy');
    expect(await t.store.transaction((tx) => planDeliveries(tx, event, noSchedule))).toBeNull();
    release();
    await settled(event);
    expect(await attemptDelivery(deps, sending!.id, 'test')).toBe('skipped');
    // The same job again through the queue (pg-boss re-running it) completes without a request.
    const jobId = await queue.send(JOB_DELIVER_WEBHOOK, { deliveryId: sending!.id });
    await waitFor(
      () => queue.getJob(JOB_DELIVER_WEBHOOK, jobId!),
      (job) => job?.state === 'completed',
    );
    expect(receiver.of(String(event.id))).toHaveLength(1);
    expect(await getWebhookDelivery(t.store.db, sending!.id)).toMatchObject({
      status: 'delivered',
      attempts: 1,
    });
  });

  it('a delivery whose worker died mid-attempt is taken over once its lease expires', async () => {
    receiver.answer = () => 200;
    const event = await t.store.transaction(async (tx) => {
      const row = await recordEvent(tx, {
        name: 'titulo.reversed',
        companyId,
        subjectId: 'TIT-5',
        payload: { erpKey: 'TIT-5', movements: [{ kind: 'reversal', amountCents: -1000 }] },
      });
      // As a killed worker leaves it: claimed, its lease run out, no answer recorded.
      const delivery = (await planDeliveries(tx, row, noSchedule))!;
      await updateWebhookDelivery(tx, delivery.id, {
        status: 'sending',
        attempts: 1,
        leaseUntil: new Date(Date.now() - 1_000),
      });
      return row;
    });
    const stuck = (await deliveryOf(event))!;
    const outcome = await attemptDelivery(
      { store: t.store, secrets: platforms.secrets, schedule: noSchedule },
      stuck.id,
      'test',
    );
    expect(outcome).toBe('delivered');
    expect(await getWebhookDelivery(t.store.db, stuck.id)).toMatchObject({
      status: 'delivered',
      attempts: 2,
    });
    expect(receiver.of(String(event.id)).map((r) => r.attempt)).toEqual([2]);
  });

  it('sends only the subscribed events, and nothing while the subscription is inactive', async () => {
    const deps = { store: t.store, secrets: platforms.secrets };
    await saveSubscription(deps, {
      companyId,
      input: { url: receiver.url, events: ['titulo.paid'] },
      actor: 'test',
    });
    const created = await record('titulo.created', 'TIT-6');
    const paid = await record('titulo.paid', 'TIT-6');
    await settled(paid);
    expect(await deliveryOf(created)).toBeUndefined();
    await saveSubscription(deps, { companyId, input: { url: receiver.url, active: false }, actor: 'test' });
    const inactive = await record('titulo.paid', 'TIT-7');
    const relayed = await waitFor(
      () => getOutboxEvent(t.store.db, inactive.id),
      (row) => row?.relayedAt != null,
    );
    expect(relayed?.relayedAt).not.toBeNull();
    expect(await deliveryOf(inactive)).toBeUndefined();
    await saveSubscription(deps, {
      companyId,
      input: { url: receiver.url, active: true, events: ['titulo.paid', 'titulo.registered'] },
      actor: 'test',
    });
  });
});
