/** Console títulos: list (contract §6), detail with movements and history, edit of mutable fields. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCanWrite, scopeFor } from '../../services/scope.js';
import { patchReceivable, receivableDetail, searchReceivables } from '../../services/receivables.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';
import { errorResponses, errorSchema } from '../schemas/common.js';
import {
  consoleReceivableListQuery,
  receivableDetailSchema,
  receivablePageSchema,
  receivablePatchBody,
  receivableSchema,
} from '../schemas/receivables.js';

const idParams = z.object({ id: z.uuid({ error: 'id deve ser o id (uuid) de um título' }) });
const optionalCompany = z.object({
  companyId: z.uuid({ error: 'companyId deve ser o id (uuid) de uma empresa' }).optional(),
});

export const consoleReceivableRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store, jobs }) => {
  app.addHook('preHandler', requireSession(store));
  const security = [{ sessionCookie: [] }];

  app.get(
    '/receivables',
    {
      schema: {
        tags: ['Console'],
        summary: 'Títulos com filtros, ordenação e paginação',
        security,
        querystring: consoleReceivableListQuery,
        response: { 200: receivablePageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { companyId, ...filters } = request.query;
      return searchReceivables(store, { ...filters, companyIds: scopeFor(userOf(request), companyId) });
    },
  );

  app.get(
    '/receivables/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Um título com movimentos e histórico',
        security,
        params: idParams,
        querystring: optionalCompany,
        response: { 200: receivableDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const scope = request.query.companyId
        ? scopeFor(user, request.query.companyId)
        : user.companies.map((c) => c.id);
      return receivableDetail(store, scope, request.params.id);
    },
  );

  app.patch(
    '/receivables/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Altera vencimento, nota fiscal ou portador de um título (perfis admin e operador)',
        description: 'Título pago, baixado ou cancelado → 409 receivable_closed.',
        security,
        params: idParams,
        querystring: optionalCompany,
        body: receivablePatchBody,
        response: { 200: receivableSchema, ...errorResponses, 409: errorSchema, 422: errorSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      assertCanWrite(user);
      const scope = request.query.companyId
        ? scopeFor(user, request.query.companyId)
        : user.companies.map((c) => c.id);
      return patchReceivable(store, {
        scope,
        id: request.params.id,
        patch: request.body,
        actor: user.actor,
        jobs,
      });
    },
  );
};
