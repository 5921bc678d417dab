/**
 * Console tabs "Crédito de Clientes" (the customers on the platform, Adicionar clientes, Alteração de limite,
 * Histórico) and "Conciliação" of the credit platform: the records of the user's companies with their filters,
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
  consoleCreditRequestBody,
  creditAnalysisSchema,
  creditCandidatesQuery,
  creditCandidatesSchema,
  creditCustomerListQuery,
  creditCustomerPageSchema,
  creditHistorySchema,
  creditRequestOutcomesSchema,
  limitChangeBody,
  platformJobParams,
  platformJobRunBody,
  platformJobRunSchema,
  platformJobSchema,
  reconciliationListQuery,
  reconciliationOutcomesSchema,
  reconciliationPageSchema,
  reconciliationRecordSchema,
  reconciliationRunSchema,
  reconciliationSelectionBody,
} from '../../contracts/credit.js';
import { historySchema } from '../../contracts/receivables.js';
import {
  creditCandidates,
  customerCreditHistory,
  requestCreditForCustomers,
  requestLimitChange,
  searchCreditCustomers,
} from '../../services/credit-console.js';
import {
  reconcileRecords,
  reconciliationRecordHistory,
  runReconciliation,
  searchReconciliationRecords,
  undoReconciliation,
} from '../../services/reconciliation.js';
import { platformJobsOf, runPlatformJobNow } from '../../services/platform-jobs.js';
import { assertCanWrite, recordScope, scopeFor } from '../../services/scope.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';

export const consoleCreditRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store, platforms }) => {
  app.addHook('preHandler', requireSession(store));
  // Per request: the runtime learns its public URL (which relative endpoints resolve against) after listen.
  const deps = () => ({ ...platforms, store });
  const tags = ['Console — crédito (Supplier)'];

  app.get(
    '/credit-customers',
    {
      schema: {
        tags,
        summary:
          'Crédito de Clientes: clientes na plataforma de crédito (q, customerSituation, creditSituation)',
        security,
        querystring: creditCustomerListQuery.extend(optionalCompanyQuery.shape),
        response: { 200: creditCustomerPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { companyId, ...filters } = request.query;
      return searchCreditCustomers(store, { ...filters, companyIds: scopeFor(userOf(request), companyId) });
    },
  );

  app.get(
    '/credit-customers/candidates',
    {
      schema: {
        tags,
        summary: 'Adicionar clientes: clientes da empresa por nome/código (q) ou por códigos (codes)',
        security,
        querystring: creditCandidatesQuery,
        response: { 200: creditCandidatesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { companyId, q, codes } = request.query;
      return creditCandidates(store, { companyIds: scopeFor(userOf(request), companyId), q, codes });
    },
  );

  app.post(
    '/credit-customers/requests',
    {
      schema: {
        tags,
        summary: 'Adicionar clientes: solicita crédito à plataforma para cada cliente escolhido',
        security,
        body: consoleCreditRequestBody,
        response: { 200: creditRequestOutcomesSchema, ...errorResponses, 422: errorSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      assertCanWrite(user);
      const { companyId, ...input } = request.body;
      return {
        results: await requestCreditForCustomers(deps(), {
          ...input,
          companyIds: scopeFor(user, companyId),
          actor: user.actor,
        }),
      };
    },
  );

  app.post(
    '/credit-customers/:id/limit-change',
    {
      schema: {
        tags,
        summary: 'Solicitação de Alteração de Limite (só com ao menos uma análise aprovada)',
        security,
        params: idParams('um cliente'),
        body: limitChangeBody,
        response: { 201: creditAnalysisSchema, ...errorResponses, 409: errorSchema, 422: errorSchema },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      assertCanWrite(user);
      const analysis = await requestLimitChange(deps(), {
        companyIds: recordScope(user),
        customerId: request.params.id,
        suggestedLimitCents: request.body.suggestedLimitCents,
        actor: user.actor,
      });
      return reply.code(201).send(analysis);
    },
  );

  app.get(
    '/credit-customers/:id/history',
    {
      schema: {
        tags,
        summary: 'Histórico de crédito do cliente: situações de crédito, situações do cliente e mensagens',
        security,
        params: idParams('um cliente'),
        response: { 200: creditHistorySchema, ...errorResponses },
      },
    },
    async (request) =>
      customerCreditHistory(deps(), {
        companyIds: recordScope(userOf(request)),
        customerId: request.params.id,
      }),
  );

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

  app.get(
    '/platform-jobs',
    {
      schema: {
        tags,
        summary: 'Rotinas da plataforma de crédito: agenda, última execução e resultado',
        security,
        querystring: optionalCompanyQuery,
        response: { 200: z.object({ items: z.array(platformJobSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await platformJobsOf(store, scopeFor(userOf(request), request.query.companyId)),
    }),
  );

  app.post(
    '/platform-jobs/:job/run',
    {
      schema: {
        tags,
        summary: 'Executar agora uma rotina da plataforma de crédito (uma execução por vez)',
        security,
        params: platformJobParams,
        body: platformJobRunBody,
        response: { 200: platformJobRunSchema, ...errorResponses, 422: errorSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      assertCanWrite(user);
      const [companyId] = scopeFor(user, request.body.companyId);
      return runPlatformJobNow(deps(), { companyId: companyId!, job: request.params.job, actor: user.actor });
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
