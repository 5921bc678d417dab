/** ERP títulos (contract §7): idempotent upsert by the ERP key, one título, list. Bearer token per company. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestHash } from '../../services/canonical.js';
import { runIdempotent } from '../../services/idempotency.js';
import {
  erpReceivableByKey,
  searchErpReceivables,
  upsertReceivableByErpKey,
} from '../../services/receivables.js';
import type { RouteContext } from '../context.js';
import { requireApiToken, tokenOf } from '../plugins/auth.js';
import { errorResponses, errorSchema } from '../schemas/common.js';
import { erpKeyParams, idempotencyHeaders } from '../schemas/erp.js';
import {
  erpReceivableListQuery,
  erpReceivablePageSchema,
  erpReceivableSchema,
  receivableUpsertBody,
} from '../schemas/receivables.js';

export const erpReceivableRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store, jobs }) => {
  app.addHook('preHandler', requireApiToken(store));
  const security = [{ bearerAuth: [] }];

  app.put(
    '/receivables/:erpKey',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Inclui ou atualiza um título pela chave do ERP (idempotente)',
        description:
          '201 quando criado; 200 quando já existia. Imutáveis: customerErpKey, document, number, installment, ' +
          'issueDate, amountCents (outro valor → 409 immutable_field). Mutáveis: dueDate, openAmountCents ' +
          '(gera movimento de ajuste), invoiceNumber, portadorId, establishmentErpKey.',
        security,
        params: erpKeyParams,
        headers: idempotencyHeaders,
        body: receivableUpsertBody,
        response: {
          200: erpReceivableSchema,
          201: erpReceivableSchema,
          ...errorResponses,
          409: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      const { erpKey } = request.params;
      const hash = requestHash(`PUT /api/v1/receivables/${erpKey}`, request.body);
      const result = await runIdempotent(
        store,
        { companyId: token.companyId, key: request.headers['idempotency-key'], requestHash: hash },
        async (tx) => {
          const outcome = await upsertReceivableByErpKey(tx, {
            companyId: token.companyId,
            erpKey,
            body: request.body,
            actor: token.actor,
            requestHash: hash,
            jobs,
          });
          return { status: outcome.created ? 201 : 200, body: outcome.receivable };
        },
      );
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.code(result.status as 200 | 201).send(result.body);
    },
  );

  app.get(
    '/receivables/:erpKey',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Um título pela chave do ERP',
        security,
        params: erpKeyParams,
        response: { 200: erpReceivableSchema, ...errorResponses },
      },
    },
    async (request) => erpReceivableByKey(store, tokenOf(request).companyId, request.params.erpKey),
  );

  app.get(
    '/receivables',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Títulos da empresa do token (mesmos filtros do console)',
        security,
        querystring: erpReceivableListQuery,
        response: { 200: erpReceivablePageSchema, ...errorResponses },
      },
    },
    async (request) => searchErpReceivables(store, tokenOf(request).companyId, request.query),
  );
};
