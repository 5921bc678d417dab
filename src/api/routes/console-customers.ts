/** Console customers: list (contract §6) and one customer. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { customerById, searchCustomers } from '../../services/customers.js';
import { recordScope, scopedFilters } from '../../services/scope.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';
import {
  errorResponses,
  idParams,
  optionalCompanyQuery,
  sessionSecurity as security,
} from '../../contracts/common.js';
import { consoleCustomerListQuery, customerPageSchema, customerSchema } from '../../contracts/customers.js';

export const consoleCustomerRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));

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
    async (request) => searchCustomers(store, scopedFilters(userOf(request), request.query)),
  );

  app.get(
    '/customers/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Um cliente com seus estabelecimentos',
        security,
        params: idParams('um cliente'),
        querystring: optionalCompanyQuery,
        response: { 200: customerSchema, ...errorResponses },
      },
    },
    async (request) =>
      customerById(store, recordScope(userOf(request), request.query.companyId), request.params.id),
  );
};
