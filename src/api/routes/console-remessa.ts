/** Console tab "Remessa": the list, a título's remessa history, and the actions on a selection. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  errorResponses,
  errorSchema,
  idParams,
  optionalCompanyQuery,
  sessionSecurity as security,
} from '../../contracts/common.js';
import {
  consoleRemessaListQuery,
  remessaActionBody,
  remessaActionResultSchema,
  remessaHistorySchema,
  remessaPageSchema,
} from '../../contracts/remessa.js';
import { remessaHistory, remessaPage, runRemessaAction } from '../../services/remessa.js';
import { assertCanWrite, recordScope, scopedFilters } from '../../services/scope.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';

export const consoleRemessaRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));

  app.get(
    '/remessas',
    {
      schema: {
        tags: ['Console'],
        summary:
          'Remessa: títulos das integrações (emitidos desde a data de referência), com filtros e totais',
        security,
        querystring: consoleRemessaListQuery,
        response: { 200: remessaPageSchema, ...errorResponses },
      },
    },
    async (request) => remessaPage(store, scopedFilters(userOf(request), request.query)),
  );

  app.get(
    '/remessas/:id/history',
    {
      schema: {
        tags: ['Console'],
        summary: 'Histórico da remessa de um título (id do título)',
        security,
        params: idParams('um título'),
        querystring: optionalCompanyQuery,
        response: { 200: remessaHistorySchema, ...errorResponses },
      },
    },
    async (request) =>
      remessaHistory(store, recordScope(userOf(request), request.query.companyId), request.params.id),
  );

  app.post(
    '/remessas/actions',
    {
      schema: {
        tags: ['Console'],
        summary: 'Enviar/Reenviar, Alterar vencimento, Baixar, Estornar, Reenviar por e-mail (seleção)',
        description:
          'Cada título é tratado à parte: uma recusa (plataforma sem a operação, título não Enviado, vencimento ' +
          'que a plataforma não aceita — Efí: hoje ou antes) volta em results[].message e não impede os demais. ' +
          'As alterações aceitas vão à plataforma por job; o resultado aparece no Histórico.',
        security,
        querystring: optionalCompanyQuery,
        body: remessaActionBody,
        response: { 200: remessaActionResultSchema, ...errorResponses, 422: errorSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      assertCanWrite(user);
      return runRemessaAction(store, {
        scope: recordScope(user, request.query.companyId),
        body: request.body,
        actor: user.actor,
      });
    },
  );
};
