/** Content-Security-Policy, no-store on the API, the Origin check on console writes, and the request id. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/api/plugins/security.js';
import { json, startHarness, PASSWORD, type Harness } from './harness.js';

let h: Harness;
let cookie: string;
beforeAll(async () => {
  h = await startHarness();
  cookie = await h.login(h.emails.admin);
});
afterAll(async () => {
  await h.close();
});

describe('response headers', () => {
  it('/docs carries the Content-Security-Policy (no inline scripts, no framing)', async () => {
    const docs = await h.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    // Swagger UI loads only scripts from this origin: nothing inline the policy would block.
    expect(docs.body).not.toMatch(/<script>(?!\s*<\/script>)/);
  });

  it('authenticated JSON is never cached; each answer names its request id', async () => {
    const session = await h.asUser(cookie, '/api/session');
    expect(session.headers['cache-control']).toBe('no-store');
    const erp = await h.asErp(h.tokens.sul, '/api/v1/customers');
    expect(erp.headers['cache-control']).toBe('no-store');
    expect(erp.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(session.headers['x-request-id']).not.toBe(erp.headers['x-request-id']);
  });
});

describe('Origin check on cookie-authenticated writes', () => {
  const write = (headers: Record<string, string>) =>
    h.asUser(cookie, '/api/api-tokens', {
      method: 'POST',
      payload: { companyId: h.companies.sul, name: 'origem' },
      headers,
    });

  it('refuses a write from another site (Origin or, without it, Referer) with 403', async () => {
    const cross = await write({ origin: 'https://evil.example' });
    expect(cross.statusCode).toBe(403);
    expect(json(cross).error.code).toBe('forbidden_origin');
    expect((await write({ referer: 'https://evil.example/page' })).statusCode).toBe(403);
    expect((await write({ origin: 'null' })).statusCode).toBe(403);
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { origin: 'https://evil.example' },
      payload: { email: h.emails.admin, password: PASSWORD },
    });
    expect(login.statusCode).toBe(403);
  });

  it('accepts the same origin, the public URL, and clients that send neither header', async () => {
    expect((await write({ origin: 'http://localhost:3999' })).statusCode).toBe(403);
    expect((await write({ origin: 'https://localhost' })).statusCode).toBe(403);
    expect((await write({ origin: 'http://localhost' })).statusCode).toBe(201);
    expect((await write({ origin: 'http://localhost:80' })).statusCode).toBe(201);
    // FINCONSOLE_PUBLIC_URL (here the harness's http://127.0.0.1:9), as a proxy in front would present it.
    expect((await write({ origin: 'http://127.0.0.1:9' })).statusCode).toBe(201);
    expect((await write({ referer: 'http://localhost/#/tokens' })).statusCode).toBe(201);
    expect((await write({})).statusCode).toBe(201);
    // Reads are never checked, and ERP routes (bearer tokens, no cookie) are not either.
    expect(
      (await h.asUser(cookie, '/api/session', { headers: { origin: 'https://evil.example' } })).statusCode,
    ).toBe(200);
    const erp = await h.asErp(h.tokens.sul, '/api/v1/customers/C-ORIGEM', {
      method: 'PUT',
      payload: { name: 'Cliente Origem', document: '11222333000181', email: 'a@b.com.br' },
      headers: { origin: 'https://erp.example' },
    });
    expect(erp.statusCode).toBe(201);
  });
});
