/**
 * Console tab "Conciliação" of the credit platform: the records of the user's companies with their filters,
 * Conciliar / Excluir conciliação on a selection, a record's Histórico, and "executar agora" of the daily
 * reconciliation for one company.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  companyIdField,
  errorResponses,
  errorSchema,
  idParams,
  optionalCompanyQuery,
  sessionSecurity as security,
} from '../../contracts/common.js';
import {
  reconciliationListQuery,
  reconciliationOutcomesSchema,
  reconciliationPageSchema,
  reconciliationRecordSchema,
  reconciliationRunSchema,
  reconciliationSelectionBody,
} from '../../contracts/credit.js';
import { historySchema } from '../../contracts/receivables.js';
import {
  reconcileRecords,
  reconciliationRecordHistory,
  runReconciliation,
  searchReconciliationRecords,
  undoReconciliation,
} from '../../services/reconciliation.js';
import { assertCanWrite, recordScope, scopeFor } from '../../services/scope.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';

export const consoleCreditRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store, platforms }) => {
  app.addHook('preHandler', requireSession(store));
  // Per request: the runtime learns its public URL (which relative endpoints resolve against) after listen.
  const deps = () => ({ ...platforms, store });
  const tags = ['Console — crédito (Supplier)'];

  app.get(
    '/reconciliation-records',
    {
      schema: {
        tags,
        summary: 'Conciliação: registros das empresas do usuário (companyId, entryId, eventCode, situation)',
        security,
        querystring: reconciliationListQuery.extend(optionalCompanyQuery.shape),
        response: { 200: reconciliationPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { companyId, ...filters } = request.query;
      return searchReconciliationRecords(store, {
        ...filters,
        companyIds: recordScope(userOf(request), companyId),
      });
    },
  );

  app.get(
    '/reconciliation-records/:id/history',
    {
      schema: {
        tags,
        summary: 'Histórico de um registro de conciliação',
        security,
        params: idParams('um registro de conciliação'),
        response: {
          200: z.object({ record: reconciliationRecordSchema, history: z.array(historySchema) }),
          ...errorResponses,
        },
      },
    },
    async (request) => reconciliationRecordHistory(store, recordScope(userOf(request)), request.params.id),
  );

  for (const [path, run, summary] of [
    ['reconcile', reconcileRecords, 'Conciliar a seleção (só registros Não Conciliado)'],
    ['undo', undoReconciliation, 'Excluir conciliação da seleção'],
  ] as const)
    app.post(
      `/reconciliation-records/${path}`,
      {
        schema: {
          tags,
          summary,
          security,
          body: reconciliationSelectionBody,
          response: { 200: reconciliationOutcomesSchema, ...errorResponses, 422: errorSchema },
        },
      },
      async (request) => {
        const user = userOf(request);
        assertCanWrite(user);
        return {
          results: await run(store, {
            companyIds: recordScope(user),
            ids: request.body.ids,
            actor: user.actor,
          }),
        };
      },
    );

  app.post(
    '/jobs/supplier-reconciliation/run',
    {
      schema: {
        tags,
        summary: 'Executar agora: a conciliação diária da empresa',
        security,
        body: z.object({ companyId: companyIdField }),
        response: { 200: reconciliationRunSchema, ...errorResponses, 422: errorSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      assertCanWrite(user);
      const [companyId] = scopeFor(user, request.body.companyId);
      return runReconciliation(deps(), { companyId: companyId!, actor: user.actor });
    },
  );
};
