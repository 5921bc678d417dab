/**
 * The header's bell (notifications of integration failures), the users an integration may notify, the account
 * statement of a portador and the setup wizard's exclusive access.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  companyIdField,
  errorResponses,
  errorSchema,
  idParams,
  sessionSecurity as security,
} from '../../contracts/common.js';
import { statementQuery, statementSchema } from '../../contracts/account-statement.js';
import {
  notifiableUserSchema,
  notificationListSchema,
  notificationReadBody,
  wizardLockSchema,
} from '../../contracts/notifications.js';
import { portadorStatement } from '../../services/account-statement.js';
import { notifiableUsers, notificationsOf, readNotifications } from '../../services/notifications.js';
import { closeWizard, openWizard, wizardLockOf } from '../../services/wizard-lock.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';

const companyQuery = z.object({ companyId: companyIdField });

export const consoleNotificationRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['Console'],
        summary: 'Notificações do usuário (falhas de registro e de processamento), as mais novas primeiro',
        security,
        response: { 200: notificationListSchema, ...errorResponses },
      },
    },
    async (request) => notificationsOf(store, userOf(request)),
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags: ['Console'],
        summary: 'Marca notificações do usuário como lidas (sem ids: todas)',
        security,
        body: notificationReadBody,
        response: { 200: z.object({ marked: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => readNotifications(store, userOf(request), request.body.ids),
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['Console'],
        summary:
          'Usuários que alcançam a empresa (para escolher quem é notificado das falhas de uma integração)',
        security,
        querystring: companyQuery,
        response: { 200: z.object({ items: z.array(notifiableUserSchema) }), ...errorResponses },
      },
    },
    async (request) => notifiableUsers(store, userOf(request), request.query.companyId),
  );

  app.get(
    '/portadores/:id/statement',
    {
      schema: {
        tags: ['Console'],
        summary: 'Extrato da conta do portador: recebimentos e tarifas lançados pela baixa, por dia',
        security,
        params: idParams('portador'),
        querystring: statementQuery,
        response: { 200: statementSchema, ...errorResponses },
      },
    },
    async (request) =>
      portadorStatement(store, userOf(request), { portadorId: request.params.id, ...request.query }),
  );

  app.get(
    '/integrations/wizard-lock',
    {
      schema: {
        tags: ['Console'],
        summary: 'Quem está com o assistente de configuração desta empresa (acesso exclusivo)',
        security,
        querystring: companyQuery,
        response: { 200: z.object({ lock: wizardLockSchema.nullable() }), ...errorResponses },
      },
    },
    async (request) => wizardLockOf(store, userOf(request), request.query.companyId),
  );

  app.post(
    '/integrations/wizard-lock',
    {
      schema: {
        tags: ['Console'],
        summary:
          'Abre (ou renova) o assistente com acesso exclusivo à empresa; 409 nomeia quem o está usando',
        security,
        body: companyQuery,
        response: { 200: wizardLockSchema, ...errorResponses, 409: errorSchema },
      },
    },
    async (request) => openWizard(store, userOf(request), request.body.companyId),
  );

  app.delete(
    '/integrations/wizard-lock',
    {
      schema: {
        tags: ['Console'],
        summary: 'Fecha o assistente e libera o acesso exclusivo',
        security,
        querystring: companyQuery,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await closeWizard(store, userOf(request), request.query.companyId);
      return reply.code(204).send(null);
    },
  );
};
