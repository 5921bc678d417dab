/**
 * One error shape for every route: `{error:{code, message (pt-BR), fields?:[{path,message}]}}`.
 * Zod validation failures become 400 `validation` with one entry per field; ServiceError passes through;
 * anything unexpected becomes 500 `internal` (logged, never leaking internals to the client).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ServiceError, type FieldError } from '../services/errors.js';
import { JsonBodyError } from './json-body.js';
import type { ErrorBody } from '../contracts/common.js';

const CONTEXT_LABEL: Record<string, string> = {
  body: 'corpo',
  querystring: 'parâmetros da URL',
  params: 'caminho',
  headers: 'cabeçalhos',
};

interface ValidationEntry {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** `/address/zipCode` → `address.zipCode`; the root of the body becomes the context name. */
function toFieldPath(instancePath: string | undefined, context: string): string {
  const path = (instancePath ?? '').replace(/^\//, '').split('/').filter(Boolean).join('.');
  return path || context;
}

/** A key as a field path; an empty one ("?=x", `{"": 1}`) gets a name a person can read. */
export function keyName(key: string): string {
  return key === '' ? '(nome vazio)' : key;
}

export function validationFields(validation: ValidationEntry[], context: string): FieldError[] {
  const fields: FieldError[] = [];
  for (const entry of validation) {
    const base = toFieldPath(entry.instancePath, context);
    const keys = entry.params?.['keys'];
    if (entry.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      const known = entry.params?.['known'];
      const what = context === 'querystring' ? 'parâmetro desconhecido' : 'campo desconhecido';
      const message = Array.isArray(known)
        ? `${what}; os aceitos são: ${known.join(', ')}`
        : `${what} (verifique o nome)`;
      for (const key of keys) {
        const name = keyName(String(key));
        fields.push({ path: base === context ? name : `${base}.${name}`, message });
      }
      continue;
    }
    fields.push({ path: base, message: entry.message ?? 'valor inválido' });
  }
  return fields;
}

export function errorBody(code: string, message: string, fields?: FieldError[]): ErrorBody {
  return { error: fields && fields.length > 0 ? { code, message, fields } : { code, message } };
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
    const fields = validationFields(error.validation as ValidationEntry[], context);
    const label = CONTEXT_LABEL[context] ?? context;
    const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    void reply.code(400).send(errorBody('validation', `Dados inválidos (${label}): ${summary}`, fields));
    return;
  }
  if (error instanceof JsonBodyError) {
    void reply.code(400).send(errorBody(error.code, error.message, error.fields));
    return;
  }
  if (error instanceof ServiceError) {
    if (error.status >= 500) request.log.error({ err: error }, 'service error');
    if (error.retryAfterSeconds !== undefined)
      void reply.header('retry-after', String(error.retryAfterSeconds));
    void reply.code(error.status).send(errorBody(error.code, error.message, error.fields));
    return;
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      void reply.code(415).send(errorBody('unsupported_media_type', 'Envie o corpo como application/json.'));
      return;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      void reply.code(413).send(errorBody('payload_too_large', 'O corpo da requisição é grande demais.'));
      return;
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    void reply.code(status).send(errorBody(`http_${status}`, error.message));
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void reply
    .code(500)
    .send(
      errorBody(
        'internal',
        `Erro interno no servidor. Tente de novo; se persistir, informe o código ${request.id}.`,
      ),
    );
}
