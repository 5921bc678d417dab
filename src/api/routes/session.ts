/** Console session: `POST /api/session` (login), `GET /api/session`, `DELETE /api/session` (logout). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { login, logout, SESSION_COOKIE, sessionView } from '../../services/auth.js';
import { recordLoginFailure } from '../../services/audit.js';
import { ServiceError } from '../../services/errors.js';
import { LoginThrottle } from '../../services/login-throttle.js';
import type { RouteContext } from '../context.js';
import { requireSession, sessionCookieOptions, userOf } from '../plugins/auth.js';
import { errorSchema, sessionSecurity } from '../../contracts/common.js';
import { loginBody, sessionSchema } from '../../contracts/session.js';

export const sessionRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  const throttle = new LoginThrottle(store);

  app.post(
    '/session',
    {
      schema: {
        tags: ['Console'],
        summary: 'Entrar (e-mail e senha); define o cookie fc_session',
        body: loginBody,
        response: { 200: sessionSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      await throttle.check(email, request.ip);
      let opened: Awaited<ReturnType<typeof login>>;
      try {
        opened = await login(store, email, password);
      } catch (error) {
        if (error instanceof ServiceError && error.code === 'invalid_credentials') {
          const failures = await throttle.fail(email, request.ip);
          if (throttle.repeated(failures))
            request.log.warn({ failures, address: request.ip }, 'login: falhas repetidas para uma conta');
          await recordLoginFailure(store, { email, requestId: request.id, address: request.ip, failures });
        }
        throw error;
      }
      await throttle.succeed(email);
      const { token, principal } = opened;
      // The audit hook (src/api/plugins/audit.ts) records the login under the user who just entered.
      request.principal = principal;
      void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request));
      return sessionView(principal);
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags: ['Console'],
        summary: 'Sessão atual',
        security: sessionSecurity,
        response: { 200: sessionSchema, 401: errorSchema },
      },
      preHandler: requireSession(store),
    },
    async (request) => sessionView(userOf(request)),
  );

  app.delete(
    '/session',
    {
      schema: {
        tags: ['Console'],
        summary: 'Sair (apaga a sessão e o cookie)',
        response: { 204: z.null().describe('Sessão encerrada') },
      },
    },
    async (request, reply) => {
      await logout(store, request.cookies[SESSION_COOKIE]);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
};
