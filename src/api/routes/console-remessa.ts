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
  nearDueQuery,
  remessaActionBody,
  remessaActionResultSchema,
  remessaHistorySchema,
  remessaPageSchema,
} from '../../contracts/remessa.js';
import {
  bulkListSchema,
  bulkPreviewSchema,
  bulkProgressSchema,
  bulkStartBody,
} from '../../contracts/bulk-communication.js';
import {
  bulkCommunication,
  bulkCommunications,
  previewBulk,
  retryBulkFailures,
  startBulk,
} from '../../services/bulk-communication.js';
import { nearDuePage, remessaHistory, remessaPage, runRemessaAction } from '../../services/remessa.js';
import { assertCanWrite, recordScope, scopedFilters, scopeFor } from '../../services/scope.js';
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
    '/remessas/near-due',
    {
      schema: {
        tags: ['Console'],
        summary: 'Aviso: títulos ainda não registrados que vencem em até `days` dias (inclui vencidos)',
        security,
        querystring: nearDueQuery,
        response: { 200: remessaPageSchema, ...errorResponses },
      },
    },
    async (request) => nearDuePage(store, scopedFilters(userOf(request), request.query)),
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

  const bulkIdParams = idParams('uma comunicação em lote');

  app.post(
    '/remessas/bulk/preview',
    {
      schema: {
        tags: ['Console'],
        summary: 'Comunicação em lote: quantos títulos o filtro comunicaria (revisar antes de iniciar)',
        security,
        body: bulkStartBody,
        response: { 200: bulkPreviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const [companyId] = scopeFor(userOf(request), request.body.companyId);
      return previewBulk(store, companyId!, request.body);
    },
  );

  app.post(
    '/remessas/bulk',
    {
      schema: {
        tags: ['Console'],
        summary: 'Comunicação em lote: inicia (em segundo plano) e devolve o progresso',
        description:
          'Enfileira numa transação o registro de cada título do filtro (mesmo job de Enviar). 422 ' +
          'nothing_to_send quando o filtro não tem títulos; no máximo 10.000 por lote.',
        security,
        body: bulkStartBody,
        response: { 201: bulkProgressSchema, ...errorResponses, 422: errorSchema },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      assertCanWrite(user);
      const [companyId] = scopeFor(user, request.body.companyId);
      return reply
        .code(201)
        .send(await startBulk(store, { companyId: companyId!, body: request.body, actor: user.actor }));
    },
  );

  app.get(
    '/remessas/bulk',
    {
      schema: {
        tags: ['Console'],
        summary: 'Comunicações em lote recentes (50), com progresso',
        security,
        querystring: optionalCompanyQuery,
        response: { 200: bulkListSchema, ...errorResponses },
      },
    },
    async (request) => bulkCommunications(store, recordScope(userOf(request), request.query.companyId)),
  );

  app.get(
    '/remessas/bulk/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Progresso de uma comunicação em lote: feitos/total, sucessos, falhas com a mensagem',
        security,
        params: bulkIdParams,
        querystring: optionalCompanyQuery,
        response: { 200: bulkProgressSchema, ...errorResponses },
      },
    },
    async (request) =>
      bulkCommunication(store, recordScope(userOf(request), request.query.companyId), request.params.id),
  );

  app.post(
    '/remessas/bulk/:id/retry-failures',
    {
      schema: {
        tags: ['Console'],
        summary: 'Reenviar falhas: enfileira de novo só os títulos com Falha ou Falha ERP',
        security,
        params: bulkIdParams,
        querystring: optionalCompanyQuery,
        response: { 200: bulkProgressSchema, ...errorResponses, 422: errorSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      assertCanWrite(user);
      return retryBulkFailures(store, {
        scope: recordScope(user, request.query.companyId),
        id: request.params.id,
        actor: user.actor,
      });
    },
  );
};
