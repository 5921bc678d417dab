/** Authentication, token reuse, error kinds, environments and masking of the Supplier client, over real HTTP. */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError, type PlatformExchange } from '../../../src/platforms/adapter.js';
import {
  defaultRegistryEndpoint,
  supplierOptionsSchema,
  supplierDefinition,
} from '../../../src/platforms/supplier/adapter.js';
import { SupplierClient } from '../../../src/platforms/supplier/client.js';
import { supplierOperations, supplierProcessLabel } from '../../../src/platforms/supplier/mapping.js';
import {
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  supplierEmulator,
} from '../../../src/platforms/supplier/emulator/index.js';
import { startSupplierEmulator } from '../../../src/platforms/supplier/emulator/standalone.js';
import { startHarness, type Harness } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

/** A bare HTTP server standing in for a misbehaving platform (it takes the token request's form body). */
function fakePlatform() {
  const app = Fastify();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) =>
    done(null, body),
  );
  return app;
}

const tokensIssued = async () => ((await h.control('/state')) as { tokensIssued: number }).tokensIssued;

async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe('authentication', () => {
  it('reuses one token across calls, also concurrent ones', async () => {
    const before = await tokensIssued();
    await Promise.all([1, 2, 3].map(() => h.adapter.fetchReconciliationEvents!()));
    await h.adapter.fetchAfterSaleRequests!();
    expect((await tokensIssued()) - before).toBeLessThanOrEqual(1);
  });

  it('fetches a new token once when the platform revokes it, and the call succeeds', async () => {
    await h.adapter.fetchReconciliationEvents!();
    const before = await tokensIssued();
    await h.control('/tokens/revoke', {});
    expect(await h.adapter.fetchReconciliationEvents!()).toEqual([]);
    expect((await tokensIssued()) - before).toBe(1);
  });

  it('asks for a new token only when the one it holds is within a minute of expiring', async () => {
    let now = Date.now();
    const client = new SupplierClient({
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
      runtime: { environment: 'production' },
      baseUrl: async () => h.emulator.url,
      now: () => now,
    });
    const before = await tokensIssued();
    await client.call('fetchReconciliationEvents', supplierOperations.fetchReconciliationEvents, undefined);
    now += (3600 - 61) * 1000; // the emulator's tokens last 3600 s
    await client.call('fetchReconciliationEvents', supplierOperations.fetchReconciliationEvents, undefined);
    expect((await tokensIssued()) - before).toBe(1);
    now += 2000;
    await client.call('fetchReconciliationEvents', supplierOperations.fetchReconciliationEvents, undefined);
    expect((await tokensIssued()) - before).toBe(2);
  });

  it('a wrong secret is an authentication error, and testConnection says so', async () => {
    const wrong = await startHarness({ clientSecret: 'errado' });
    try {
      const error = await rejection(wrong.adapter.fetchReconciliationEvents!());
      expect(error.kind).toBe('authentication');
      expect(error.message).toBe('Plataforma de crédito: Client ID ou Client Secret recusados');
      expect(error.platformCode).toBe('invalid_client');
      expect(await wrong.adapter.testConnection()).toEqual({
        ok: false,
        message: 'Plataforma de crédito: Client ID ou Client Secret recusados',
      });
    } finally {
      await wrong.emulator.close();
    }
  });

  it('never logs the secret or the token; logs the token exchange with the token masked', async () => {
    const logged = JSON.stringify(h.exchanges);
    expect(logged).not.toContain(DEMO_CLIENT_SECRET);
    const tokenExchange = h.exchanges.find((e) => e.operation === 'authenticate')!;
    expect(tokenExchange).toMatchObject({
      method: 'POST',
      status: 200,
      requestBody: 'grant_type=client_credentials',
    });
    expect(tokenExchange.responseBody).toMatchObject({ access_token: '***', token_type: 'Bearer' });
    for (const exchange of h.exchanges) expect(exchange.startedAt).toBeInstanceOf(Date);
    expect(supplierProcessLabel(tokenExchange.operation)).toBe('Autenticação');
    expect(supplierProcessLabel('fetchReconciliationEvents')).toBe('Consulta de lançamentos de conciliação');
  });
});

describe('error kinds', () => {
  it('503 is transient', async () => {
    await h.control('/failures', { status: 503 });
    const error = await rejection(h.adapter.getCreditStatus!('11222333000181'));
    expect(error.kind).toBe('transient');
    expect(error.message).toBe('Plataforma de crédito: falha temporária (HTTP 503)');
    expect(error.platformCode).toBe('INDISPONIVEL');
  });

  it('429 is transient with the wait the platform asks for', async () => {
    await h.control('/failures', { status: 429, retryAfterSeconds: 7 });
    const error = await rejection(h.adapter.fetchReconciliationEvents!());
    expect(error).toMatchObject({
      kind: 'transient',
      retryAfterMs: 7000,
      platformCode: 'LIMITE_REQUISICOES',
    });
  });

  it('the emulator’s rate limit answers 429 with the rest of the minute to wait', async () => {
    const limited = await startSupplierEmulator({ rateLimitPerMinute: 2 });
    try {
      const adapter = supplierDefinition.create(
        supplierOptionsSchema.parse({ clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET }),
        { environment: 'production', baseUrl: limited.url },
      );
      await adapter.fetchReconciliationEvents!();
      await adapter.fetchAfterSaleRequests!();
      const error = await rejection(adapter.fetchReconciliationEvents!());
      expect(error).toMatchObject({ kind: 'transient', platformCode: 'LIMITE_REQUISICOES' });
      expect(error.retryAfterMs).toBeGreaterThan(0);
      expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
    } finally {
      await limited.close();
    }
  });

  it('a 404 that means "unknown" is a validation error; the order check’s 404 means "no ticket"', async () => {
    const error = await rejection(h.adapter.getCreditStatus!('99999999000191'));
    expect(error).toMatchObject({
      kind: 'validation',
      message: 'Plataforma de crédito: Cliente não encontrado',
    });
    expect(await h.adapter.checkOrder!('NAO-EXISTE')).toBeNull();
  });

  it('an unreachable platform is transient and the attempt is logged without status', async () => {
    const exchanges: PlatformExchange[] = [];
    const adapter = supplierDefinition.create(
      supplierOptionsSchema.parse({ clientId: 'x', clientSecret: 'y', platformUrl: 'http://127.0.0.1:1' }),
      { environment: 'production', onExchange: (e) => exchanges.push(e) },
    );
    const error = await rejection(adapter.fetchReconciliationEvents!());
    expect(error.kind).toBe('transient');
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.status).toBeNull();
  });

  it('a timeout is transient', async () => {
    const slow = fakePlatform();
    slow.post('/oauth/token', async () => new Promise((resolve) => setTimeout(resolve, 2000)));
    await slow.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = slow.server.address() as { port: number };
      const adapter = supplierDefinition.create(
        supplierOptionsSchema.parse({
          clientId: 'x',
          clientSecret: 'y',
          platformUrl: `http://127.0.0.1:${address.port}`,
        }),
        { environment: 'production', timeoutMs: 200 },
      );
      const error = await rejection(adapter.fetchReconciliationEvents!());
      expect(error).toMatchObject({
        kind: 'transient',
        message: 'Plataforma de crédito: tempo de resposta esgotado',
      });
    } finally {
      await slow.close();
    }
  });

  it('an answer outside the contract is a validation error (not retried), naming what is wrong', async () => {
    const odd = fakePlatform();
    odd.post('/oauth/token', async () => ({ access_token: 't', token_type: 'Bearer', expires_in: 60 }));
    odd.get('/api/v1/conciliacao/lancamentos', async () => ({ lancamentos: [{ idLancamento: 1 }] }));
    await odd.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = odd.server.address() as { port: number };
      const adapter = supplierDefinition.create(
        supplierOptionsSchema.parse({
          clientId: 'x',
          clientSecret: 'y',
          platformUrl: `http://127.0.0.1:${address.port}`,
        }),
        { environment: 'production' },
      );
      const error = await rejection(adapter.fetchReconciliationEvents!());
      expect(error.kind).toBe('validation');
      expect(error.platformCode).toBe('resposta_invalida');
      expect(error.message).toContain('lancamentos.0.idLancamento');
    } finally {
      await odd.close();
    }
  });
});

describe('environments', () => {
  it('production needs the platform URL (TOTVS wizard: URL Plataforma Risk) or the integration’s endpoint', async () => {
    const adapter = supplierDefinition.create(
      supplierOptionsSchema.parse({ clientId: 'a', clientSecret: 'b' }),
      {
        environment: 'production',
      },
    );
    const error = await rejection(adapter.fetchReconciliationEvents!());
    expect(error).toMatchObject({
      kind: 'validation',
      property: 'platformUrl',
      message: 'URL da plataforma: obrigatória no ambiente de produção',
    });
    expect((await adapter.testConnection()).ok).toBe(false);
  });

  it('the environment follows the integration’s when not chosen: homologação is staging', async () => {
    const adapter = supplierDefinition.create(
      supplierOptionsSchema.parse({ clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET }),
      {
        environment: 'sandbox',
        baseUrl: h.emulator.url,
      },
    );
    expect(await adapter.testConnection()).toEqual({
      ok: true,
      message: 'Conexão com a plataforma de crédito estabelecida (ambiente staging)',
    });
  });

  it('staging and dev default to the TOTVS registry of their environment', () => {
    expect(defaultRegistryEndpoint('staging')).toBe(
      'https://endpoint-registry.staging.totvs.app/api/v1/services',
    );
    expect(defaultRegistryEndpoint('dev')).toBe('https://endpoint-registry.dev.totvs.app/api/v1/services');
    expect(
      supplierOptionsSchema.parse({ clientId: 'a', clientSecret: 'b', environment: 'dev' }),
    ).toMatchObject({
      environment: 'dev',
      usageMode: 'mais_negocios',
    });
  });

  it('staging finds the platform through a configured registry endpoint, once', async () => {
    const exchanges: PlatformExchange[] = [];
    const adapter = supplierDefinition.create(
      supplierOptionsSchema.parse({
        clientId: DEMO_CLIENT_ID,
        clientSecret: DEMO_CLIENT_SECRET,
        environment: 'staging',
        registryEndpoint: `${h.emulator.url}/registry/api/v1/services`,
      }),
      { environment: 'sandbox', onExchange: (e) => exchanges.push(e) },
    );
    expect(await adapter.testConnection()).toEqual({
      ok: true,
      message: 'Conexão com a plataforma de crédito estabelecida (ambiente staging)',
    });
    await adapter.fetchAfterSaleRequests!();
    expect(exchanges.filter((e) => e.operation === 'registry')).toHaveLength(1);
  });

  it('the emulator mounted under a prefix registers its own prefixed URL', async () => {
    const app = Fastify();
    await app.register(supplierEmulator, { prefix: '/emulators/supplier' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      const adapter = supplierDefinition.create(
        supplierOptionsSchema.parse({
          clientId: DEMO_CLIENT_ID,
          clientSecret: DEMO_CLIENT_SECRET,
          environment: 'dev',
          registryEndpoint: `${base}/emulators/supplier/registry/api/v1/services`,
        }),
        { environment: 'sandbox' },
      );
      expect(await adapter.fetchReconciliationEvents!()).toEqual([]);
      const registry = await (await fetch(`${base}/emulators/supplier/registry/api/v1/services`)).json();
      expect(registry).toEqual({ services: [{ name: 'risk', url: `${base}/emulators/supplier` }] });
    } finally {
      await app.close();
    }
  });

  it('a registry without the platform’s service is a validation error naming it', async () => {
    const adapter = supplierDefinition.create(
      supplierOptionsSchema.parse({
        clientId: 'a',
        clientSecret: 'b',
        environment: 'staging',
        registryEndpoint: `${h.emulator.url}/_control/state`,
      }),
      { environment: 'sandbox' },
    );
    const error = await rejection(adapter.fetchReconciliationEvents!());
    expect(error.kind).toBe('validation');
  });
});
