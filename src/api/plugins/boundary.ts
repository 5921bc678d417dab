/**
 * What every request passes before its route's schema: the JSON body parser of json-body.ts, a refusal of the NUL
 * character (U+0000) anywhere in the body, the URL parameters or the path (PostgreSQL cannot store it in text; it
 * would surface as a 500), and, on API routes that declare no URL parameters, a refusal of any. Refusals are 400
 * `validation` with one entry per field, like schema errors. Routes with a querystring schema refuse unknown
 * parameters in the validator (src/api/validation.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../services/errors.js';
import { errorBody, keyName } from '../errors.js';
import { parseJsonBody } from '../json-body.js';

const NUL_MESSAGE = 'contém o caractere nulo (U+0000), que não é aceito';

function nulFields(value: unknown, path: string, found: FieldError[]): FieldError[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ path, message: NUL_MESSAGE });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulFields(item, path ? `${path}.${index}` : String(index), found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${keyName(key)}` : keyName(key);
      if (key.includes('\u0000')) found.push({ path: childPath, message: `nome de campo ${NUL_MESSAGE}` });
      nulFields(child, childPath, found);
    }
  }
  return found;
}

function refuse(reply: FastifyReply, where: string, fields: FieldError[]) {
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  return reply.code(400).send(errorBody('validation', `Dados inválidos (${where}): ${summary}`, fields));
}

/** API routes (console and ERP): their URL parameters are all declared, so an undeclared one is a mistake. */
const isApiRoute = (url: string) => url === '/api' || url.startsWith('/api/');

async function guard(request: FastifyRequest, reply: FastifyReply) {
  const inPath = nulFields(request.params, '', []);
  if (inPath.length > 0) return refuse(reply, 'caminho', inPath);
  const inQuery = nulFields(request.query, '', []);
  if (inQuery.length > 0) return refuse(reply, 'parâmetros da URL', inQuery);
  const inBody = nulFields(request.body, '', []);
  if (inBody.length > 0)
    return refuse(
      reply,
      'corpo',
      inBody.map((f) => ({ ...f, path: f.path || 'body' })),
    );
  const query = request.query as Record<string, unknown> | undefined;
  const route = request.routeOptions;
  if (query && isApiRoute(route.url ?? '') && !route.schema?.querystring) {
    const unknown = Object.keys(query);
    if (unknown.length > 0)
      return refuse(
        reply,
        'parâmetros da URL',
        unknown.map((key) => ({
          path: keyName(key),
          message: 'parâmetro desconhecido: esta rota não aceita parâmetros na URL',
        })),
      );
  }
}

export function guardBoundary(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addHook('preValidation', guard);
}
