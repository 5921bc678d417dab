/** ERP customers (contract §7): idempotent upsert by the ERP key, one customer, list. Bearer token per company. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { customerByErpKey, searchCustomers, upsertCustomerByErpKey } from '../../services/customers.js';
import type { RouteContext } from '../context.js';
import { requireApiToken, tokenOf } from '../plugins/auth.js';
import { bearerSecurity as security, errorResponses } from '../schemas/common.js';
import {
  customerPageSchema,
  customerSchema,
  customerUpsertBody,
  erpCustomerListQuery,
} from '../schemas/customers.js';
import { erpKeyParams } from '../schemas/erp.js';
import { erpUpsertRoute } from './erp-upsert.js';

export const erpCustomerRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireApiToken(store));

  erpUpsertRoute(app, store, {
    resource: 'customers',
    summary: 'Inclui ou atualiza um cliente pela chave do ERP (idempotente)',
    description:
      '201 quando criado; 200 quando já existia (igual ou com campos mutáveis atualizados). ' +
      '`document` é imutável: outro valor → 409 immutable_field.',
    body: customerUpsertBody,
    view: customerSchema,
    upsert: async (tx, args) => {
      const { created, customer } = await upsertCustomerByErpKey(tx, args);
      return { created, view: customer };
    },
  });

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
