/** ERP: register a título with its platform (202; repeated calls never register twice) and read its ledger. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearerSecurity as security, errorResponses, errorSchema } from '../../contracts/common.js';
import { erpKeyParams } from '../../contracts/erp.js';
import { movementListSchema, registrationRequestSchema } from '../../contracts/registration.js';
import { receivableMovementsByErpKey } from '../../services/receivables.js';
import { requestRegistration } from '../../services/registration.js';
import type { RouteContext } from '../context.js';
import { requireApiToken, tokenOf } from '../plugins/auth.js';

export const erpRegistrationRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireApiToken(store));

  app.post(
    '/receivables/:erpKey/register',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Registra o título na plataforma do seu portador (assíncrono)',
        description:
          '202: o registro foi enfileirado (queued: true) ou já estava enfileirado, enviado ou pago (queued: false). ' +
          'Repetir a chamada, mesmo em paralelo, nunca registra duas vezes. Acompanhe por GET /api/v1/receivables/:erpKey ' +
          '(registration.status) ou pelo webhook titulo.registered / titulo.registration_failed. ' +
          '422 not_registrable: o título não tem portador com integração ativa ou foi emitido antes da data de referência.',
        security,
        params: erpKeyParams,
        response: { 202: registrationRequestSchema, ...errorResponses, 422: errorSchema },
      },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      const result = await requestRegistration(store, {
        companyIds: [token.companyId],
        erpKey: request.params.erpKey,
        actor: token.actor,
      });
      return reply.code(202).send(result);
    },
  );

  app.get(
    '/receivables/:erpKey/movements',
    {
      schema: {
        tags: ['ERP'],
        summary:
          'Movimentos do título (razão): inclusão, pagamento, juros, multa, desconto, tarifa, baixa, estorno…',
        security,
        params: erpKeyParams,
        response: { 200: movementListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await receivableMovementsByErpKey(store, tokenOf(request).companyId, request.params.erpKey),
    }),
  );
};
