/**
 * Request authentication. Console routes use the `fc_session` cookie; ERP routes use `Authorization: Bearer`.
 * Both end in `request.principal`, which the services turn into a company scope (src/services/scope.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  principalFromApiToken,
  principalFromSession,
  SESSION_COOKIE,
  SESSION_TTL_MS,
} from '../../services/auth.js';
import { scopeDenial } from '../../domain/api-scopes.js';
import { ServiceError, unauthorized } from '../../services/errors.js';
import type { Principal, TokenPrincipal, UserPrincipal } from '../../services/scope.js';
import type { Store } from '../../store/connection.js';
import { admitToken } from './limits.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function sessionCookieOptions(request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  };
}

/** preHandler for console routes: a valid session or 401 `unauthorized`. */
export function requireSession(store: Store) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const principal = await principalFromSession(store, request.cookies[SESSION_COOKIE]);
    if (!principal) throw unauthorized();
    request.principal = principal;
    request.log = request.log.child({ actor: principal.actor });
  };
}

/** preHandler for ERP routes: a valid API token (401 `unauthorized`) whose scopes reach the route (403). */
export function requireApiToken(store: Store) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const principal = await principalFromApiToken(store, request.headers.authorization);
    if (!principal) {
      void reply.header('www-authenticate', 'Bearer realm="finconsole"');
      throw unauthorized(
        'Token da API ausente, inválido, revogado ou expirado: envie o cabeçalho Authorization: Bearer <token>.',
      );
    }
    const denial = scopeDenial(principal.scopes, request.method, request.url);
    if (denial)
      throw new ServiceError(403, 'insufficient_scope', `Token sem permissão para esta rota: ${denial}.`);
    await admitToken(request, principal.tokenId);
    request.principal = principal;
    request.log = request.log.child({ actor: principal.actor, companyId: principal.companyId });
  };
}

export function userOf(request: FastifyRequest): UserPrincipal {
  const principal = request.principal;
  if (principal?.kind !== 'user') throw unauthorized();
  return principal;
}

export function tokenOf(request: FastifyRequest): TokenPrincipal {
  const principal = request.principal;
  if (principal?.kind !== 'token') throw unauthorized('Token da API ausente.');
  return principal;
}
