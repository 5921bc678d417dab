/**
 * The Efí adapter against the Efí emulator over real HTTP: every capability, token reuse, each error kind, carnês
 * with both fallbacks, and notifications delivered to a local webhook receiver then fetched by token. Boleto
 * numbers are checked with boleto-brasileiro-validator and the PIX payload with pix-utils (independent oracles).
 */
import { createRequire } from 'node:module';
import { hasError, parsePix } from 'pix-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../src/domain/dates.js';
import { PlatformError, type CarneRequest, type PlatformAdapter } from '../../../src/platforms/adapter.js';
import type { RunningEfiEmulator } from '../../../src/platforms/efi/emulator/app.js';
import {
  boleto,
  CNPJ,
  control,
  efiAdapter,
  emulator,
  TODAY,
  webhookReceiver,
  type WebhookReceiver,
} from './support.js';

const require = createRequire(import.meta.url);
const validator = require('boleto-brasileiro-validator') as { boletoBancario(code: string): boolean };

interface ControlCharge {
  chargeId: number;
  customId: string | null;
  status: string;
  totalCents: number;
  expireAt: string;
  notificationToken: string;
  carnet: { id: number; parcel: number; repeats: number } | null;
}

let running: RunningEfiEmulator;
let receiver: WebhookReceiver;
let adapter: PlatformAdapter;

beforeAll(async () => {
  running = await emulator();
  receiver = await webhookReceiver();
  adapter = efiAdapter(running, { notificationUrl: receiver.url }).adapter;
});
afterAll(async () => {
  await running.close();
  await receiver.close();
});

async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

const chargeAt = async (chargeId: string) =>
  (await control<ControlCharge>(running, 'GET', `/_control/charges/${chargeId}`)).body;

describe('registration', () => {
  it('registers a boleto: valid line and barcode of bank 364 for the amount, custom_id kept, status registered', async () => {
    const request = boleto();
    const charge = await adapter.register!(request);
    expect(charge.status).toBe('registered');
    expect(charge.customId).toBe(request.customId);
    expect(validator.boletoBancario(charge.line!)).toBe(true);
    expect(validator.boletoBancario(charge.barcode!)).toBe(true);
    expect(charge.barcode!.slice(0, 3)).toBe('364');
    expect(charge.barcode!.slice(9, 19)).toBe('0000012345');
    expect(charge.pdfUrl).toMatch(new RegExp(`/boleto/${charge.chargeId}$`));
    const atEfi = await chargeAt(charge.chargeId);
    expect(atEfi).toMatchObject({ customId: request.customId, status: 'waiting', totalCents: 12_345 });
  });

  it('a boleto híbrido carries a dynamic PIX payload that pix-utils reads, also when found by custom id', async () => {
    const request = boleto({ kind: 'hybrid' });
    const charge = await adapter.register!(request);
    const pix = parsePix(charge.pixCopyPaste!);
    if (hasError(pix) || pix.type !== 'DYNAMIC') throw new Error(`PIX inválido: ${charge.pixCopyPaste}`);
    expect(pix.url).toContain(charge.chargeId);
    expect((await adapter.findByCustomId!(request.customId))?.pixCopyPaste).toBe(charge.pixCopyPaste);
  });

  it('an Efí account without a PIX key issues boletos without PIX, híbrido asked or not', async () => {
    const local = await emulator({ pixKey: null });
    try {
      const charge = await efiAdapter(local).adapter.register!(boleto({ kind: 'hybrid' }));
      expect(charge.pixCopyPaste).toBeUndefined();
      expect(validator.boletoBancario(charge.line!)).toBe(true);
    } finally {
      await local.close();
    }
  });

  it('a CNPJ payer goes as juridical_person', async () => {
    const request = boleto({ payer: { name: 'Acme Comércio Ltda', document: CNPJ, phone: '11987654321' } });
    const charge = await adapter.register!(request);
    const listed = await fetch(`${running.url}/_control/charges/${charge.chargeId}`).then((r) => r.json());
    expect(listed).toMatchObject({ status: 'waiting' });
    const seen = running.emulator.state.charge(charge.chargeId).customer;
    expect(seen.juridical_person).toEqual({ corporate_name: 'Acme Comércio Ltda', cnpj: CNPJ });
    expect(seen.cpf).toBeUndefined();
  });

  it('the payer e-mail makes Efí send the boleto itself', async () => {
    const charge = await adapter.register!(
      boleto({ payer: { ...boleto().payer, email: 'boleto@example.com' } }),
    );
    const { body } = await control<{ emails: { to: string; chargeIds: number[]; kind: string }[] }>(
      running,
      'GET',
      '/_control/emails',
    );
    expect(body.emails.filter((e) => e.to === 'boleto@example.com')).toEqual([
      { to: 'boleto@example.com', chargeIds: [Number(charge.chargeId)], kind: 'boleto' },
    ]);
  });

  it('findByCustomId finds the charge registered under that id, and null for an unknown id', async () => {
    const request = boleto();
    const charge = await adapter.register!(request);
    const found = await adapter.findByCustomId!(request.customId);
    expect(found).toMatchObject({ chargeId: charge.chargeId, line: charge.line, customId: request.customId });
    expect(await adapter.findByCustomId!('NAO-EXISTE')).toBeNull();
  });
});

describe('operations on a registered boleto', () => {
  it('changes the due date to a later day; today or earlier is refused locally without calling Efí', async () => {
    const charge = await adapter.register!(boleto());
    const { adapter: watched, exchanges } = efiAdapter(running);
    for (const day of [TODAY, addDays(TODAY, -1)]) {
      const error = await rejection(watched.changeDueDate!(charge.chargeId, day, TODAY));
      expect(error.kind).toBe('validation');
      expect(error.property).toBe('dueDate');
      expect(error.message).toMatch(/posterior a hoje/);
    }
    expect(exchanges).toEqual([]);
    await watched.changeDueDate!(charge.chargeId, addDays(TODAY, 20), TODAY);
    expect((await chargeAt(charge.chargeId)).expireAt).toBe(addDays(TODAY, 20));
  });

  it('cancels; a second cancel is a validation error with Efí’s message', async () => {
    const charge = await adapter.register!(boleto());
    await adapter.cancel!(charge.chargeId);
    expect((await chargeAt(charge.chargeId)).status).toBe('canceled');
    const error = await rejection(adapter.cancel!(charge.chargeId));
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(/não pode ser cancelada/);
  });

  it('settles manually (settled), only once', async () => {
    const charge = await adapter.register!(boleto());
    await adapter.settleManually!(charge.chargeId);
    expect((await chargeAt(charge.chargeId)).status).toBe('settled');
    expect((await rejection(adapter.settleManually!(charge.chargeId))).kind).toBe('validation');
  });

  it('resends by e-mail', async () => {
    const charge = await adapter.register!(boleto());
    await adapter.resendEmail!(charge.chargeId, 'outro@example.com');
    const { body } = await control<{ emails: { to: string; kind: string }[] }>(
      running,
      'GET',
      '/_control/emails',
    );
    expect(body.emails).toContainEqual({
      to: 'outro@example.com',
      chargeIds: [Number(charge.chargeId)],
      kind: 'reenvio',
    });
  });

  it('queries the status: one event per status reached, same id when polled again', async () => {
    const charge = await adapter.register!(boleto());
    const [waiting] = await adapter.queryStatus!(charge.chargeId);
    expect(waiting).toMatchObject({ chargeId: charge.chargeId, occurrence: { code: 'waiting' } });
    await control(running, 'POST', `/_control/charges/${charge.chargeId}/pay`);
    const [paid] = await adapter.queryStatus!(charge.chargeId);
    const [again] = await adapter.queryStatus!(charge.chargeId);
    expect(paid!.occurrence.code).toBe('paid');
    expect(again!.eventId).toBe(paid!.eventId);
    expect(paid!.eventId).not.toBe(waiting!.eventId);
  });

  it('an unknown charge is a validation error (HTTP 404 from Efí)', async () => {
    expect((await rejection(adapter.queryStatus!('999999'))).kind).toBe('validation');
  });
});

describe('notifications', () => {
  it('posts notification=<token> form-encoded to the notification URL; fetching it yields the ordered history', async () => {
    const before = receiver.bodies.length;
    const request = boleto();
    const charge = await adapter.register!(request);
    const token = (await chargeAt(charge.chargeId)).notificationToken;
    await receiver.waitFor(before + 1);
    const posted = receiver.bodies.slice(before).find((b) => b.body === `notification=${token}`);
    expect(posted?.contentType).toBe('application/x-www-form-urlencoded');

    const paid = await control<{ delivery: { lastStatus: number } }>(
      running,
      'POST',
      `/_control/charges/${charge.chargeId}/pay`,
      { paidCents: 12_400 },
    );
    expect(paid.body.delivery.lastStatus).toBe(200);

    const events = await adapter.fetchNotification!(posted!.body);
    expect(events.map((e) => e.occurrence.code)).toEqual(['new', 'waiting', 'paid']);
    expect(events.every((e) => e.chargeId === charge.chargeId && e.customId === request.customId)).toBe(true);
    const ids = events.map((e) => Number(e.eventId));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
    expect(events[2]).toMatchObject({ amounts: { paidCents: 12_400 }, paidOn: TODAY });
    expect(events[0]!.amounts).toEqual({});

    // The same token fetched twice answers the same history (the retorno keeps one record per event id).
    expect((await adapter.fetchNotification!({ notification: token })).map((e) => e.eventId)).toEqual(
      events.map((e) => e.eventId),
    );
  });

  it('a notification counts as delivered only once it is fetched', async () => {
    const charge = await adapter.register!(boleto());
    const token = (await chargeAt(charge.chargeId)).notificationToken;
    await control(running, 'POST', `/_control/charges/${charge.chargeId}/expire`);
    const pending = await control<{ undelivered: string[] }>(running, 'GET', '/_control/notifications');
    expect(pending.body.undelivered).toContain(token);
    const events = await adapter.fetchNotification!(`notification=${token}`);
    expect(events.at(-1)!.occurrence).toEqual({ code: 'unpaid', description: 'Vencido sem pagamento' });
    const after = await control<{ undelivered: string[] }>(running, 'GET', '/_control/notifications');
    expect(after.body.undelivered).not.toContain(token);
  });

  it('a body without the token is a validation error', async () => {
    expect((await rejection(adapter.fetchNotification!('foo=bar'))).kind).toBe('validation');
  });
});

describe('authentication and errors', () => {
  it('testConnection authenticates, and reports refused credentials', async () => {
    expect(await adapter.testConnection()).toEqual({
      ok: true,
      message: 'Autenticado na Efí (homologação).',
    });
    const wrong = efiAdapter(
      running,
      {},
      { clientId: 'Client_Id_emulador_efi', clientSecret: 'errado' },
    ).adapter;
    const check = await wrong.testConnection();
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/recusou as credenciais/);
  });

  it('wrong credentials on an operation are an authentication error', async () => {
    const wrong = efiAdapter(running, {}, { clientId: 'outro', clientSecret: 'x' }).adapter;
    expect((await rejection(wrong.register!(boleto()))).kind).toBe('authentication');
  });

  it('reuses one token across calls and renews it once when Efí drops it', async () => {
    const local = await emulator();
    try {
      const { adapter: fresh } = efiAdapter(local);
      const first = await fresh.register!(boleto());
      await fresh.queryStatus!(first.chargeId);
      await fresh.findByCustomId!('X');
      expect(local.emulator.stats.authorizations).toBe(1);
      await control(local, 'POST', '/_control/tokens/expire');
      await fresh.queryStatus!(first.chargeId);
      await fresh.queryStatus!(first.chargeId);
      expect(local.emulator.stats.authorizations).toBe(2);
    } finally {
      await local.close();
    }
  });

  it('renews a token that reached its expiry before calling', async () => {
    const local = await emulator({ tokenTtlSeconds: 31 });
    try {
      const { adapter: fresh } = efiAdapter(local);
      const charge = await fresh.register!(boleto());
      await fresh.queryStatus!(charge.chargeId);
      // 31 s minus the client's 30 s margin: the token is renewed after about a second.
      await new Promise((r) => setTimeout(r, 1_100));
      await fresh.queryStatus!(charge.chargeId);
      expect(local.emulator.stats.authorizations).toBe(2);
    } finally {
      await local.close();
    }
  });

  it('a customer without phone is a validation error carrying Efí’s property and message', async () => {
    const error = await rejection(
      adapter.register!(boleto({ payer: { name: 'Sem Telefone', document: '94271564656' } })),
    );
    expect(error.kind).toBe('validation');
    expect(error.property).toBe('/payment/banking_billet/customer/phone_number');
    expect(error.message).toBe('O telefone do cliente (phone_number) é obrigatório.');
    expect(error.platformCode).toBe('3500034');
  });

  it('5xx is transient and nothing was created; the next try succeeds', async () => {
    const request = boleto();
    await control(running, 'POST', '/_control/faults', { failNext: 1 });
    const error = await rejection(adapter.register!(request));
    expect(error.kind).toBe('transient');
    expect(error.platformCode).toBe('3500000');
    expect(await adapter.findByCustomId!(request.customId)).toBeNull();
    await adapter.register!(request);
  });

  it('a timeout is transient; the charge was created, so looking it up first avoids a second one', async () => {
    const request = boleto();
    const { adapter: impatient } = efiAdapter(running, { timeoutMs: 1_000 });
    await impatient.testConnection();
    await control(running, 'POST', '/_control/faults', { timeoutNext: 1, hangMs: 2_500 });
    const error = await rejection(impatient.register!(request));
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/não respondeu em 1000 ms/);
    const found = await impatient.findByCustomId!(request.customId);
    expect(found?.customId).toBe(request.customId);
    const { body } = await control<{ charges: unknown[] }>(
      running,
      'GET',
      `/_control/charges?custom_id=${request.customId}`,
    );
    expect(body.charges).toHaveLength(1);
  });

  it('a refused connection is transient', async () => {
    const { adapter: nowhere } = efiAdapter(running, { baseUrl: 'http://127.0.0.1:1' });
    expect((await rejection(nowhere.register!(boleto()))).kind).toBe('transient');
  });

  it('the daily quota per endpoint answers 429: transient', async () => {
    const local = await emulator({ dailyLimit: 2 });
    try {
      const { adapter: busy } = efiAdapter(local);
      await busy.register!(boleto());
      await busy.register!(boleto());
      const error = await rejection(busy.register!(boleto()));
      expect(error.kind).toBe('transient');
      expect(error.message).toMatch(/Limite de 2 requisições diárias/);
      // Another endpoint has its own quota.
      expect(await busy.findByCustomId!('X')).toBeNull();
    } finally {
      await local.close();
    }
  });

  it('logs every exchange with the token and client secret masked', async () => {
    const { adapter: logged, exchanges } = efiAdapter(running);
    await logged.register!(boleto());
    expect(exchanges.map((e) => [e.operation, e.method, e.status])).toEqual([
      ['authorize', 'POST', 200],
      ['registrar boleto', 'POST', 200],
    ]);
    const text = JSON.stringify(exchanges);
    expect(text).not.toContain('Client_Secret_emulador_efi');
    const token = (exchanges[0]!.responseBody as { access_token: string }).access_token;
    expect(token).toBe('***');
    expect(exchanges[1]!.requestBody).toMatchObject({ metadata: { custom_id: expect.any(String) } });
  });
});

describe('carnês', () => {
  const carne = (
    parcels: { amountCents: number; dueDate: string }[],
    email = 'carne@example.com',
  ): CarneRequest => {
    const customId = `DOC-${Math.random().toString(36).slice(2, 8)}`;
    return {
      customId,
      description: 'Mensalidade escolar',
      kind: 'boleto',
      payer: { ...boleto().payer, email },
      parcels: parcels.map((p, i) => ({ customId: `${customId}/${i + 1}`, issueDate: TODAY, ...p })),
    };
  };
  const firstDue = addDays(TODAY, 5);
  const monthly = (n: number, cents = 10_000) =>
    Array.from({ length: n }, (_, i) => ({ amountCents: cents, dueDate: addMonths(firstDue, i) }));

  it('a conforming group is one carnê: one result per parcela in order, one e-mail for the whole carnê', async () => {
    const request = carne(monthly(3), 'um-email@example.com');
    const result = await adapter.registerCarne!(request);
    expect(result.map((r) => r.customId)).toEqual(request.parcels.map((p) => p.customId));
    expect(new Set(result.map((r) => r.carneId)).size).toBe(1);
    expect(result[0]!.carneId).toBeDefined();
    const atEfi = await Promise.all(result.map((r) => chargeAt(r.chargeId)));
    expect(atEfi.map((c) => [c.carnet?.parcel, c.expireAt, c.totalCents])).toEqual([
      [1, firstDue, 10_000],
      [2, addMonths(firstDue, 1), 10_000],
      [3, addMonths(firstDue, 2), 10_000],
    ]);
    result.forEach((r) => expect(validator.boletoBancario(r.line!)).toBe(true));
    const { body } = await control<{ emails: { to: string; kind: string }[] }>(
      running,
      'GET',
      '/_control/emails',
    );
    expect(body.emails.filter((e) => e.to === 'um-email@example.com').map((e) => e.kind)).toEqual(['carnê']);
  });

  it('a proportional first parcela: the first as a boleto, the carnê from the second', async () => {
    const parcels = monthly(4);
    parcels[0] = { amountCents: 4_321, dueDate: parcels[0]!.dueDate };
    const request = carne(parcels);
    const result = await adapter.registerCarne!(request);
    expect(result[0]!.carneId).toBeUndefined();
    expect((await chargeAt(result[0]!.chargeId)).totalCents).toBe(4_321);
    expect(new Set(result.slice(1).map((r) => r.carneId)).size).toBe(1);
    const carnet = await Promise.all(result.slice(1).map((r) => chargeAt(r.chargeId)));
    expect(carnet.map((c) => c.carnet?.parcel)).toEqual([1, 2, 3]);
  });

  for (const [rule, parcels] of [
    ['different values', [...monthly(2), { amountCents: 9_000, dueDate: addMonths(firstDue, 2) }]],
    ['not monthly', [0, 10, 20].map((d) => ({ amountCents: 10_000, dueDate: addDays(firstDue, d) }))],
    ['more than 24 parcelas', monthly(25, 1_000)],
  ] as const) {
    it(`${rule}: one boleto per parcela`, async () => {
      const request = carne([...parcels]);
      const result = await adapter.registerCarne!(request);
      expect(result).toHaveLength(parcels.length);
      expect(result.every((r) => r.carneId === undefined)).toBe(true);
      const atEfi = await Promise.all(result.map((r) => chargeAt(r.chargeId)));
      expect(atEfi.map((c) => c.customId)).toEqual(request.parcels.map((p) => p.customId));
      expect(atEfi.map((c) => c.totalCents)).toEqual(parcels.map((p) => p.amountCents));
    });
  }

  it('lookUpFirst after a timed-out carnê registers nothing twice', async () => {
    const parcels = monthly(3);
    parcels[0] = { amountCents: 5_000, dueDate: parcels[0]!.dueDate };
    const request = carne(parcels);
    const { adapter: impatient } = efiAdapter(running, { timeoutMs: 1_000 });
    await impatient.testConnection();
    // The first parcela (boleto) succeeds; the carnê call is carried out but answers too late.
    const before = running.emulator.state.charges.size;
    await control(running, 'POST', '/_control/faults', {
      timeoutNext: 1,
      hangMs: 2_500,
      endpoint: 'POST /v1/carnet',
    });
    expect((await rejection(impatient.registerCarne!(request))).kind).toBe('transient');
    await control(running, 'POST', '/_control/faults', { endpoint: null });
    expect(running.emulator.state.charges.size).toBe(before + 3);

    const result = await impatient.registerCarne!(request, { lookUpFirst: true });
    expect(running.emulator.state.charges.size).toBe(before + 3);
    expect(result.map((r) => r.customId)).toEqual(request.parcels.map((p) => p.customId));
    expect(new Set(result.slice(1).map((r) => r.carneId)).size).toBe(1);
  });
});
