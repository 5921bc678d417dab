/**
 * The Retorno tab's API over HTTP (light-my-request on the real app and database): Processar, Histórico, the
 * Empresa filter, the return-command admin (edit, unmapped codes, reprocess), the convênio's statement, estorno,
 * second payment, reordering, two workers, status polls, notifications, the users route and the wizard's lock.
 * The integration processes nothing on arrival (autoProcess off), so every processing here is the one under test.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformEvent } from '../../src/platforms/adapter.js';
import { processRetorno, storeEvents } from '../../src/services/retornos.js';
import { createIntegration, type IntegrationRow } from '../../src/store/integrations.js';
import { listMovements } from '../../src/store/ledger.js';
import * as schema from '../../src/store/schema.js';
import { json, startHarness, type Harness } from './harness.js';

let h: Harness;
let integration: IntegrationRow;
let admin: string;
let operator: string;
let receivableId: string;
let adminId: string;

const event = (id: number, code: string, extra: Partial<PlatformEvent> = {}): PlatformEvent => ({
  eventId: String(id),
  chargeId: 'CH-1',
  occurrence: { code, description: `status ${code}` },
  occurredAt: new Date(Date.UTC(2026, 10, 1, 12, id)).toISOString(),
  amounts: {},
  raw: { id, code },
  ...extra,
});
const store = (events: PlatformEvent[], source: 'webhook' | 'poll' = 'webhook') =>
  storeEvents(h.store, integration, events, source, 'test');
const recordOf = async (eventId: string) =>
  (
    await h.store.db
      .select()
      .from(schema.retornos)
      .where(and(eq(schema.retornos.integrationId, integration.id), eq(schema.retornos.eventId, eventId)))
  )[0]!;
const processIds = async (cookie: string, ids: string[]) =>
  h.asUser(cookie, '/api/retornos/process', { method: 'POST', payload: { ids } });
const ledger = async () =>
  (await listMovements(h.store.db, receivableId)).map((m) => `${m.kind}:${m.amountCents}`);
const titulo = async () =>
  (await h.store.db.select().from(schema.receivables).where(eq(schema.receivables.id, receivableId)))[0]!;
const statement = async () => json(await h.asUser(operator, `/api/portadores/${h.portadores.sul}/statement`));

beforeAll(async () => {
  h = await startHarness();
  admin = await h.login(h.emails.admin);
  operator = await h.login(h.emails.operator);
  adminId = (await h.store.db.select().from(schema.users).where(eq(schema.users.email, h.emails.admin)))[0]!
    .id;
  integration = await createIntegration(
    h.store.db,
    {
      companyId: h.companies.sul,
      portadorId: h.portadores.sul,
      platform: 'efi',
      chargeType: 'boleto',
      environment: 'sandbox',
      referenceDate: '2000-01-01',
      options: {},
      webhookToken: 'retorno-console-test-token',
      feeCents: 199,
      entriesHistoryCode: 'ENT-10',
      feesHistoryCode: 'TAR-20',
      notifyUserIds: [adminId],
      autoProcess: 0,
    },
    'test',
  );
  expect(
    (
      await h.erpPut('customers', h.tokens.sul, 'CLI-1', {
        name: 'Papelaria Horizonte Ltda',
        document: '11.222.333/0001-81',
      })
    ).statusCode,
  ).toBe(201);
  const put = await h.erpPut('receivables', h.tokens.sul, 'NF-1', {
    customerErpKey: 'CLI-1',
    document: 'NF-1',
    number: '1',
    issueDate: '2026-11-01',
    dueDate: '2026-11-30',
    amountCents: 15000,
  });
  expect(put.statusCode).toBe(201);
  receivableId = json(put).id;
  await h.store.db.insert(schema.remessas).values({
    companyId: h.companies.sul,
    receivableId,
    integrationId: integration.id,
    status: 'sent',
    chargeId: 'CH-1',
  });
}, 240_000);
afterAll(async () => {
  await h?.close();
});

describe('Retorno console API', () => {
  it('stores what arrives without processing it when the integration does not process on arrival', async () => {
    expect(
      await store([
        event(1, 'waiting'),
        event(2, 'paid', { paidOn: '2026-11-20', creditedOn: '2026-11-21', amounts: { paidCents: 15000 } }),
      ]),
    ).toBe(2);
    expect(await store([event(2, 'paid')])).toBe(0);
    expect((await recordOf('2')).situation).toBe('not_processed');
    const jobs = await h.store.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.name, 'retorno.process'));
    expect(jobs).toHaveLength(0);
  });

  it('a status poll that finds the last status already stored adds nothing; a new status is stored', async () => {
    expect(await store([event(90, 'paid', { eventId: 'status:CH-1:paid' })], 'poll')).toBe(0);
    expect(await store([event(91, 'unpaid', { eventId: 'status:CH-1:unpaid' })], 'poll')).toBe(1);
  });

  it('Processar settles the título once; the convênio account gets the receipt and the fee with their history codes', async () => {
    const paid = await recordOf('2');
    const waiting = await recordOf('1');
    const answer = await processIds(operator, [paid.id, waiting.id, '00000000-0000-4000-8000-000000000000']);
    expect(answer.statusCode).toBe(200);
    expect(json(answer)).toMatchObject({
      processed: 2,
      failed: 0,
      notFound: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(await ledger()).toEqual(['created:15000', 'payment:15000', 'fee:199']);
    expect((await titulo()).status).toBe('paid');
    // Again, and two workers at once: nothing more.
    await processIds(operator, [paid.id]);
    await Promise.all([processRetorno(h.store, paid.id, 'w1'), processRetorno(h.store, paid.id, 'w2')]);
    expect(await ledger()).toEqual(['created:15000', 'payment:15000', 'fee:199']);
    const extrato = await statement();
    expect(
      extrato.entries.map((e: { kind: string; amountCents: number; historyCode: string }) => [
        e.kind,
        e.amountCents,
        e.historyCode,
      ]),
    ).toEqual([
      ['receipt', 15000, 'ENT-10'],
      ['fee', -199, 'TAR-20'],
    ]);
    expect(extrato.days).toEqual([
      { date: '2026-11-21', creditsCents: 15000, debitsCents: 0, feesCents: 199, netCents: 14801 },
    ]);
  });

  it('the same payment reported by a poll after the webhook posts nothing', async () => {
    expect(await store([event(92, 'paid', { eventId: 'status:CH-1:paid:2' })], 'poll')).toBe(1);
    const twin = await recordOf('status:CH-1:paid:2');
    expect(json(await processIds(operator, [twin.id])).items[0].note).toMatch(/mesmo evento já processado/);
    expect(await ledger()).toEqual(['created:15000', 'payment:15000', 'fee:199']);
  });

  it('Histórico: the título, every event of its charge and this record trail', async () => {
    const paid = await recordOf('2');
    const answer = await h.asUser(operator, `/api/retornos/${paid.id}/history`);
    expect(answer.statusCode).toBe(200);
    const body = json(answer);
    expect(body.titulo).toMatchObject({
      erpKey: 'NF-1',
      customerName: 'Papelaria Horizonte Ltda',
      openAmountCents: 0,
      status: 'paid',
      chargeId: 'CH-1',
    });
    expect(body.events.map((e: { occurrenceCode: string }) => e.occurrenceCode)).toEqual([
      'waiting',
      'paid',
      'unpaid',
      'paid',
    ]);
    expect(body.events.filter((e: { current: boolean }) => e.current)).toHaveLength(1);
    expect(body.history.map((e: { action: string }) => e.action)).toEqual(['received', 'processed']);
    expect(
      (await h.asUser(await h.login(h.emails.otherAdmin), `/api/retornos/${paid.id}/history`)).statusCode,
    ).toBe(404);
  });

  it('a code without command fails, notifies the chosen users, and is mapped by an admin and reprocessed', async () => {
    await store([event(3, 'weird')]);
    const weird = await recordOf('3');
    const failed = json(await processIds(operator, [weird.id]));
    expect(failed).toMatchObject({ processed: 0, failed: 1 });
    expect(failed.items[0].note).toMatch(/^comando de retorno não cadastrado: weird/);
    const bell = json(await h.asUser(admin, '/api/notifications'));
    expect(bell.unread).toBe(1);
    expect(bell.items[0]).toMatchObject({ kind: 'retorno_failed', read: false });
    expect(json(await h.asUser(operator, '/api/notifications')).unread).toBe(0);
    const mails = await h.store.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.name, 'notification.email'));
    // One e-mail job for the one notification (the payload also carries the request id that caused it).
    expect(mails.map((m) => (m.payload as { notificationId: string }).notificationId)).toEqual([
      bell.items[0].id,
    ]);
    // Failing again for the same reason notifies nobody twice.
    await processIds(operator, [weird.id]);
    expect(json(await h.asUser(admin, '/api/notifications')).items).toHaveLength(1);

    const table = json(await h.asUser(admin, '/api/return-commands?scope=efi'));
    expect(table.unmapped).toEqual([{ code: 'weird', description: 'status weird', failedCount: 1 }]);
    expect(table.items.find((c: { code: string }) => c.code === 'refunded')).toMatchObject({
      action: 'reverse',
    });
    const edit = { description: 'Informativo estranho', action: 'informative', historyCodes: { fee: 'T-9' } };
    expect(
      (await h.asUser(operator, '/api/return-commands/efi/weird', { method: 'PUT', payload: edit }))
        .statusCode,
    ).toBe(403);
    const bad = await h.asUser(admin, '/api/return-commands/efi/weird', {
      method: 'PUT',
      payload: { ...edit, action: 'dance' },
    });
    expect(bad.statusCode).toBe(400);
    const saved = await h.asUser(admin, '/api/return-commands/efi/weird', { method: 'PUT', payload: edit });
    expect(json(saved)).toMatchObject({
      code: 'weird',
      action: 'informative',
      historyCodes: { fee: 'T-9' },
      edited: true,
    });
    const again = json(
      await h.asUser(operator, '/api/return-commands/efi/weird/reprocess', { method: 'POST' }),
    );
    expect(again).toMatchObject({ processed: 1, failed: 0 });
    expect(json(await h.asUser(admin, '/api/return-commands?scope=efi')).unmapped).toEqual([]);
    await h.asUser(admin, '/api/notifications/read', { method: 'POST', payload: {} });
    expect(json(await h.asUser(admin, '/api/notifications')).unread).toBe(0);
  });

  it('a second payment of a settled título is flagged and not applied; the money shows on the account', async () => {
    await store([
      event(4, 'paid', { paidOn: '2026-11-22', creditedOn: '2026-11-22', amounts: { paidCents: 15000 } }),
    ]);
    const second = json(await processIds(operator, [(await recordOf('4')).id]));
    expect(second.items[0].note).toMatch(/segundo pagamento de título já liquidado: R\$\s?150,00/);
    expect(await ledger()).toEqual(['created:15000', 'payment:15000', 'fee:199', 'fee:199']);
    expect((await statement()).totals.creditsCents).toBe(30000);
  });

  it('an estorno reopens the título with the opposite movements and records titulo.reversed; a repeat reopens nothing more', async () => {
    await store([
      event(5, 'refunded', { paidOn: '2026-11-25', amounts: { paidCents: 15000 } }),
      event(6, 'refunded', { paidOn: '2026-11-25', amounts: { paidCents: 15000 } }),
    ]);
    const first = json(await processIds(operator, [(await recordOf('5')).id]));
    expect(first.processed).toBe(1);
    expect(await titulo()).toMatchObject({ status: 'open', openAmountCents: 15000 });
    expect((await ledger()).at(-1)).toBe('reversal:15000');
    const remessa = (
      await h.store.db.select().from(schema.remessas).where(eq(schema.remessas.receivableId, receivableId))
    )[0]!;
    expect(remessa.status).toBe('sent');
    const events = await h.store.db
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.name, 'titulo.reversed'), eq(schema.outbox.subjectId, receivableId)));
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({
      status: 'open',
      openAmountCents: 15000,
      movements: [{ kind: 'reversal', amountCents: 15000 }],
    });
    const repeat = json(await processIds(operator, [(await recordOf('6')).id]));
    expect(repeat.failed).toBe(1);
    expect((await titulo()).openAmountCents).toBe(15000);
    const extrato = await statement();
    expect(extrato.entries.at(-1)).toMatchObject({
      kind: 'reversal',
      amountCents: -15000,
      historyCode: 'ENT-10',
    });
    expect(extrato.totals.netCents).toBe(30000 - 398 - 15000);
  });

  it('out of order: an estorno before its payment fails, and after the payment is processed it applies', async () => {
    await store([
      event(8, 'refunded', { occurredAt: '2026-11-27T12:00:00.000Z' }),
      event(7, 'paid', {
        occurredAt: '2026-11-26T12:00:00.000Z',
        paidOn: '2026-11-26',
        amounts: { paidCents: 15000 },
      }),
    ]);
    const early = json(await processIds(operator, [(await recordOf('8')).id]));
    expect(early.items[0]).toMatchObject({ situation: 'failed' });
    expect(early.items[0].note).toMatch(/fora de ordem/);
    // Both selected: processed in the order they happened.
    const both = json(await processIds(operator, [(await recordOf('8')).id, (await recordOf('7')).id]));
    expect(both).toMatchObject({ processed: 2, failed: 0 });
    expect(await titulo()).toMatchObject({ status: 'open', openAmountCents: 15000 });
    // The ledger adds up to what the platform reported: two payments taken, two given back.
    const movements = await listMovements(h.store.db, receivableId);
    const sum = (kind: string) =>
      movements.filter((m) => m.kind === kind).reduce((s, m) => s + m.amountCents, 0);
    expect([sum('payment'), sum('reversal')]).toEqual([30000, 30000]);
  });

  it('Empresa filter narrows the list to a company in scope and refuses one outside it', async () => {
    const all = json(await h.asUser(admin, `/api/retornos?companyId=${h.companies.group}`));
    expect(all.total).toBeGreaterThan(0);
    expect(
      json(await h.asUser(admin, `/api/retornos?companyId=${h.companies.group}&company=${h.companies.norte}`))
        .total,
    ).toBe(0);
    expect(
      json(await h.asUser(admin, `/api/retornos?companyId=${h.companies.group}&company=${h.companies.sul}`))
        .total,
    ).toBe(all.total);
    expect(
      (await h.asUser(admin, `/api/retornos?companyId=${h.companies.group}&company=${h.companies.other}`))
        .statusCode,
    ).toBe(403);
  });

  it('users route lists who reaches the company (to be notified)', async () => {
    const users = json(await h.asUser(admin, `/api/users?companyId=${h.companies.sul}`)).items.map(
      (u: { email: string }) => u.email,
    );
    expect(users.sort()).toEqual([h.emails.admin, h.emails.operator].sort());
    expect((await h.asUser(operator, `/api/users?companyId=${h.companies.norte}`)).statusCode).toBe(403);
  });

  it('setup wizard: one run at a time per company, naming who holds it', async () => {
    const url = '/api/integrations/wizard-lock';
    const mine = await h.asUser(admin, url, { method: 'POST', payload: { companyId: h.companies.sul } });
    expect(mine.statusCode).toBe(200);
    expect(
      (await h.asUser(admin, url, { method: 'POST', payload: { companyId: h.companies.sul } })).statusCode,
    ).toBe(200);
    const theirs = await h.asUser(operator, url, { method: 'POST', payload: { companyId: h.companies.sul } });
    expect(theirs.statusCode).toBe(409);
    expect(json(theirs).error.message).toMatch(/em uso por Admin até \d\d:\d\d \(acesso exclusivo\)/);
    expect(json(await h.asUser(operator, `${url}?companyId=${h.companies.sul}`)).lock).toMatchObject({
      userName: 'Admin',
    });
    // Another company is free; an expired lock is taken over.
    expect(
      (await h.asUser(admin, url, { method: 'POST', payload: { companyId: h.companies.norte } })).statusCode,
    ).toBe(200);
    expect(
      (await h.asUser(admin, `${url}?companyId=${h.companies.sul}`, { method: 'DELETE' })).statusCode,
    ).toBe(204);
    expect(
      (await h.asUser(operator, url, { method: 'POST', payload: { companyId: h.companies.sul } })).statusCode,
    ).toBe(200);
    await h.store.db.update(schema.wizardLocks).set({ expiresAt: new Date(Date.now() - 1000) });
    expect(
      (await h.asUser(admin, url, { method: 'POST', payload: { companyId: h.companies.sul } })).statusCode,
    ).toBe(200);
  });
});
