/**
 * Console "Webhooks do ERP": each company's subscription (admins; the secret is write-only) and the delivery log
 * with manual redelivery (operators and admins).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  companyIdField,
  errorResponses,
  errorSchema,
  idParams,
  optionalCompanyQuery,
  sessionSecurity as security,
} from '../../contracts/common.js';
import {
  consoleDeliveryListQuery,
  webhookDeliveryDetailSchema,
  webhookDeliveryPageSchema,
  webhookDeliverySchema,
  webhookSubscriptionBody,
  webhookSubscriptionSchema,
} from '../../contracts/webhooks.js';
import { assertCanWrite, recordScope, scopedFilters } from '../../services/scope.js';
import { deliveryDetail, deliveryPage, redeliver } from '../../services/webhook-deliveries.js';
import { listSubscriptionsOf, saveSubscriptionAsUser } from '../../services/webhook-subscriptions.js';
import { webhookScheduler } from '../../jobs/webhooks.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';

export const consoleWebhookRoutes: FastifyPluginAsyncZod<RouteContext> = async (
  app,
  { store, jobs, platforms },
) => {
  app.addHook('preHandler', requireSession(store));
  const schedule = webhookScheduler(jobs);

  app.get(
    '/webhook-subscriptions',
    {
      schema: {
        tags: ['Console'],
        summary: 'Webhooks do ERP das empresas ao alcance (administradores; o segredo nunca é devolvido)',
        security,
        querystring: z.object({ companyId: companyIdField }),
        response: { 200: z.object({ items: z.array(webhookSubscriptionSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await listSubscriptionsOf(store, userOf(request), request.query.companyId),
    }),
  );

  app.put(
    '/webhook-subscriptions/:companyId',
    {
      schema: {
        tags: ['Console'],
        summary: 'Cadastra ou altera o webhook do ERP de uma empresa (administradores)',
        security,
        params: z.object({ companyId: companyIdField }),
        body: webhookSubscriptionBody,
        response: { 200: webhookSubscriptionSchema, ...errorResponses },
      },
    },
    async (request) =>
      saveSubscriptionAsUser(
        { store, secrets: platforms.secrets },
        userOf(request),
        request.params.companyId,
        request.body,
      ),
  );

  app.get(
    '/webhook-deliveries',
    {
      schema: {
        tags: ['Console'],
        summary: 'Entregas de eventos ao ERP (mais recentes primeiro)',
        security,
        querystring: consoleDeliveryListQuery,
        response: { 200: webhookDeliveryPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { event, ...filters } = scopedFilters(userOf(request), request.query);
      return deliveryPage(store, { ...filters, ...(event ? { eventName: event } : {}) });
    },
  );

  app.get(
    '/webhook-deliveries/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Uma entrega ao ERP: o corpo enviado e cada tentativa',
        security,
        params: idParams('uma entrega'),
        querystring: optionalCompanyQuery,
        response: { 200: webhookDeliveryDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      deliveryDetail(store, recordScope(userOf(request), request.query.companyId), request.params.id),
  );

  app.post(
    '/webhook-deliveries/:id/redeliver',
    {
      schema: {
        tags: ['Console'],
        summary: 'Reenvia um evento ao ERP (nova rodada de tentativas, a primeira agora)',
        security,
        params: idParams('uma entrega'),
        response: { 202: webhookDeliverySchema, ...errorResponses, 409: errorSchema, 422: errorSchema },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      assertCanWrite(user);
      const delivery = await redeliver(
        { store, schedule },
        { deliveryId: request.params.id, companyIds: recordScope(user), actor: user.actor },
      );
      return reply.code(202).send(delivery);
    },
  );
};
