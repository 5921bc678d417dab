/** Console títulos as CSV (the list's filters and order, every page), streamed as it is read. */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consoleReceivableExportQuery } from '../../contracts/console-receivables.js';
import { todayInSaoPaulo } from '../../domain/dates.js';
import { receivablesCsv } from '../../services/receivable-lists.js';
import { scopedFilters } from '../../services/scope.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';
import { errorResponses, sessionSecurity as security } from '../../contracts/common.js';

export const consoleReceivableExportRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));

  app.get(
    '/receivables/export.csv',
    {
      schema: {
        tags: ['Console'],
        summary: 'Títulos do filtro em CSV (separador ";", vírgula decimal, UTF-8 com BOM)',
        security,
        querystring: consoleReceivableExportQuery,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { page: _page, pageSize: _pageSize, ...query } = request.query;
      const filters = scopedFilters(userOf(request), query);
      return (
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="titulos-${todayInSaoPaulo()}.csv"`)
          // The 200 schema documents the body; Fastify pipes a stream as it is, unserialized.
          .send(Readable.from(receivablesCsv(store, filters)) as unknown as string)
      );
    },
  );
};
