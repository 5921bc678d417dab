/** ERP: its webhook subscription (URL and secret of its company) and the delivery log, with redelivery. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearerSecurity as security, errorResponses, errorSchema, idParams } from '../../contracts/common.js';
import {
  erpDeliveryListQuery,
  webhookDeliveryDetailSchema,
  webhookDeliveryPageSchema,
  webhookDeliverySchema,
  webhookSubscriptionBody,
  webhookSubscriptionSchema,
} from '../../contracts/webhooks.js';
import { deliveryDetail, deliveryPage, redeliver } from '../../services/webhook-deliveries.js';
import { getSubscription, saveSubscription } from '../../services/webhook-subscriptions.js';
import { webhookScheduler } from '../../jobs/webhooks.js';
import type { RouteContext } from '../context.js';
import { requireApiToken, tokenOf } from '../plugins/auth.js';

export const erpWebhookRoutes: FastifyPluginAsyncZod<RouteContext> = async (
  app,
  { store, jobs, platforms },
) => {
  app.addHook('preHandler', requireApiToken(store));
  const schedule = webhookScheduler(jobs);

  app.get(
    '/webhook-subscription',
    {
      schema: {
        tags: ['ERP'],
        summary: 'O webhook do ERP desta empresa (o segredo nunca é devolvido)',
        security,
        response: { 200: webhookSubscriptionSchema, ...errorResponses },
      },
    },
    async (request) => getSubscription(store, tokenOf(request).companyId),
  );

  app.put(
    '/webhook-subscription',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Cadastra ou altera o webhook do ERP desta empresa (URL, segredo, eventos, tentativas)',
        description:
          'Os eventos da empresa do token passam a ser enviados por POST assinado (HMAC-SHA256 de ' +
          '`${timestamp}.${corpo}` com o segredo, em hexadecimal, no cabeçalho X-Finconsole-Signature). Sem ' +
          '`secret` no primeiro cadastro, um segredo é gerado e devolvido só nesta resposta.',
        security,
        body: webhookSubscriptionBody,
        response: { 200: webhookSubscriptionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const token = tokenOf(request);
      return saveSubscription(
        { store, secrets: platforms.secrets },
        { companyId: token.companyId, input: request.body, actor: token.actor },
      );
    },
  );

  app.get(
    '/webhook-deliveries',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Entregas de eventos ao ERP (mais recentes primeiro), com status e última resposta',
        security,
        querystring: erpDeliveryListQuery,
        response: { 200: webhookDeliveryPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { event, ...query } = request.query;
      return deliveryPage(store, {
        ...query,
        ...(event ? { eventName: event } : {}),
        companyIds: [tokenOf(request).companyId],
      });
    },
  );

  app.get(
    '/webhook-deliveries/:id',
    {
      schema: {
        tags: ['ERP'],
        summary:
          'Uma entrega: o corpo enviado e cada tentativa (status HTTP, duração, resposta, próxima tentativa)',
        security,
        params: idParams('uma entrega'),
        response: { 200: webhookDeliveryDetailSchema, ...errorResponses },
      },
    },
    async (request) => deliveryDetail(store, [tokenOf(request).companyId], request.params.id),
  );

  app.post(
    '/webhook-deliveries/:id/redeliver',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Reenvia um evento (nova rodada de tentativas, a primeira agora)',
        security,
        params: idParams('uma entrega'),
        response: { 202: webhookDeliverySchema, ...errorResponses, 409: errorSchema, 422: errorSchema },
      },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      const delivery = await redeliver(
        { store, schedule },
        { deliveryId: request.params.id, companyIds: [token.companyId], actor: token.actor },
      );
      return reply.code(202).send(delivery);
    },
  );
};
