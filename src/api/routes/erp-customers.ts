/** ERP customers (contract §7): idempotent upsert by the ERP key, one customer, list. Bearer token per company. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { customerByErpKey, searchCustomers, upsertCustomerByErpKey } from '../../services/customers.js';
import type { RouteContext } from '../context.js';
import { requireApiToken } from '../plugins/auth.js';
import {
  customerPageSchema,
  customerSchema,
  customerUpsertBody,
  erpCustomerListQuery,
} from '../../contracts/customers.js';
import { erpResourceRoutes } from './erp-resource.js';

export const erpCustomerRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireApiToken(store));

  erpResourceRoutes(app, store, {
    resource: 'customers',
    view: customerSchema,
    upsert: {
      summary: 'Inclui ou atualiza um cliente pela chave do ERP (idempotente)',
      description:
        '201 quando criado; 200 quando já existia (igual ou com campos mutáveis atualizados). ' +
        '`document` é imutável: outro valor → 409 immutable_field.',
      body: customerUpsertBody,
      run: async (tx, args) => {
        const { created, customer } = await upsertCustomerByErpKey(tx, args);
        return { created, view: customer };
      },
    },
    batch: {
      summary:
        'Inclui ou atualiza até 1.000 clientes numa requisição (carga inicial e sincronização noturna)',
      example: {
        items: [
          { erpKey: 'CLI-000123', name: 'Comercial Exemplo Ltda.', document: '11222333000181' },
          { erpKey: 'CLI-000124', name: 'Maria da Silva', document: '52998224725' },
        ],
      },
    },
    get: {
      summary: 'Um cliente pela chave do ERP',
      run: (companyId, erpKey) => customerByErpKey(store, companyId, erpKey),
    },
    list: {
      summary: 'Clientes da empresa do token, com busca e paginação',
      query: erpCustomerListQuery,
      page: customerPageSchema,
      run: (companyId, query) => searchCustomers(store, { ...query, companyIds: [companyId] }),
    },
  });
};
