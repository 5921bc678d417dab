/**
 * Bulk communication on the demo over real HTTP against the Efí emulator: review the count, start, follow the
 * progress (with injected 5xx retried and validation refusals shown with the platform's message and the título's
 * identifier), fix the customer, Reenviar falhas — every título registered exactly once at the emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningFinconsole } from '../../src/runtime.js';
import { describeDatabase } from '../support/database.js';
import { startDemo, type RunningDemo } from '../support/demo.js';

interface Progress {
  id: string;
  total: number;
  done: number;
  successes: number;
  failed: number;
  finished: boolean;
  failures: { erpKey: string; identifier: string; status: string; message: string | null }[];
}

const DAY = 86_400_000;
const saoPauloDate = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(
    new Date(Date.now() + offsetDays * DAY),
  );

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe(`Remessa em lote on the demo with the Efí emulator (${describeDatabase()})`, () => {
  let running: RunningFinconsole;
  let demo: RunningDemo | undefined;
  let token: string;
  let cookie: string;
  let sulId: string;
  let portadorId: string;

  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const erp = <T>(method: string, path: string, body?: unknown) =>
    call<T>(method, path, body, { authorization: `Bearer ${token}` });
  const user = <T>(method: string, path: string, body?: unknown) => call<T>(method, path, body, { cookie });
  const customer = (erpKey: string, phone?: string) =>
    erp('PUT', `/api/v1/customers/${erpKey}`, {
      name: `Cliente ${erpKey} Ltda`,
      document: erpKey === 'CLI-OK' ? '11.444.777/0001-61' : '45.723.174/0001-10',
      email: `${erpKey.toLowerCase()}@example.com`,
      ...(phone ? { phone } : {}),
      address: {
        street: 'Rua da Praia',
        number: '100',
        district: 'Centro',
        city: 'Porto Alegre',
        state: 'RS',
        postalCode: '90010-000',
      },
    });

  beforeAll(async () => {
    demo = await startDemo();
    running = demo.running;
    const sul = running.seed!.apiTokens.find((t) => t.companyName.includes('Sul'))!;
    token = sul.token;
    const login = await fetch(`${running.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.finconsole', password: 'demo1234' }),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const session = (await login.json()) as { companies: { id: string; name: string }[] };
    sulId = session.companies.find((c) => c.name === sul.companyName)!.id;

    expect([200, 201]).toContain((await customer('CLI-OK', '+55 51 97777-1111')).status);
    expect([200, 201]).toContain((await customer('CLI-SEMFONE')).status);
    for (let index = 1; index <= 6; index++) {
      const put = await erp('PUT', `/api/v1/receivables/LOTE-${index}`, {
        customerErpKey: index <= 4 ? 'CLI-OK' : 'CLI-SEMFONE',
        document: 'PED-500',
        number: `LOTE-${index}`,
        installment: 1,
        issueDate: saoPauloDate(0),
        dueDate: saoPauloDate(25),
        amountCents: 40_000 + index,
        portadorErpKey: 'EFI',
      });
      expect(put.status).toBe(201);
    }
    const page = await user<{ items: { portadorId: string }[] }>(
      'GET',
      `/api/remessas?companyId=${sulId}&q=LOTE-1`,
    );
    portadorId = page.body.items[0]!.portadorId;
  });
  afterAll(async () => {
    await demo?.close();
  });

  const chargesOf = async () => {
    const { charges } = (
      await call<{ charges: { totalCents: number }[] }>('GET', '/emulators/efi/_control/charges')
    ).body;
    return charges.filter((c) => c.totalCents > 40_000 && c.totalCents <= 40_006).map((c) => c.totalCents);
  };

  it('reviews, starts, reports failures with the platform message, and Reenviar falhas completes it once', async () => {
    const filters = { companyId: sulId, portadorId, onlyNotCommunicated: true, q: 'LOTE-' };
    const preview = await user<{ count: number; amountCents: number }>(
      'POST',
      '/api/remessas/bulk/preview',
      filters,
    );
    expect(preview.body).toEqual({ count: 6, amountCents: 6 * 40_000 + 21 });

    // The next two calls to Efí answer 5xx: transient, retried by the queue with backoff.
    await call('POST', '/emulators/efi/_control/faults', { failNext: 2 });
    const started = await user<Progress>('POST', '/api/remessas/bulk', filters);
    expect(started.status).toBe(201);
    expect(started.body.total).toBe(6);

    const progress = () => user<Progress>('GET', `/api/remessas/bulk/${started.body.id}?companyId=${sulId}`);
    const finished = (await waitFor(progress, (p) => p.body.finished)).body;
    expect(finished).toMatchObject({ total: 6, done: 6, successes: 4, failed: 2, finished: true });
    expect(finished.failures.map((f) => f.identifier).sort()).toEqual(['LOTE-5/1', 'LOTE-6/1']);
    for (const failure of finished.failures) {
      expect(failure.status).toBe('failed');
      expect(failure.message).toContain('telefone');
    }
    expect((await chargesOf()).sort()).toEqual([40_001, 40_002, 40_003, 40_004]);

    // Nothing left to communicate with "only not yet communicated".
    const again = await user('POST', '/api/remessas/bulk', filters);
    expect(again.status).toBe(422);

    expect((await customer('CLI-SEMFONE', '+55 51 96666-2222')).status).toBe(200);
    const retried = await user<Progress>(
      'POST',
      `/api/remessas/bulk/${started.body.id}/retry-failures?companyId=${sulId}`,
    );
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ total: 6, successes: 4, failed: 0, finished: false });
    const completed = (await waitFor(progress, (p) => p.body.finished)).body;
    expect(completed).toMatchObject({ total: 6, done: 6, successes: 6, failed: 0 });
    expect((await chargesOf()).sort()).toEqual([40_001, 40_002, 40_003, 40_004, 40_005, 40_006]);

    const listed = await user<{ items: Progress[] }>('GET', `/api/remessas/bulk?companyId=${sulId}`);
    expect(listed.body.items.map((item) => item.id)).toContain(started.body.id);
  }, 240_000);
});
