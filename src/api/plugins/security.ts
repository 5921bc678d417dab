/**
 * Headers and checks every response and request goes through:
 * - a request id (a fresh uuid, answered as `X-Request-Id`) that the request's writes, the jobs it causes and their
 *   communication logs carry (src/store/request-context.ts);
 * - a Content-Security-Policy for the console and /docs (scripts and styles from this origin only; inline style
 *   attributes, which React and Swagger UI use, are allowed; no framing);
 * - `Cache-Control: no-store` on the API, whose answers are per-user data;
 * - an Origin check on console (cookie) writes: a browser always sends Origin (or at least Referer) on a
 *   cross-site POST/PUT/PATCH/DELETE, so one from another site is refused with 403 even if SameSite=Lax let the
 *   cookie through (e.g. an older browser). Clients that send neither (scripts, curl) hold the cookie themselves.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { withRequestId } from '../../store/request-context.js';
import { errorBody } from '../errors.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const newRequestId = () => randomUUID();

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Console routes: /api/… except the ERP's /api/v1/… (bearer tokens, no cookie). */
const isConsoleApi = (url: string) =>
  (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) && !url.startsWith('/api/v1/');

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return 'invalid';
  }
}

/** Whether a console write comes from this service's own pages (or from a client that is no browser). */
export function sameOrigin(request: FastifyRequest, publicUrl?: string): boolean {
  const origin = originOf(request.headers.origin) ?? originOf(request.headers.referer);
  if (origin === null) return true;
  const allowed = [originOf(`${request.protocol}://${request.host}`)];
  if (publicUrl) allowed.push(originOf(publicUrl));
  return allowed.includes(origin);
}

export function registerSecurity(app: FastifyInstance, options: { publicUrl?: () => string }): void {
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (
      WRITE_METHODS.has(request.method) &&
      isConsoleApi(request.url) &&
      !sameOrigin(request, options.publicUrl?.())
    )
      return reply
        .code(403)
        .send(
          errorBody(
            'forbidden_origin',
            'Pedido recusado: a origem (cabeçalho Origin) não é este serviço. Use o console em seu próprio endereço.',
          ),
        );
  });
  // Everything from here to the route's handler runs under the request's id (hooks after this one, the handler,
  // and every promise they start).
  app.addHook('preHandler', (request, _reply, done) => withRequestId(request.id, done));
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    if (request.url.startsWith('/api')) void reply.header('cache-control', 'no-store');
  });
}
