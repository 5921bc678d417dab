/** ERP: the remessa list of the token's company and the same actions as the console's Remessa tab. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearerSecurity as security, errorResponses, errorSchema } from '../../contracts/common.js';
import {
  erpRemessaListQuery,
  remessaActionBody,
  remessaActionResultSchema,
  remessaPageSchema,
} from '../../contracts/remessa.js';
import { remessaPage, runRemessaAction } from '../../services/remessa.js';
import type { RouteContext } from '../context.js';
import { requireApiToken, tokenOf } from '../plugins/auth.js';

export const erpRemessaRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireApiToken(store));

  app.get(
    '/remessas',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Remessa: títulos das integrações da empresa, com status de registro, filtros e totais',
        security,
        querystring: erpRemessaListQuery,
        response: { 200: remessaPageSchema, ...errorResponses },
      },
    },
    async (request) => remessaPage(store, { ...request.query, companyIds: [tokenOf(request).companyId] }),
  );

  app.post(
    '/remessas/actions',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Ações de remessa sobre títulos (ids): send, changeDueDate, writeOff, reverse, resendEmail',
        security,
        body: remessaActionBody,
        response: { 200: remessaActionResultSchema, ...errorResponses, 422: errorSchema },
      },
    },
    async (request) => {
      const token = tokenOf(request);
      return runRemessaAction(store, { scope: [token.companyId], body: request.body, actor: token.actor });
    },
  );
};
