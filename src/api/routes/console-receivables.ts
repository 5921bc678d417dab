/** Console títulos: list (contract §6), detail with movements and history, edit of mutable fields. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consoleReceivablePageSchema } from '../../contracts/console-receivables.js';
import { consoleReceivablePage } from '../../services/receivable-lists.js';
import { patchReceivable, receivableDetail } from '../../services/receivables.js';
import { assertCanWrite, recordScope, scopedFilters } from '../../services/scope.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';
import {
  errorResponses,
  errorSchema,
  idParams,
  optionalCompanyQuery,
  sessionSecurity as security,
} from '../../contracts/common.js';
import {
  consoleReceivableListQuery,
  receivableDetailSchema,
  receivablePatchBody,
  receivableSchema,
} from '../../contracts/receivables.js';

const receivableIdParams = idParams('um título');

export const consoleReceivableRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));

  app.get(
    '/receivables',
    {
      schema: {
        tags: ['Console'],
        summary: 'Títulos com filtros, ordenação, paginação e totais do filtro',
        security,
        querystring: consoleReceivableListQuery,
        response: { 200: consoleReceivablePageSchema, ...errorResponses },
      },
    },
    async (request) => consoleReceivablePage(store, scopedFilters(userOf(request), request.query)),
  );

  app.get(
    '/receivables/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Um título com movimentos e histórico',
        security,
        params: receivableIdParams,
        querystring: optionalCompanyQuery,
        response: { 200: receivableDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      receivableDetail(store, recordScope(userOf(request), request.query.companyId), request.params.id),
  );

  app.patch(
    '/receivables/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Altera vencimento, nota fiscal ou portador de um título (perfis admin e operador)',
        description: 'Título pago, baixado ou cancelado → 409 receivable_closed.',
        security,
        params: receivableIdParams,
        querystring: optionalCompanyQuery,
        body: receivablePatchBody,
        response: { 200: receivableSchema, ...errorResponses, 409: errorSchema, 422: errorSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      assertCanWrite(user);
      return patchReceivable(store, {
        scope: recordScope(user, request.query.companyId),
        id: request.params.id,
        patch: request.body,
        actor: user.actor,
      });
    },
  );
};
