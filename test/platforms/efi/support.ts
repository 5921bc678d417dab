/** Shared setup for the Efí tests: an emulator on a free port, a webhook receiver, an adapter, sample charges. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  AdapterRuntime,
  ChargeRequest,
  PlatformAdapter,
  PlatformExchange,
} from '../../../src/platforms/adapter.js';
import { addDays, todayInSaoPaulo } from '../../../src/domain/dates.js';
import { efiDefinition } from '../../../src/platforms/efi/adapter.js';
import {
  createEfiEmulator,
  EFI_EMULATOR_DEMO_ACCOUNT,
  type EfiEmulatorOptions,
  type RunningEfiEmulator,
} from '../../../src/platforms/efi/emulator/app.js';

export const TODAY = todayInSaoPaulo();
/** Efí's own documentation example payer (dev.efipay.com.br, boleto one-step). */
export const CPF = '94271564656';
/** A valid CNPJ (check digits 81 by the Receita Federal's rule). */
export const CNPJ = '11222333000181';

export function boleto(overrides: Partial<ChargeRequest> = {}): ChargeRequest {
  return {
    customId: `T-${Math.random().toString(36).slice(2, 10)}`,
    kind: 'boleto',
    description: 'Duplicata 123/1',
    amountCents: 12_345,
    issueDate: TODAY,
    dueDate: addDays(TODAY, 10),
    payer: {
      name: 'Gorbadoc Oldbuck',
      document: CPF,
      email: 'gorbadoc@example.com',
      phone: '(51) 4491-6523',
    },
    ...overrides,
  };
}

export interface WebhookReceiver {
  url: string;
  bodies: { contentType: string | undefined; body: string }[];
  /** Resolves once `count` posts have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function webhookReceiver(): Promise<WebhookReceiver> {
  const bodies: WebhookReceiver['bodies'] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      bodies.push({ contentType: request.headers['content-type'], body });
      response.end('200');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/efi/abc`,
    bodies,
    async waitFor(count, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (bodies.length < count) {
        if (Date.now() > until) throw new Error(`esperava ${count} notificações, chegaram ${bodies.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function emulator(options: EfiEmulatorOptions = {}): Promise<RunningEfiEmulator> {
  return createEfiEmulator(options);
}

export function efiAdapter(
  running: RunningEfiEmulator,
  runtime: Partial<AdapterRuntime> = {},
  credentials = EFI_EMULATOR_DEMO_ACCOUNT,
): { adapter: PlatformAdapter; exchanges: PlatformExchange[] } {
  const exchanges: PlatformExchange[] = [];
  const adapter = efiDefinition.create(credentials, {
    environment: 'sandbox',
    baseUrl: running.url,
    timeoutMs: 2_000,
    onExchange: (exchange) => exchanges.push(exchange),
    ...runtime,
  });
  return { adapter, exchanges };
}

export async function control<T = unknown>(
  running: RunningEfiEmulator,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${running.url}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}
