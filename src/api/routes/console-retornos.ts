/** Retorno in the console: what the platforms sent back, with filters, sorting, paging and totals of the filter. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams, sessionSecurity as security } from '../../contracts/common.js';
import {
  consoleRetornoListQuery,
  retornoHistorySchema,
  retornoPageSchema,
  retornoProcessBody,
  retornoProcessResultSchema,
} from '../../contracts/retornos.js';
import { processSelected, retornoHistory } from '../../services/retorno-actions.js';
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

  app.post(
    '/retornos/process',
    {
      schema: {
        tags: ['Console'],
        summary:
          'Processar: processa os retornos selecionados pelos comandos de retorno (o mesmo que o job faz)',
        security,
        body: retornoProcessBody,
        response: { 200: retornoProcessResultSchema, ...errorResponses },
      },
    },
    async (request) => processSelected(store, userOf(request), request.body),
  );

  app.get(
    '/retornos/:id/history',
    {
      schema: {
        tags: ['Console'],
        summary: 'Histórico: dados do título, todos os eventos retornados para ele e o motivo de cada falha',
        security,
        params: idParams('retorno'),
        response: { 200: retornoHistorySchema, ...errorResponses },
      },
    },
    async (request) => retornoHistory(store, userOf(request), request.params.id),
  );
};
