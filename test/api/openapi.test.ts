/**
 * The OpenAPI document at /docs/json, as an ERP developer meets it: valid OpenAPI 3 by an independent validator
 * (@seriousme/openapi-schema-validator, the official JSON schemas of the specification), every `$ref` resolvable
 * with no relative `$id` left to confuse Swagger UI ("Resolver error"), every operation's JSON bodies with a schema
 * and an example that the schema accepts (checked with Ajv, draft 2020-12), and the hand-written request examples
 * accepted by the running API itself.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaExamples } from '../../src/api/openapi-examples.js';
import { json, startHarness, type Harness } from './harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
let doc: Json;
beforeAll(async () => {
  h = await startHarness();
  doc = json(await h.app.inject({ url: '/docs/json' }));
});
afterAll(async () => {
  await h?.close();
});

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

function operations(): { name: string; op: Json }[] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      name: `${method.toUpperCase()} ${path}`,
      op: item[method],
    })),
  );
}

/** Every JSON body of an operation: the request and each response, with its label. */
function bodies(name: string, op: Json): { label: string; media: Json }[] {
  const found = Object.entries((op.requestBody?.content ?? {}) as Json).map(([, media]) => ({
    label: `${name} request`,
    media,
  }));
  for (const [status, response] of Object.entries(op.responses as Json))
    for (const media of Object.values((response.content ?? {}) as Json))
      found.push({ label: `${name} ${status}`, media });
  return found;
}

describe('OpenAPI document (/docs/json)', () => {
  it('is valid OpenAPI 3 for an independent validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toMatch(/^3\./);
  });

  it('has no $id or $schema in components and every $ref resolves', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain('"$id"');
    expect(text).not.toContain('"$schema"');
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const name of refs) expect(doc.components.schemas[name], name).toBeDefined();
    // The request shapes carry their own names (no "…Input" twin of an identical response shape).
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['ReceivableUpsert', 'CustomerUpsert', 'ErpReceivable', 'Customer', 'Error']),
    );
    const names = Object.keys(doc.components.schemas);
    expect(names.filter((name) => name.endsWith('Input') && names.includes(name.slice(0, -5)))).toEqual([]);
    expect(names.filter((name) => name.endsWith('InputInput'))).toEqual([]);
  });

  it('shows every operation with a schema and an example its schema accepts, and described responses', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(15);
    for (const { name, op } of ops) {
      expect(op.summary, name).toBeTruthy();
      for (const [status, response] of Object.entries(op.responses as Json))
        expect(response.description, `${name} ${status}`).not.toBe('Default Response');
      for (const { label, media } of bodies(name, op)) {
        expect(media.schema, label).toBeDefined();
        expect(media.example, label).toBeDefined();
        const validate = ajv.compile({ ...media.schema, components: doc.components });
        expect(validate(media.example) ? [] : validate.errors, label).toEqual([]);
      }
    }
    const put = doc.paths['/api/v1/receivables/{erpKey}'].put;
    expect(put.requestBody.content['application/json'].example).toEqual(schemaExamples['ReceivableUpsert']);
    expect(put.responses['201'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ErpReceivable',
    );
    // A request body shows its fields, not a bare "string".
    expect(Object.keys(doc.components.schemas.ReceivableUpsert.properties)).toEqual(
      expect.arrayContaining(['customerErpKey', 'issueDate', 'dueDate', 'amountCents']),
    );
  });

  it('its request examples are accepted by the API', async () => {
    const customer = await h.erpPut(
      'customers',
      h.tokens.sul,
      'CLI-000123',
      schemaExamples['CustomerUpsert'],
    );
    expect(customer.statusCode, customer.body).toBe(201);
    const receivable = await h.erpPut(
      'receivables',
      h.tokens.sul,
      'TIT-500-1',
      schemaExamples['ReceivableUpsert'],
    );
    expect(receivable.statusCode, receivable.body).toBe(201);
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { ...(schemaExamples['LoginRequest'] as object), email: h.emails.operator, password: 'x' },
    });
    expect(login.statusCode).toBe(401); // the shape passes validation; only the credentials are wrong
  });
});
