/**
 * The data path end to end on the demo, over real HTTP: a título pushed by the ERP with portador EFI, registered at
 * the Efí emulator served by this same installation, paid through the emulator's control route, notified back by
 * webhook, stored as retorno records and settled on the ledger — each step exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningFinconsole } from '../../src/runtime.js';
import { describeDatabase } from '../support/database.js';
import { startDemo, type RunningDemo } from '../support/demo.js';

interface Registration {
  status: string;
  platform: string;
  chargeId: string | null;
  line: string | null;
  barcode: string | null;
  pixCopyPaste: string | null;
}

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe(`Efí data path on the demo (${describeDatabase()})`, () => {
  let running: RunningFinconsole;
  let demo: RunningDemo | undefined;
  let token: string;

  const erp = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const emulator = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${running.url}/emulators/efi${path}`, {
      method,
      ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const receivable = async (erpKey: string) =>
    (await erp('GET', `/api/v1/receivables/${erpKey}`)).body as {
      status: string;
      openAmountCents: number;
      registration: Registration | null;
    };

  beforeAll(async () => {
    demo = await startDemo();
    running = demo.running;
    const sul = running.seed!.apiTokens.find((t) => t.companyName.includes('Sul'))!;
    token = sul.token;
    const customer = await erp('PUT', '/api/v1/customers/CLI-EFI', {
      name: 'Papelaria Horizonte Ltda',
      document: '11.222.333/0001-81',
      email: 'financeiro@horizonte.example',
      phone: '+55 51 99999-0000',
      address: {
        street: 'Rua dos Andradas',
        number: '1001',
        district: 'Centro Histórico',
        city: 'Porto Alegre',
        state: 'RS',
        postalCode: '90020-007',
      },
    });
    expect([200, 201]).toContain(customer.status);
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('registers once however often it is asked (ten requests at once), and exposes line, barcode and PIX', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const put = await erp('PUT', '/api/v1/receivables/TIT-EFI-1', {
      customerErpKey: 'CLI-EFI',
      document: 'NF-9001',
      number: '9001',
      installment: 1,
      issueDate: today,
      dueDate: due,
      amountCents: 150_075,
      portadorErpKey: 'EFI',
    });
    expect(put.status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => erp('POST', '/api/v1/receivables/TIT-EFI-1/register')),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(202));
    expect(answers.filter((a) => a.body['queued'] === true)).toHaveLength(1);

    const registered = await waitFor(
      () => receivable('TIT-EFI-1'),
      (r) => r.registration?.status === 'sent',
    );
    expect(registered.registration).toMatchObject({ status: 'sent', platform: 'efi' });
    expect(registered.registration!.line).toMatch(/^\d{47}$/);
    expect(registered.registration!.barcode).toMatch(/^\d{44}$/);
    expect(registered.registration!.pixCopyPaste).toMatch(/^000201/);
    // Asking again after it was sent queues nothing.
    expect((await erp('POST', '/api/v1/receivables/TIT-EFI-1/register')).body['queued']).toBe(false);

    const { charges } = (await emulator('GET', '/_control/charges')).body as {
      charges: { chargeId: number; totalCents: number }[];
    };
    const ours = charges.filter((c) => c.totalCents === 150_075);
    expect(ours).toHaveLength(1);
    expect(String(ours[0]!.chargeId)).toBe(registered.registration!.chargeId);
  });

  it('a payment at the emulator settles the título once, with the R$ 1,99 fee, however often it is notified', async () => {
    const { registration } = await receivable('TIT-EFI-1');
    const paid = await emulator('POST', `/_control/charges/${registration!.chargeId}/pay`);
    expect(paid.status).toBe(200);
    const settled = await waitFor(
      () => receivable('TIT-EFI-1'),
      (r) => r.status === 'paid',
    );
    expect(settled).toMatchObject({ status: 'paid', openAmountCents: 0 });
    expect(settled.registration!.status).toBe('paid');

    // The same notification posted again (Efí re-sends until fetched) adds nothing.
    await emulator('POST', `/_control/charges/${registration!.chargeId}/pay`);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const movements = (await erp('GET', '/api/v1/receivables/TIT-EFI-1/movements')).body['items'] as {
      kind: string;
      amountCents: number;
    }[];
    expect(movements.map((m) => [m.kind, m.amountCents])).toEqual([
      ['created', 150_075],
      ['payment', 150_075],
      ['fee', 199],
    ]);
  });
});
