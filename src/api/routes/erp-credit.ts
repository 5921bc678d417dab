/**
 * ERP: the credit platform (Supplier) — credit requests and a customer's credit, the daily reconciliation run now,
 * and the reconciliation records with Conciliar / Excluir conciliação. Bearer token per company.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearerSecurity as security, errorResponses, errorSchema } from '../../contracts/common.js';
import {
  creditAnalysisSchema,
  creditProfileBody,
  creditProfileSchema,
  creditRequestBody,
  customerCreditSchema,
  reconciliationListQuery,
  reconciliationOutcomesSchema,
  reconciliationPageSchema,
  reconciliationRunSchema,
  reconciliationSelectionBody,
} from '../../contracts/credit.js';
import { erpKeyParams } from '../../contracts/erp.js';
import { saveCreditProfile } from '../../services/credit-console.js';
import { customerCredit, requestCredit } from '../../services/credit.js';
import {
  reconcileRecords,
  runReconciliation,
  searchReconciliationRecords,
  undoReconciliation,
} from '../../services/reconciliation.js';
import type { RouteContext } from '../context.js';
import { requireApiToken, tokenOf } from '../plugins/auth.js';

export const erpCreditRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store, platforms }) => {
  app.addHook('preHandler', requireApiToken(store));
  // Per request: the runtime learns its public URL (which relative endpoints resolve against) after listen.
  const deps = () => ({ ...platforms, store });
  const tags = ['ERP — crédito (Supplier)'];

  app.post(
    '/customers/:erpKey/credit-requests',
    {
      schema: {
        tags,
        summary: 'Solicita concessão de crédito ou alteração de limite do cliente à plataforma de crédito',
        description:
          'O limite é só uma sugestão: a plataforma concede o que decidir. Alteração de limite só para cliente com ' +
          'ao menos uma análise aprovada (409 limit_change_not_allowed). Uma falha da plataforma fica registrada ' +
          'na análise (situation failed, reason).',
        security,
        params: erpKeyParams,
        body: creditRequestBody,
        response: { 201: creditAnalysisSchema, ...errorResponses, 409: errorSchema, 422: errorSchema },
      },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      const analysis = await requestCredit(deps(), {
        companyId: token.companyId,
        erpKey: request.params.erpKey,
        actor: token.actor,
        input: request.body,
      });
      return reply.code(201).send(analysis);
    },
  );

  app.put(
    '/customers/:erpKey/credit-profile',
    {
      schema: {
        tags,
        summary: 'Limite de crédito do ERP e vendas dos últimos 12 meses do cliente',
        description:
          'Enviados com toda solicitação de crédito que não os traga. A mesma carga de novo não altera nada ' +
          '(200); a primeira cria (201).',
        security,
        params: erpKeyParams,
        body: creditProfileBody,
        response: { 200: creditProfileSchema, 201: creditProfileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { created, profile } = await saveCreditProfile(store, {
        companyId: tokenOf(request).companyId,
        erpKey: request.params.erpKey,
        input: request.body,
      });
      return reply.code(created ? 201 : 200).send(profile);
    },
  );

  app.get(
    '/customers/:erpKey/credit',
    {
      schema: {
        tags,
        summary:
          'Crédito do cliente: situações, limites aprovado e disponível, faturamento a prazo e análises',
        security,
        params: erpKeyParams,
        response: { 200: customerCreditSchema, ...errorResponses },
      },
    },
    async (request) =>
      customerCredit(deps(), { companyId: tokenOf(request).companyId, erpKey: request.params.erpKey }),
  );

  app.post(
    '/jobs/supplier-reconciliation/run',
    {
      schema: {
        tags,
        summary: 'Executa agora a conciliação diária da empresa do token',
        description:
          'Busca os lançamentos pendentes da plataforma, grava cada um uma vez (pelo entryId) e confirma o ' +
          'recebimento. Repetir, mesmo em paralelo, não duplica registros.',
        security,
        response: { 200: reconciliationRunSchema, ...errorResponses, 422: errorSchema },
      },
    },
    async (request) => {
      const token = tokenOf(request);
      return runReconciliation(deps(), { companyId: token.companyId, actor: token.actor });
    },
  );

  app.get(
    '/reconciliation-records',
    {
      schema: {
        tags,
        summary: 'Registros de conciliação da empresa do token (filtros entryId, eventCode, situation)',
        security,
        querystring: reconciliationListQuery,
        response: { 200: reconciliationPageSchema, ...errorResponses },
      },
    },
    async (request) =>
      searchReconciliationRecords(store, { ...request.query, companyIds: [tokenOf(request).companyId] }),
  );

  for (const [path, run, summary] of [
    ['reconcile', reconcileRecords, 'Conciliar: lança cada registro Não Conciliado no seu Título ERP'],
    ['undo', undoReconciliation, 'Excluir conciliação: estorna os lançamentos da conciliação'],
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
        const token = tokenOf(request);
        return {
          results: await run(store, {
            companyIds: [token.companyId],
            ids: request.body.ids,
            actor: token.actor,
          }),
        };
      },
    );
};
