/**
 * ERP webhooks end to end on the demo over real HTTP: the ERP registers its URL (the secret generated and shown
 * once), pushes a título, registers it at the Efí emulator, changes its due date and the emulator pays it — each
 * event reaches a node:http receiver once, signed; the console lists subscriptions (admins), deliveries and the
 * "entregas ao ERP" in Logs, and redelivers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningFinconsole } from '../../src/runtime.js';
import { describeDatabase } from '../support/database.js';
import { startDemo, type RunningDemo } from '../support/demo.js';
import { startErpReceiver, type ErpReceiver } from '../support/erp-receiver.js';

const DAY = 86_400_000;
const saoPauloDate = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(
    new Date(Date.now() + offsetDays * DAY),
  );

async function waitFor<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Delivery {
  id: string;
  eventId: string;
  event: string;
  subjectId: string | null;
  status: string;
  attempts: number;
}

describe(`ERP webhooks on the demo (${describeDatabase()})`, () => {
  let demo: RunningDemo | undefined;
  let running: RunningFinconsole;
  let receiver: ErpReceiver;
  let secret = '';
  let token: string;
  let otherToken: string;
  let sulId: string;
  const cookies: Record<string, string> = {};
  let receivableId: string;

  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    auth: { authorization: string } | { cookie: string },
    body?: unknown,
  ) => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: { ...auth, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const erp = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) =>
    call<T>(method, path, { authorization: `Bearer ${token}` }, body);
  const asUser = <T = Record<string, unknown>>(who: string, method: string, path: string, body?: unknown) =>
    call<T>(method, path, { cookie: cookies[who]! }, body);
  const receivedOf = (event: string) =>
    waitFor(
      () => receiver.received.filter((r) => r.event === event && r.body.subjectId === receivableId),
      (list) => list.length > 0,
    );

  beforeAll(async () => {
    demo = await startDemo();
    running = demo.running;
    receiver = await startErpReceiver(() => secret);
    const [sul, norte] = [
      running.seed!.apiTokens.find((t) => t.companyName.includes('Sul'))!,
      running.seed!.apiTokens.find((t) => t.companyName.includes('Norte'))!,
    ];
    token = sul.token;
    otherToken = norte.token;
    sulId = sul.companyId;
    for (const [who, email] of [
      ['admin', 'admin@demo.finconsole'],
      ['operator', 'operador.sul@demo.finconsole'],
    ] as const) {
      const login = await fetch(`${running.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'demo1234' }),
      });
      expect(login.status).toBe(200);
      cookies[who] = login.headers.get('set-cookie')!.split(';')[0]!;
    }
  });
  afterAll(async () => {
    await receiver?.close();
    await demo?.close();
  });

  it('the ERP registers its URL: a secret is generated and shown once, a wrong URL is refused naming the field', async () => {
    expect((await erp('GET', '/api/v1/webhook-subscription')).status).toBe(404);
    const bad = await erp('PUT', '/api/v1/webhook-subscription', { url: 'ftp://erp' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('deve ser uma URL http(s)://… completa');
    expect(JSON.stringify(bad.body)).toContain('"path":"url"');
    const saved = await erp<{ secret?: string; secretConfigured: boolean; events: string[] }>(
      'PUT',
      '/api/v1/webhook-subscription',
      { url: receiver.url },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.body.events).toContain('titulo.paid');
    secret = saved.body.secret!;
    const read = await erp<Record<string, unknown>>('GET', '/api/v1/webhook-subscription');
    expect(read.body).toMatchObject({
      url: receiver.url,
      secretConfigured: true,
      maxAttempts: 10,
      active: true,
    });
    expect(read.body).not.toHaveProperty('secret');
    // Saving again without a secret keeps it (and does not show it).
    const again = await erp('PUT', '/api/v1/webhook-subscription', { url: receiver.url, maxAttempts: 5 });
    expect(again.body).not.toHaveProperty('secret');
  });

  it('created, registered, changed at the platform and paid reach the ERP once each, signed, with their payloads', async () => {
    const customer = await erp('PUT', '/api/v1/customers/CLI-HOOK', {
      name: 'Ferragem Gancho Ltda',
      document: '11.444.777/0001-61',
      email: 'contas@gancho.example',
      phone: '+55 51 97777-6666',
      address: {
        street: 'Rua Voluntários da Pátria',
        number: '500',
        district: 'Floresta',
        city: 'Porto Alegre',
        state: 'RS',
        postalCode: '90230-010',
      },
    });
    expect([200, 201]).toContain(customer.status);
    const data = {
      customerErpKey: 'CLI-HOOK',
      document: 'NF-HOOK',
      number: 'HOOK',
      installment: 1,
      issueDate: saoPauloDate(0),
      dueDate: saoPauloDate(20),
      amountCents: 50_000,
      portadorErpKey: 'EFI',
    };
    const put = await erp('PUT', '/api/v1/receivables/TIT-HOOK', data);
    expect(put.status).toBe(201);
    receivableId = put.body['id'] as string;
    const [created] = await receivedOf('titulo.created');
    expect(created!.body.data).toMatchObject({ erpKey: 'TIT-HOOK', status: 'open', openAmountCents: 50_000 });

    expect((await erp('POST', '/api/v1/receivables/TIT-HOOK/register')).status).toBeLessThan(300);
    const [registered] = await receivedOf('titulo.registered');
    expect(registered!.body.data).toMatchObject({
      erpKey: 'TIT-HOOK',
      status: 'registered',
      platform: 'efi',
    });
    const chargeId = registered!.body.data['chargeId'] as string;
    expect(registered!.body.data['line']).toMatch(/^\d{47}$/);

    await erp('PUT', '/api/v1/receivables/TIT-HOOK', { ...data, dueDate: saoPauloDate(30) });
    const [changed] = await receivedOf('titulo.changed_at_platform');
    expect(changed!.body.data).toMatchObject({ change: 'dueDate', dueDate: saoPauloDate(30), chargeId });

    const paid = await fetch(`${running.url}/emulators/efi/_control/charges/${chargeId}/pay`, {
      method: 'POST',
    });
    expect(paid.status).toBeLessThan(300);
    const [payment] = await receivedOf('titulo.paid');
    expect(payment!.body.data).toMatchObject({ erpKey: 'TIT-HOOK', status: 'paid', openAmountCents: 0 });
    expect(payment!.body.data['movements']).toEqual(
      expect.arrayContaining([
        { kind: 'payment', amountCents: 50_000 },
        { kind: 'fee', amountCents: expect.any(Number) },
      ]),
    );

    const ours = receiver.received.filter((r) => r.body.subjectId === receivableId);
    expect(ours.every((r) => r.signatureValid)).toBe(true);
    const ids = ours.map((r) => r.eventId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the console lists subscriptions to admins only, the deliveries and the Logs entries, and redelivers', async () => {
    const subs = await asUser<{ items: Record<string, unknown>[] }>(
      'admin',
      'GET',
      `/api/webhook-subscriptions?companyId=${sulId}`,
    );
    expect(subs.status).toBe(200);
    expect(subs.body.items).toEqual([expect.objectContaining({ companyId: sulId, url: receiver.url })]);
    expect(subs.body.items[0]).not.toHaveProperty('secret');
    expect(
      (await asUser('operator', 'PUT', `/api/webhook-subscriptions/${sulId}`, { url: receiver.url })).status,
    ).toBe(403);

    const page = await asUser<{ items: Delivery[] }>(
      'operator',
      'GET',
      `/api/webhook-deliveries?companyId=${sulId}&subjectId=${receivableId}`,
    );
    expect(page.body.items.map((d) => d.event).sort()).toEqual([
      'titulo.changed',
      'titulo.changed_at_platform',
      'titulo.created',
      'titulo.paid',
      'titulo.registered',
    ]);
    expect(page.body.items.every((d) => d.status === 'delivered')).toBe(true);
    const paid = page.body.items.find((d) => d.event === 'titulo.paid')!;

    const logs = await asUser<{ items: { operation: string; outcome: string }[] }>(
      'operator',
      'GET',
      `/api/logs?companyId=${sulId}&platform=erp&subjectId=${receivableId}`,
    );
    expect(logs.body.items.map((l) => l.operation)).toContain('entrega ao ERP: titulo.paid');

    const redelivered = await asUser<Delivery>(
      'operator',
      'POST',
      `/api/webhook-deliveries/${paid.id}/redeliver`,
    );
    expect(redelivered.status).toBe(202);
    const twice = await waitFor(
      () => receiver.of(paid.eventId),
      (list) => list.length === 2,
    );
    expect(twice.map((r) => [r.attempt, r.signatureValid])).toEqual([
      [1, true],
      [2, true],
    ]);
    const detail = await erp<{ attemptLog: { attempt: number; httpStatus: number }[]; body: { id: string } }>(
      'GET',
      `/api/v1/webhook-deliveries/${paid.id}`,
    );
    expect(detail.body.body.id).toBe(paid.eventId);
    await waitFor(
      async () => (await erp<{ attemptLog: unknown[] }>('GET', `/api/v1/webhook-deliveries/${paid.id}`)).body,
      (body) => body.attemptLog.length === 2,
    );
    const other = await call('GET', `/api/v1/webhook-deliveries/${paid.id}`, {
      authorization: `Bearer ${otherToken}`,
    });
    expect(other.status).toBe(404);
    const erpRedeliver = await erp('POST', `/api/v1/webhook-deliveries/${paid.id}/redeliver`);
    expect(erpRedeliver.status).toBe(202);
    await waitFor(
      () => receiver.of(paid.eventId),
      (list) => list.length === 3,
    );
    expect(receiver.of(paid.eventId)).toHaveLength(3);
  });
});
