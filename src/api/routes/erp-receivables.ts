/** ERP títulos (contract §7): idempotent upsert by the ERP key, one título, list. Bearer token per company. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  erpReceivableByKey,
  searchErpReceivables,
  upsertReceivableByErpKey,
} from '../../services/receivables.js';
import type { RouteContext } from '../context.js';
import { requireApiToken, tokenOf } from '../plugins/auth.js';
import { bearerSecurity as security, errorResponses } from '../schemas/common.js';
import { erpKeyParams } from '../schemas/erp.js';
import {
  erpReceivableListQuery,
  erpReceivablePageSchema,
  erpReceivableSchema,
  receivableUpsertBody,
} from '../schemas/receivables.js';
import { erpUpsertRoute } from './erp-upsert.js';

export const erpReceivableRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store, jobs }) => {
  app.addHook('preHandler', requireApiToken(store));

  erpUpsertRoute(app, store, {
    resource: 'receivables',
    summary: 'Inclui ou atualiza um título pela chave do ERP (idempotente)',
    description:
      '201 quando criado; 200 quando já existia. Imutáveis: customerErpKey, document, number, installment, ' +
      'issueDate, amountCents (outro valor → 409 immutable_field). Mutáveis: dueDate, openAmountCents ' +
      '(gera movimento de ajuste), invoiceNumber, portadorId, establishmentErpKey.',
    body: receivableUpsertBody,
    view: erpReceivableSchema,
    upsert: async (tx, args) => {
      const { created, receivable } = await upsertReceivableByErpKey(tx, { ...args, jobs });
      return { created, view: receivable };
    },
  });

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
