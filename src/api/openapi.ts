/**
 * The OpenAPI document as an ERP developer reads it at /docs. fastify-type-provider-zod emits every registered
 * zod schema twice (`X` for responses, `XInput` for requests) and leaves a relative `$id` ("#/components/schemas/X")
 * in each, which Swagger UI resolves against itself ("Resolver error"), so bodies showed only "string". This step:
 * drops `$id`/`$schema` from components, keeps one component where input and output agree and names a request-only
 * one without the suffix, removes unreferenced ones, gives every response a pt-BR description, and puts an example
 * on every JSON body: the hand-written one of src/api/openapi-examples.ts when there is one, otherwise one built
 * from the schema (its fields' own examples, formats and first enum values).
 */
import { isDeepStrictEqual } from 'node:util';
import type { OpenAPIV3_1 } from 'openapi-types';
import { errorExamples, schemaExamples } from './openapi-examples.js';

type Json = Record<string, unknown>;
type Document = OpenAPIV3_1.Document;

const REF_PREFIX = '#/components/schemas/';
const INPUT_SUFFIX = 'Input';

const STATUS_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Criado',
  '204': 'Feito, sem corpo',
  '400': 'Dados inválidos (validation, invalid_json): um item em fields por campo',
  '401': 'Sem credencial válida (unauthorized, invalid_credentials)',
  '403': 'Sem permissão para esta empresa ou ação (forbidden)',
  '404': 'Não encontrado (not_found)',
  '409': 'Conflito com o registro gravado (immutable_field, receivable_closed)',
  '422': 'Referência ou chave de idempotência inválida (reference_not_found, idempotency_conflict)',
  '429': 'Tentativas demais (too_many_attempts)',
  '503': 'Serviço indisponível',
};

/** Calls `visit` on every object in `value` (depth first), the document included. */
function walk(value: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit));
  else if (value !== null && typeof value === 'object') {
    visit(value as Json);
    Object.values(value).forEach((child) => walk(child, visit));
  }
}

function renameRefs(document: unknown, from: string, to: string): void {
  walk(document, (node) => {
    if (node['$ref'] === REF_PREFIX + from) node['$ref'] = REF_PREFIX + to;
  });
}

function referencedNames(document: Document): Set<string> {
  const schemas = document.components?.schemas ?? {};
  const seen = new Set<string>();
  const visit = (value: unknown) =>
    walk(value, (node) => {
      const ref = node['$ref'];
      if (typeof ref !== 'string' || !ref.startsWith(REF_PREFIX)) return;
      const name = ref.slice(REF_PREFIX.length);
      if (seen.has(name)) return;
      seen.add(name);
      visit(schemas[name]);
    });
  visit(document.paths);
  return seen;
}

function tidyComponents(document: Document): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Json>;
  for (const schema of Object.values(schemas)) {
    delete schema['$id'];
    delete schema['$schema'];
  }
  for (const name of Object.keys(schemas)) {
    if (!name.endsWith(INPUT_SUFFIX)) continue;
    const base = name.slice(0, -INPUT_SUFFIX.length);
    if (schemas[base] && isDeepStrictEqual(schemas[base], schemas[name])) renameRefs(document, name, base);
  }
  let used = referencedNames(document);
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
  for (const name of Object.keys(schemas)) {
    const base = name.slice(0, -INPUT_SUFFIX.length);
    if (name.endsWith(INPUT_SUFFIX) && !schemas[base]) {
      schemas[base] = schemas[name]!;
      delete schemas[name];
      renameRefs(document, name, base);
    }
  }
  used = referencedNames(document);
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}

const FORMAT_EXAMPLES: Record<string, string> = {
  date: '2026-03-31',
  'date-time': '2026-03-01T12:00:00.000Z',
  uuid: '0b5c3a1e-6f2d-4c8e-9a7b-1d2e3f4a5b6c',
  email: 'financeiro@exemplo.com.br',
};

/** An example value for a schema: its own example, else one built from its parts. */
export function exampleOf(schema: Json | undefined, schemas: Record<string, Json>, depth = 0): unknown {
  if (!schema || depth > 12) return null;
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const name = ref.slice(REF_PREFIX.length);
    return schemaExamples[name] ?? exampleOf(schemas[name], schemas, depth + 1);
  }
  if ('example' in schema) return schema['example'];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return schema['examples'][0];
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  const options = (schema['anyOf'] ?? schema['oneOf']) as Json[] | undefined;
  if (options) {
    const concrete = options.find((option) => option['type'] !== 'null') ?? options[0];
    return exampleOf(concrete, schemas, depth + 1);
  }
  const type = Array.isArray(schema['type'])
    ? (schema['type'] as string[]).find((t) => t !== 'null')
    : schema['type'];
  switch (type) {
    case 'object': {
      const properties = (schema['properties'] ?? {}) as Record<string, Json>;
      return Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, exampleOf(value, schemas, depth + 1)]),
      );
    }
    case 'array':
      return [exampleOf(schema['items'] as Json, schemas, depth + 1)];
    case 'integer':
    case 'number':
      return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
    case 'boolean':
      return false;
    case 'string':
      return FORMAT_EXAMPLES[String(schema['format'])] ?? 'texto';
    case 'null':
      return null;
  }
  return null;
}

function addExamples(document: Document): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Json>;
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(pathItem ?? {})) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const op = operation as OpenAPIV3_1.OperationObject;
      const body = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
      for (const media of Object.values(body?.content ?? {}))
        media.example ??= exampleOf(media.schema as Json, schemas);
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const res = response as OpenAPIV3_1.ResponseObject;
        if (!res.description || res.description === 'Default Response')
          res.description = STATUS_TEXT[status] ?? `HTTP ${status}`;
        for (const media of Object.values(res.content ?? {}))
          media.example ??= errorExamples[status] ?? exampleOf(media.schema as Json, schemas);
      }
    }
  }
}

/** Finishes the document fastify-swagger built (see the module comment); returns the same object. */
export function finishOpenApi(document: Document): Document {
  tidyComponents(document);
  addExamples(document);
  return document;
}
