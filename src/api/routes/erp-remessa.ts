/** ERP: the remessa list of the token's company, the Remessa tab's actions, and invoices authorized (real time). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearerSecurity as security, errorResponses, errorSchema } from '../../contracts/common.js';
import {
  erpRemessaListQuery,
  invoiceAuthorizedBody,
  invoiceAuthorizedResultSchema,
  invoiceParams,
  remessaActionBody,
  remessaActionResultSchema,
  remessaPageSchema,
} from '../../contracts/remessa.js';
import { authorizeInvoice } from '../../services/invoices.js';
import { remessaPage, runRemessaAction } from '../../services/remessa.js';
import type { RouteContext } from '../context.js';
import { requireApiToken, tokenOf } from '../plugins/auth.js';

export const erpRemessaRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireApiToken(store));

  app.get(
    '/remessas',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Remessa: títulos das integrações da empresa, com status de registro, filtros e totais',
        security,
        querystring: erpRemessaListQuery,
        response: { 200: remessaPageSchema, ...errorResponses },
      },
    },
    async (request) => remessaPage(store, { ...request.query, companyIds: [tokenOf(request).companyId] }),
  );

  app.post(
    '/remessas/actions',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Ações de remessa sobre títulos (ids): send, changeDueDate, writeOff, reverse, resendEmail',
        security,
        body: remessaActionBody,
        response: { 200: remessaActionResultSchema, ...errorResponses, 422: errorSchema },
      },
    },
    async (request) => {
      const token = tokenOf(request);
      return runRemessaAction(store, { scope: [token.companyId], body: request.body, actor: token.actor });
    },
  );

  app.post(
    '/invoices/:number/authorized',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Nota fiscal autorizada: registra em tempo real os seus títulos',
        description:
          'Os títulos cuja integração tem Registro em tempo real são enfileirados na hora (queued: true); os ' +
          'demais dizem o motivo em message. Repetir a chamada nunca registra duas vezes. Título inexistente → ' +
          '422 reference_not_found; nota sem títulos → 404.',
        security,
        params: invoiceParams,
        body: invoiceAuthorizedBody.optional(),
        response: { 202: invoiceAuthorizedResultSchema, ...errorResponses, 422: errorSchema },
      },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      const result = await authorizeInvoice(store, {
        companyId: token.companyId,
        invoiceNumber: request.params.number,
        ...(request.body?.receivableErpKeys ? { erpKeys: request.body.receivableErpKeys } : {}),
        actor: token.actor,
      });
      return reply.code(202).send(result);
    },
  );
};
