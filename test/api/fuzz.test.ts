/**
 * Property-based fuzzing of every JSON route (issue 14): the route list comes from the OpenAPI document at
 * /docs/json, so a new route is fuzzed without anyone adding it here. Each case sends hostile path parameters, URL
 * parameters (declared and unknown ones) and bodies (the documented example with a field replaced, removed or added,
 * any JSON, or bytes that are not JSON), authenticated as the route expects, to a real app over a real store.
 * Properties: no 500, every error in our shape with a pt-BR message, and a validation error names each field.
 * The JSON body parser the webhook routes share (src/api/json-body.ts) is fuzzed directly.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonBodyError, parseJsonBody } from '../../src/api/json-body.js';
import { fuzzParameters, hostileJson, hostileText, mutatedExample } from '../support/fuzz.js';
import { bearer, json, startHarness, type Harness } from './harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Operation {
  method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: string[];
  queryParams: string[];
  example: unknown;
  hasBody: boolean;
  auth: 'bearer' | 'session' | 'none';
}

let h: Harness;
let operations: Operation[];
let cookie: string;

beforeAll(async () => {
  h = await startHarness();
  cookie = await h.login(h.emails.admin);
  const doc = json(await h.app.inject({ url: '/docs/json' })) as Json;
  operations = Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json)
      .filter(([method]) => ['get', 'put', 'post', 'patch', 'delete'].includes(method))
      .map(([method, op]: [string, Json]) => {
        const parameters = (op.parameters ?? []) as { in: string; name: string }[];
        const security = JSON.stringify(op.security ?? []);
        return {
          method: method.toUpperCase() as Operation['method'],
          path,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
          example: op.requestBody?.content?.['application/json']?.example,
          // Webhook routes document no body schema (platforms send what they send) but take one.
          hasBody: Boolean(op.requestBody) || ['put', 'post', 'patch'].includes(method),
          auth: security.includes('bearerAuth')
            ? 'bearer'
            : security.includes('sessionCookie') || (path.startsWith('/api/') && path !== '/api/session')
              ? 'session'
              : 'none',
        };
      }),
  );
});
afterAll(async () => {
  await h?.close();
});

const queryValue = fc.oneof(hostileText, fc.constantFrom('1', 'true', '2026-03-01', 'asc', 'open,paid'));

function caseFor(op: Operation) {
  return fc.record({
    pathValues: fc.array(fc.oneof(hostileText, fc.uuid(), fc.constant('CLI-1')), {
      minLength: op.pathParams.length,
      maxLength: op.pathParams.length,
    }),
    query: fc.dictionary(
      op.queryParams.length > 0
        ? fc.oneof(fc.constantFrom(...op.queryParams), fc.string({ maxLength: 10 }))
        : fc.string({ maxLength: 10 }),
      queryValue,
      { maxKeys: op.queryParams.length > 0 ? 4 : 1 },
    ),
    body: op.hasBody
      ? fc.oneof(
          mutatedExample((op.example ?? {}) as Record<string, unknown>).map((value) => ({
            raw: JSON.stringify(value) ?? 'null',
            type: 'application/json',
          })),
          fc.string({ maxLength: 200 }).map((raw) => ({ raw, type: 'application/json' })),
          fc.dictionary(fc.string({ maxLength: 12 }), hostileText, { maxKeys: 3 }).map((form) => ({
            raw: new URLSearchParams(form).toString(),
            type: 'application/x-www-form-urlencoded',
          })),
        )
      : fc.constant(undefined),
  });
}

/** Every byte of the UTF-8 text percent-encoded (a lone surrogate becomes U+FFFD, as a client would send). */
const percentEncoded = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

function url(op: Operation, pathValues: string[], query: Record<string, string>): string {
  let path = op.path;
  op.pathParams.forEach((name, index) => {
    path = path.replace(`{${name}}`, percentEncoded(pathValues[index]!) || '%20');
  });
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

function expectOurError(status: number, body: string, label: string) {
  let parsed: Json;
  try {
    parsed = JSON.parse(body) as Json;
  } catch {
    throw new Error(`${label}: ${status} sem corpo JSON: ${body.slice(0, 200)}`);
  }
  const error = parsed['error'] as Json | undefined;
  expect(typeof error?.['code'], label).toBe('string');
  expect(String(error?.['message']).length, label).toBeGreaterThan(0);
  const fields = error?.['fields'] as { path: string; message: string }[] | undefined;
  if (error?.['code'] === 'validation')
    expect(fields?.length, `${label}: validation sem fields`).toBeGreaterThan(0);
  for (const field of fields ?? []) {
    expect(field.path, label).toBeTruthy();
    expect(field.message, label).toBeTruthy();
  }
}

describe('fuzzing the routes of the OpenAPI document', () => {
  it('lists every route (ERP, console, session, health)', () => {
    const names = operations.map((op) => `${op.method} ${op.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'PUT /api/v1/receivables/{erpKey}',
        'GET /api/v1/customers',
        'PATCH /api/receivables/{id}',
        'POST /api/session',
        'GET /healthz',
        'POST /webhooks/{platform}/{token}',
      ]),
    );
  });

  it('answers hostile requests with no 500 and errors that name their fields', async () => {
    let cases = 0;
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(caseFor(op), async ({ pathValues, query, body }) => {
          const target = url(op, pathValues, query);
          const headers: Record<string, string> =
            op.auth === 'bearer' ? bearer(h.tokens.sul) : op.auth === 'session' ? { cookie } : {};
          // Logging out would end the session the other cases use.
          if (op.method === 'DELETE' && op.path === '/api/session') delete headers['cookie'];
          const response = await h.app.inject({
            method: op.method,
            url: target,
            headers: body ? { ...headers, 'content-type': body.type } : headers,
            ...(body ? { payload: body.raw } : {}),
          });
          cases++;
          const label = `${op.method} ${target} ${body?.raw.slice(0, 300) ?? ''}`;
          expect(response.statusCode, `${label} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
          if (response.statusCode >= 400) expectOurError(response.statusCode, response.body, label);
        }),
        fuzzParameters(60),
      );
    }
    expect(cases).toBeGreaterThanOrEqual(operations.length * 60);
  });
});

describe('the JSON body parser (every route, webhooks included)', () => {
  it('returns a value or a JsonBodyError that says where, never anything else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          hostileJson.map((value) => JSON.stringify(value) ?? ''),
          hostileJson.map((value) => (JSON.stringify(value) ?? '').slice(0, -1)),
        ),
        (text) => {
          try {
            parseJsonBody(text);
          } catch (error) {
            expect(error).toBeInstanceOf(JsonBodyError);
            const { fields, message } = error as JsonBodyError;
            expect(message.length).toBeGreaterThan(0);
            expect(fields.length).toBeGreaterThan(0);
            for (const field of fields) expect(field.path && field.message).toBeTruthy();
          }
        },
      ),
      fuzzParameters(1000),
    );
  });
});
