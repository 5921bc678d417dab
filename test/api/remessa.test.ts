/**
 * The Remessa tab's API on the demo over real HTTP, against the Efí emulator served by the same installation: the
 * list (filters, totals), Enviar on a selection (each título registered once at the emulator), Alterar vencimento
 * refused for today and sent to Efí for a later date, the ERP's own due-date change sent automatically, Baixar,
 * Estornar refused, Reenviar por e-mail, the Histórico with the user's name, and real time (invoice authorized).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningFinconsole } from '../../src/runtime.js';
import { describeDatabase } from '../support/database.js';
import { startDemo, type RunningDemo } from '../support/demo.js';

interface RemessaItem {
  receivableId: string;
  erpKey: string;
  status: string;
  chargeId: string | null;
  dueDate: string;
  amountCents: number;
  openAmountCents: number;
  platform: string;
  portadorName: string;
  lastError?: string | null;
}
interface RemessaPage {
  items: RemessaItem[];
  total: number;
  totals: { count: number; amountCents: number; openAmountCents: number };
}
interface ActionResult {
  results: { receivableId: string; ok: boolean; queued: boolean; message: string | null }[];
  succeeded: number;
  failed: number;
}
interface HistoryEntry {
  action: string;
  actor: string;
  actorName: string | null;
  after: Record<string, unknown> | null;
}
interface EmulatedCharge {
  chargeId: number;
  customId: string | null;
  status: string;
  totalCents: number;
  expireAt: string;
}

const DAY = 86_400_000;
const saoPauloDate = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(
    new Date(Date.now() + offsetDays * DAY),
  );

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

describe(`Remessa API on the demo with the Efí emulator (${describeDatabase()})`, () => {
  let running: RunningFinconsole;
  let demo: RunningDemo | undefined;
  let token: string;
  let cookie: string;
  let sulId: string;
  const ids: Record<string, string> = {};

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
  const list = async (query: string) =>
    (await user<RemessaPage>('GET', `/api/remessas?companyId=${sulId}&${query}`)).body;
  const action = async (body: Record<string, unknown>) =>
    user<ActionResult>('POST', `/api/remessas/actions?companyId=${sulId}`, body);
  const history = async (erpKey: string) =>
    (await user<{ items: HistoryEntry[] }>('GET', `/api/remessas/${ids[erpKey]}/history?companyId=${sulId}`))
      .body.items;
  const charges = async (customId: string) =>
    (
      await call<{ charges: EmulatedCharge[] }>(
        'GET',
        `/emulators/efi/_control/charges?custom_id=${customId}`,
      )
    ).body.charges;
  const putReceivable = (
    erpKey: string,
    amountCents: number,
    dueDate: string,
    extra: Record<string, unknown> = {},
  ) =>
    erp<Record<string, unknown>>('PUT', `/api/v1/receivables/${erpKey}`, {
      customerErpKey: 'CLI-REM',
      document: `DOC-${erpKey}`,
      number: erpKey,
      installment: 1,
      issueDate: saoPauloDate(0),
      dueDate,
      amountCents,
      portadorErpKey: 'EFI',
      ...extra,
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
    expect(login.status).toBe(200);
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const session = (await login.json()) as { companies: { id: string; name: string }[] };
    sulId = session.companies.find((c) => c.name === sul.companyName)!.id;

    const customer = await erp('PUT', '/api/v1/customers/CLI-REM', {
      name: 'Livraria Remessa Ltda',
      document: '11.444.777/0001-61',
      email: 'contas@livraria.example',
      phone: '+55 51 98888-7777',
      address: {
        street: 'Avenida Ipiranga',
        number: '6681',
        district: 'Partenon',
        city: 'Porto Alegre',
        state: 'RS',
        postalCode: '90619-900',
      },
    });
    expect([200, 201]).toContain(customer.status);
    for (const [erpKey, cents] of [
      ['REM-1', 10_000],
      ['REM-2', 25_050],
      ['REM-3', 7_325],
    ] as const) {
      const put = await putReceivable(erpKey, cents, saoPauloDate(20));
      expect(put.status).toBe(201);
      ids[erpKey] = put.body['id'] as string;
    }
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('lists the títulos of the integration with Não Enviado, filters by search and status, and totals the filter', async () => {
    const page = await list('q=REM-&sort=amountCents&order=desc');
    expect(page.items.map((item) => item.erpKey)).toEqual(['REM-2', 'REM-1', 'REM-3']);
    expect(page.items.every((item) => item.status === 'not_sent' && item.platform === 'efi')).toBe(true);
    expect(page.totals).toEqual({ count: 3, amountCents: 42_375, openAmountCents: 42_375 });
    expect((await list('q=REM-&status=sent')).total).toBe(0);
    const paged = await list('q=REM-&sort=amountCents&order=asc&pageSize=2&page=2');
    expect(paged.items.map((item) => item.erpKey)).toEqual(['REM-2']);
    expect(paged.total).toBe(3);
  });

  it('Enviar on a selection registers each título once at Efí, however often it is clicked', async () => {
    const selection = [ids['REM-1']!, ids['REM-2']!, ids['REM-3']!];
    const clicks = await Promise.all([
      action({ action: 'send', receivableIds: selection }),
      action({ action: 'send', receivableIds: selection }),
    ]);
    expect(clicks.map((c) => c.status)).toEqual([200, 200]);
    const queued = clicks.flatMap((c) => c.body.results.filter((r) => r.queued).map((r) => r.receivableId));
    expect(queued.sort()).toEqual([...selection].sort());

    const sent = await waitFor(
      () => list('q=REM-&status=sent'),
      (page) => page.total === 3,
    );
    expect(sent.total).toBe(3);
    for (const item of sent.items) {
      const atEfi = await charges((await remessaIdOf(item.erpKey))!);
      expect(atEfi).toHaveLength(1);
      expect(String(atEfi[0]!.chargeId)).toBe(item.chargeId);
      expect(atEfi[0]!.totalCents).toBe(item.amountCents);
    }
    const events = await history('REM-1');
    expect(events.map((e) => e.action)).toEqual(['send_requested', 'attempt', 'sent']);
    expect(events[0]!.actorName).toBe('Administração Demo');
  });

  async function remessaIdOf(erpKey: string): Promise<string | null> {
    const body = (
      await user<{ remessaId: string | null }>(
        'GET',
        `/api/remessas/${ids[erpKey]}/history?companyId=${sulId}`,
      )
    ).body;
    return body.remessaId;
  }

  it('Alterar vencimento to today is refused with the reason and changes nothing; a later date reaches Efí', async () => {
    const today = saoPauloDate(0);
    const refused = await action({ action: 'changeDueDate', receivableIds: [ids['REM-1']], dueDate: today });
    expect(refused.status).toBe(200);
    expect(refused.body.results[0]).toMatchObject({ ok: false });
    expect(refused.body.results[0]!.message).toContain('posterior a hoje');
    expect((await list('q=REM-1')).items[0]!.dueDate).toBe(saoPauloDate(20));

    const later = saoPauloDate(30);
    const accepted = await action({ action: 'changeDueDate', receivableIds: [ids['REM-1']], dueDate: later });
    expect(accepted.body.results[0]).toMatchObject({ ok: true });
    const events = await waitFor(
      () => history('REM-1'),
      (items) => items.some((e) => e.action === 'due_date_changed'),
    );
    expect(events.find((e) => e.action === 'due_date_changed')!.after).toMatchObject({ dueDate: later });
    const [atEfi] = await charges((await remessaIdOf('REM-1'))!);
    expect(atEfi!.expireAt).toBe(later);
  });

  it('a due date changed by the ERP upsert is sent to Efí on its own; a past one is refused with 422', async () => {
    const pastDue = await putReceivable('REM-2', 25_050, saoPauloDate(0));
    expect(pastDue.status).toBe(422);
    expect(JSON.stringify(pastDue.body)).toContain('posterior a hoje');

    const later = saoPauloDate(45);
    const changed = await putReceivable('REM-2', 25_050, later);
    expect(changed.status).toBe(200);
    await waitFor(
      () => history('REM-2'),
      (items) => items.some((e) => e.action === 'due_date_changed'),
    );
    const [atEfi] = await charges((await remessaIdOf('REM-2'))!);
    expect(atEfi!.expireAt).toBe(later);
  });

  it('Reenviar por e-mail reaches Efí; Estornar is refused with the reason; Baixar settles at Efí and writes off', async () => {
    const resent = await action({ action: 'resendEmail', receivableIds: [ids['REM-3']] });
    expect(resent.body.results[0]).toMatchObject({ ok: true });
    await waitFor(
      () => history('REM-3'),
      (items) => items.some((e) => e.action === 'email_resent'),
    );
    const { emails } = (
      await call<{ emails: { to: string; kind: string; chargeIds: number[] }[] }>(
        'GET',
        '/emulators/efi/_control/emails',
      )
    ).body;
    const [charge] = await charges((await remessaIdOf('REM-3'))!);
    expect(emails.filter((e) => e.kind === 'reenvio' && e.chargeIds.includes(charge!.chargeId))).toEqual([
      { to: 'contas@livraria.example', kind: 'reenvio', chargeIds: [charge!.chargeId] },
    ]);

    const reverse = await action({ action: 'reverse', receivableIds: [ids['REM-3']] });
    expect(reverse.body.results[0]!.ok).toBe(false);
    expect(reverse.body.results[0]!.message).toMatch(/não permite estornar/);

    const writeOff = await action({ action: 'writeOff', receivableIds: [ids['REM-3']] });
    expect(writeOff.body.results[0]).toMatchObject({ ok: true });
    await waitFor(
      () => history('REM-3'),
      (items) => items.some((e) => e.action === 'written_off'),
    );
    const [settled] = await charges((await remessaIdOf('REM-3'))!);
    expect(settled!.status).toBe('settled');
    const titulo = (
      await erp<{ status: string; openAmountCents: number }>('GET', '/api/v1/receivables/REM-3')
    ).body;
    expect(titulo).toMatchObject({ status: 'written_off', openAmountCents: 0 });
  });

  it('the ERP reads the same list with its token', async () => {
    const page = (await erp<RemessaPage>('GET', '/api/v1/remessas?q=REM-&sort=number')).body;
    expect(page.items.map((item) => item.erpKey)).toEqual(['REM-1', 'REM-2', 'REM-3']);
  });

  it('real time: an authorized invoice queues its títulos once, however often it is reported', async () => {
    for (const [erpKey, cents] of [
      ['RT-1', 31_000],
      ['RT-2', 31_001],
    ] as const)
      expect((await putReceivable(erpKey, cents, saoPauloDate(15), { invoiceNumber: 'NF-777' })).status).toBe(
        201,
      );
    expect(
      (
        await putReceivable('RT-3', 31_002, saoPauloDate(15), {
          invoiceNumber: 'NF-777',
          portadorErpKey: null,
        })
      ).status,
    ).toBe(201);
    const reports = await Promise.all(
      Array.from({ length: 3 }, () =>
        erp<{ items: { erpKey: string; queued: boolean; message: string | null }[] }>(
          'POST',
          '/api/v1/invoices/NF-777/authorized',
          {},
        ),
      ),
    );
    expect(reports.map((r) => r.status)).toEqual([202, 202, 202]);
    const queued = reports.flatMap((r) => r.body.items.filter((i) => i.queued).map((i) => i.erpKey));
    expect(queued.sort()).toEqual(['RT-1', 'RT-2']);
    const withoutPortador = reports[0]!.body.items.find((i) => i.erpKey === 'RT-3')!;
    expect(withoutPortador).toMatchObject({ queued: false });
    expect(withoutPortador.message).toContain('não tem portador');

    const unknown = await erp('POST', '/api/v1/invoices/NF-777/authorized', {
      receivableErpKeys: ['NAO-EXISTE'],
    });
    expect(unknown.status).toBe(422);

    const sent = await waitFor(
      () => erp<RemessaPage>('GET', '/api/v1/remessas?q=RT-&status=sent'),
      (page) => page.body.total === 2,
    );
    expect(sent.body.items.map((i) => i.erpKey).sort()).toEqual(['RT-1', 'RT-2']);
    for (const item of sent.body.items) {
      const { remessaId } = (
        await user<{ remessaId: string }>(
          'GET',
          `/api/remessas/${item.receivableId}/history?companyId=${sulId}`,
        )
      ).body;
      expect(await charges(remessaId)).toHaveLength(1);
    }
  });

  it('real time: a título created with invoiceAuthorized is registered without being asked', async () => {
    const put = await putReceivable('RT-4', 31_003, saoPauloDate(15), { invoiceAuthorized: true });
    expect(put.status).toBe(201);
    const page = await waitFor(
      () => erp<RemessaPage>('GET', '/api/v1/remessas?q=RT-4'),
      (p) => p.body.items[0]?.status === 'sent',
    );
    expect(page.body.items[0]).toMatchObject({ status: 'sent', amountCents: 31_003 });
  });

  it('warns of títulos not yet registered that fall due within the configured days', async () => {
    expect((await putReceivable('ND-1', 12_345, saoPauloDate(3))).status).toBe(201);
    const nearDue = (days: number) =>
      user<RemessaPage>('GET', `/api/remessas/near-due?companyId=${sulId}&days=${days}&q=ND-`);
    expect((await nearDue(5)).body.items.map((i) => i.erpKey)).toEqual(['ND-1']);
    expect((await nearDue(2)).body.total).toBe(0);
  });

  it('Logs: the calls to Efí of a título, filtered by platform, status and subject', async () => {
    const logs = await user<{
      items: {
        platform: string;
        operation: string;
        outcome: string;
        subjectId: string;
        durationMs: number;
      }[];
      total: number;
    }>('GET', `/api/logs?companyId=${sulId}&platform=efi&outcome=ok&subjectId=${ids['REM-1']}`);
    expect(logs.status).toBe(200);
    expect(logs.body.total).toBeGreaterThanOrEqual(2);
    expect(logs.body.items.every((i) => i.platform === 'efi' && i.outcome === 'ok')).toBe(true);
    expect(logs.body.items.some((i) => i.operation === 'alterar vencimento')).toBe(true);
    expect((await user('GET', `/api/logs?companyId=${sulId}&outcome=talvez`)).status).toBe(400);
  });
});
