/** Console customers: list (contract §6) and one customer. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerById, searchCustomers } from '../../services/customers.js';
import { scopeFor } from '../../services/scope.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';
import { errorResponses } from '../schemas/common.js';
import { consoleCustomerListQuery, customerPageSchema, customerSchema } from '../schemas/customers.js';

export const consoleCustomerRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));
  const security = [{ sessionCookie: [] }];

  app.get(
    '/customers',
    {
      schema: {
        tags: ['Console'],
        summary: 'Clientes com busca e paginação',
        security,
        querystring: consoleCustomerListQuery,
        response: { 200: customerPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { companyId, ...filters } = request.query;
      return searchCustomers(store, { ...filters, companyIds: scopeFor(userOf(request), companyId) });
    },
  );

  app.get(
    '/customers/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Um cliente com seus estabelecimentos',
        security,
        params: z.object({ id: z.uuid({ error: 'id deve ser o id (uuid) de um cliente' }) }),
        querystring: z.object({ companyId: z.uuid().optional() }),
        response: { 200: customerSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const scope = request.query.companyId
        ? scopeFor(user, request.query.companyId)
        : user.companies.map((c) => c.id);
      return customerById(store, scope, request.params.id);
    },
  );
};
