/**
 * Console títulos: list (contract §6), detail with movements, history and boleto, the boleto's 2ª via in PDF, edit of
 * mutable fields.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boletoDocumentSchema, renderBoletoPdf } from '../../pdf/index.js';
import { receivableBoletoPrint } from '../../services/receivable-boleto.js';
import { consoleReceivablePageSchema } from '../../contracts/console-receivables.js';
import { consoleReceivablePage } from '../../services/receivable-lists.js';
import { patchReceivable, receivableDetail } from '../../services/receivables.js';
import { assertCanWrite, recordScope, scopedFilters } from '../../services/scope.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';
import {
  errorResponses,
  errorSchema,
  idParams,
  optionalCompanyQuery,
  sessionSecurity as security,
} from '../../contracts/common.js';
import {
  consoleReceivableListQuery,
  receivableDetailSchema,
  receivablePatchBody,
  receivableSchema,
} from '../../contracts/receivables.js';

const receivableIdParams = idParams('um título');

export const consoleReceivableRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));

  app.get(
    '/receivables',
    {
      schema: {
        tags: ['Console'],
        summary: 'Títulos com filtros, ordenação, paginação e totais do filtro',
        security,
        querystring: consoleReceivableListQuery,
        response: { 200: consoleReceivablePageSchema, ...errorResponses },
      },
    },
    async (request) => consoleReceivablePage(store, scopedFilters(userOf(request), request.query)),
  );

  app.get(
    '/receivables/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Um título com movimentos e histórico',
        security,
        params: receivableIdParams,
        querystring: optionalCompanyQuery,
        response: { 200: receivableDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      receivableDetail(store, recordScope(userOf(request), request.query.companyId), request.params.id),
  );

  app.get(
    '/receivables/:id/boleto.pdf',
    {
      schema: {
        tags: ['Console'],
        summary: '2ª via do boleto de um título em PDF (com o QR PIX no boleto híbrido)',
        description:
          'Para títulos com portador de banco (carteira/convênio) ainda sem boleto da plataforma; 422 no_boleto ' +
          'quando não há (sem portador de banco, título pago, baixado ou cancelado, boleto da plataforma).',
        security,
        params: receivableIdParams,
        querystring: optionalCompanyQuery,
        produces: ['application/pdf'],
        response: { 200: z.string().describe('PDF'), ...errorResponses, 422: errorSchema },
      },
    },
    async (request, reply) => {
      const print = await receivableBoletoPrint(
        store.db,
        recordScope(userOf(request), request.query.companyId),
        request.params.id,
      );
      const pdf = await renderBoletoPdf([boletoDocumentSchema.parse(print)]);
      const name = `boleto-${print.documentNumber.replace(/[^\w-]+/g, '-')}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(pdf as unknown as string);
    },
  );

  app.patch(
    '/receivables/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Altera vencimento, nota fiscal ou portador de um título (perfis admin e operador)',
        description: 'Título pago, baixado ou cancelado → 409 receivable_closed.',
        security,
        params: receivableIdParams,
        querystring: optionalCompanyQuery,
        body: receivablePatchBody,
        response: { 200: receivableSchema, ...errorResponses, 409: errorSchema, 422: errorSchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      assertCanWrite(user);
      return patchReceivable(store, {
        scope: recordScope(user, request.query.companyId),
        id: request.params.id,
        patch: request.body,
        actor: user.actor,
      });
    },
  );
};
