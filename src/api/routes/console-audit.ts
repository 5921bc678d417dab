/** Console "Auditoria" (admins): the audit log of user actions, newest first, with what each changed. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditListQuery, auditPageSchema } from '../../contracts/audit.js';
import { errorResponses, sessionSecurity as security } from '../../contracts/common.js';
import { auditPage } from '../../services/audit.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';

export const consoleAuditRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));

  app.get(
    '/audit',
    {
      schema: {
        tags: ['Console'],
        summary: 'Auditoria: ações dos usuários e tokens (quem, quando, empresa, o quê, antes/depois)',
        description:
          'Somente administradores. Cada escrita (console ou ERP) e cada tentativa de entrada sem sucesso ' +
          'aparece aqui; os registros não podem ser alterados nem apagados.',
        security,
        querystring: auditListQuery,
        response: { 200: auditPageSchema, ...errorResponses },
      },
    },
    async (request) => auditPage(store, userOf(request), request.query),
  );
};
