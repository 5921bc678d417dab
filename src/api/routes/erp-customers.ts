/** ERP customers (contract §7): idempotent upsert by the ERP key, one customer, list. Bearer token per company. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestHash } from '../../services/canonical.js';
import { customerByErpKey, searchCustomers, upsertCustomerByErpKey } from '../../services/customers.js';
import { runIdempotent } from '../../services/idempotency.js';
import type { RouteContext } from '../context.js';
import { requireApiToken, tokenOf } from '../plugins/auth.js';
import { errorResponses, errorSchema } from '../schemas/common.js';
import {
  customerPageSchema,
  customerSchema,
  customerUpsertBody,
  erpCustomerListQuery,
} from '../schemas/customers.js';
import { erpKeyParams, idempotencyHeaders } from '../schemas/erp.js';

export const erpCustomerRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireApiToken(store));
  const security = [{ bearerAuth: [] }];

  app.put(
    '/customers/:erpKey',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Inclui ou atualiza um cliente pela chave do ERP (idempotente)',
        description:
          '201 quando criado; 200 quando já existia (igual ou com campos mutáveis atualizados). ' +
          '`document` é imutável: outro valor → 409 immutable_field.',
        security,
        params: erpKeyParams,
        headers: idempotencyHeaders,
        body: customerUpsertBody,
        response: {
          200: customerSchema,
          201: customerSchema,
          ...errorResponses,
          409: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      const { erpKey } = request.params;
      const hash = requestHash(`PUT /api/v1/customers/${erpKey}`, request.body);
      const result = await runIdempotent(
        store,
        { companyId: token.companyId, key: request.headers['idempotency-key'], requestHash: hash },
        async (tx) => {
          const outcome = await upsertCustomerByErpKey(tx, {
            companyId: token.companyId,
            erpKey,
            body: request.body,
            actor: token.actor,
            requestHash: hash,
          });
          return { status: outcome.created ? 201 : 200, body: outcome.customer };
        },
      );
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.code(result.status as 200 | 201).send(result.body);
    },
  );

  app.get(
    '/customers/:erpKey',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Um cliente pela chave do ERP',
        security,
        params: erpKeyParams,
        response: { 200: customerSchema, ...errorResponses },
      },
    },
    async (request) => customerByErpKey(store, tokenOf(request).companyId, request.params.erpKey),
  );

  app.get(
    '/customers',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Clientes da empresa do token, com busca e paginação',
        security,
        querystring: erpCustomerListQuery,
        response: { 200: customerPageSchema, ...errorResponses },
      },
    },
    async (request) => searchCustomers(store, { ...request.query, companyIds: [tokenOf(request).companyId] }),
  );
};
