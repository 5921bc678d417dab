/** Retorno in the console: what the platforms sent back, with filters, sorting, paging and totals of the filter. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, sessionSecurity as security } from '../../contracts/common.js';
import { consoleRetornoListQuery, retornoPageSchema } from '../../contracts/retornos.js';
import { retornoPage } from '../../services/retorno-list.js';
import { scopedFilters } from '../../services/scope.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';

export const consoleRetornoRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));

  app.get(
    '/retornos',
    {
      schema: {
        tags: ['Console'],
        summary:
          'Retornos (webhooks, arquivos e consultas) com filtros, ordenação, paginação e totais do filtro',
        security,
        querystring: consoleRetornoListQuery,
        response: { 200: retornoPageSchema, ...errorResponses },
      },
    },
    async (request) => retornoPage(store, scopedFilters(userOf(request), request.query)),
  );
};
