/** Console tab "Logs": the communication log with filters by date range, platform, status and text. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, sessionSecurity as security } from '../../contracts/common.js';
import { logListQuery, logPageSchema } from '../../contracts/logs.js';
import { communicationLogPage } from '../../services/remessa.js';
import { scopedFilters } from '../../services/scope.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';

export const consoleLogRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));

  app.get(
    '/logs',
    {
      schema: {
        tags: ['Console'],
        summary: 'Logs: trocas com as plataformas (mais recentes primeiro), segredos mascarados',
        security,
        querystring: logListQuery,
        response: { 200: logPageSchema, ...errorResponses },
      },
    },
    async (request) => communicationLogPage(store, scopedFilters(userOf(request), request.query)),
  );
};
