/**
 * The Efí emulator on its own terms: mounted under /emulators/efi inside a Fastify app as the demo does, Efí's
 * error format on the wire, control routes, notification redelivery until fetched, and `finconsole emulate efi`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EfiEmulator,
  efiEmulatorRoutes,
  EFI_EMULATOR_DEMO_ACCOUNT,
} from '../../../src/platforms/efi/emulator/app.js';
import { efiDefinition } from '../../../src/platforms/efi/adapter.js';
import { boleto, webhookReceiver, type WebhookReceiver } from './support.js';

const basic = `Basic ${Buffer.from(`${EFI_EMULATOR_DEMO_ACCOUNT.clientId}:${EFI_EMULATOR_DEMO_ACCOUNT.clientSecret}`).toString('base64')}`;

describe('mounted under /emulators/efi in a Fastify app', () => {
  let app: FastifyInstance;
  let base: string;
  let receiver: WebhookReceiver;
  let emulator: EfiEmulator;

  beforeAll(async () => {
    receiver = await webhookReceiver();
    app = Fastify();
    app.get('/health', () => ({ ok: true }));
    emulator = new EfiEmulator();
    await app.register(efiEmulatorRoutes, { prefix: '/emulators/efi', emulator });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    base = `${address}/emulators/efi`;
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  const token = async () =>
    (
      (await (
        await fetch(`${base}/v1/authorize`, { method: 'POST', headers: { authorization: basic } })
      ).json()) as {
        access_token: string;
      }
    ).access_token;

  it('answers Efí’s routes under the prefix, and the host app keeps its own', async () => {
    const adapter = efiDefinition.create(EFI_EMULATOR_DEMO_ACCOUNT, {
      environment: 'sandbox',
      baseUrl: base,
      notificationUrl: receiver.url,
    });
    const charge = await adapter.register!(boleto());
    expect(charge.pdfUrl).toBe(`${base}/boleto/${charge.chargeId}`);
    const page = await fetch(charge.pdfUrl!);
    expect(await page.text()).toContain(charge.chargeId);
    expect(await (await fetch(`${base.replace('/emulators/efi', '')}/health`)).json()).toEqual({ ok: true });
  });

  it('validation errors in Efí’s format: HTTP 400 with code, error and error_description {property, message}', async () => {
    const response = await fetch(`${base}/v1/charge/one-step`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        items: [{ name: 'x', value: 1000, amount: 1 }],
        payment: { banking_billet: {} },
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 3500034,
      error: 'validation_error',
      error_description: { property: '/payment/banking_billet/customer', message: expect.any(String) },
    });
  });

  it('GET /v1/charges requires the date window, as Efí does', async () => {
    const response = await fetch(`${base}/v1/charges?charge_type=billet`, {
      headers: { authorization: `Bearer ${await token()}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'validation_error',
      error_description: { property: '/begin_date' },
    });
  });

  it('without a token: 401', async () => {
    const response = await fetch(`${base}/v1/charge/1`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('pay with paidCents, then redelivery posts again only the notifications nobody fetched', async () => {
    const adapter = efiDefinition.create(EFI_EMULATOR_DEMO_ACCOUNT, {
      environment: 'sandbox',
      baseUrl: base,
      notificationUrl: receiver.url,
    });
    const request = boleto();
    const charge = await adapter.register!(request);
    const paid = (await (
      await fetch(`${base}/_control/charges/${charge.chargeId}/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ paidCents: 99_999 }),
      })
    ).json()) as {
      charge: { status: string; paid: { cents: number } };
      delivery: { token: string; posts: number };
    };
    expect(paid.charge).toMatchObject({ status: 'paid', paid: { cents: 99_999 } });

    const listed = (await (await fetch(`${base}/_control/charges?custom_id=${request.customId}`)).json()) as {
      charges: { chargeId: number }[];
    };
    expect(listed.charges.map((c) => String(c.chargeId))).toEqual([charge.chargeId]);

    const redeliver = async () =>
      (
        (await (await fetch(`${base}/_control/notifications/redeliver`, { method: 'POST' })).json()) as {
          deliveries: { token: string }[];
        }
      ).deliveries.map((d) => d.token);
    expect(await redeliver()).toContain(paid.delivery.token);
    await adapter.fetchNotification!({ notification: paid.delivery.token });
    expect(await redeliver()).not.toContain(paid.delivery.token);
  });

  it('paying a cancelled charge is refused', async () => {
    const adapter = efiDefinition.create(EFI_EMULATOR_DEMO_ACCOUNT, {
      environment: 'sandbox',
      baseUrl: base,
    });
    const charge = await adapter.register!(boleto());
    expect(
      (await fetch(`${base}/_control/charges/${charge.chargeId}/cancel`, { method: 'POST' })).status,
    ).toBe(200);
    const response = await fetch(`${base}/_control/charges/${charge.chargeId}/pay`, { method: 'POST' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error_description: expect.stringMatching(/status atual: canceled/),
    });
  });
});

describe('finconsole emulate efi', () => {
  it('serves the emulator on the given port until stopped', async () => {
    const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/finconsole.mjs');
    const child = spawn(process.execPath, [bin, 'emulate', 'efi', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /emulador Efí em (http:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`saiu com ${code}: ${out}`)));
      });
      const response = await fetch(`${url}/v1/authorize`, {
        method: 'POST',
        headers: { authorization: basic },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
