/**
 * Parceiros/Bancos in the console: the platforms this installation offers (an admin switch each), the
 * integrations of the user's companies, their editor (admins), "Testar conexão" and the webhook URL.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorResponses,
  errorSchema,
  idParams,
  sessionSecurity as security,
} from '../../contracts/common.js';
import {
  connectionCheckSchema,
  integrationBody,
  integrationSchema,
  platformSchema,
  portadorOptionSchema,
} from '../../contracts/integrations.js';
import { platformCodes } from '../../platforms/adapter.js';
import {
  listPlatforms,
  regenerateWebhookToken,
  saveIntegration,
  searchIntegrations,
  integrationPortadores,
  switchPlatform,
  testIntegration,
} from '../../services/integrations.js';
import { assertAdmin, recordScope } from '../../services/scope.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';

const CONFIGURE = 'configuram plataformas e integrações';

export const consoleIntegrationRoutes: FastifyPluginAsyncZod<RouteContext> = async (
  app,
  { store, platforms },
) => {
  app.addHook('preHandler', requireSession(store));
  // Read per request: the runtime fills platforms.publicUrl only once the server listens (port 0 in tests).
  const deps = () => ({ ...platforms, store });
  const writeResponses = { ...errorResponses, 409: errorSchema, 422: errorSchema };

  app.get(
    '/platforms',
    {
      schema: {
        tags: ['Console'],
        summary: 'Plataformas da instalação, com as liberadas (enabled) e o que cada uma faz',
        security,
        response: { 200: z.object({ items: z.array(platformSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: await listPlatforms(store) }),
  );

  app.put(
    '/platforms/:platform',
    {
      schema: {
        tags: ['Console'],
        summary: 'Libera ou bloqueia uma plataforma nesta instalação (administradores)',
        security,
        params: z.object({ platform: z.enum(platformCodes) }),
        body: z.object({ enabled: z.boolean() }).strict(),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      assertAdmin(userOf(request), CONFIGURE);
      await switchPlatform(store, request.params.platform, request.body.enabled);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/integrations',
    {
      schema: {
        tags: ['Console'],
        summary: 'Integrações das empresas do usuário (segredos nunca aparecem: só os nomes configurados)',
        security,
        querystring: z.object({ platform: z.enum(platformCodes).optional() }).strict(),
        response: { 200: z.object({ items: z.array(integrationSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await searchIntegrations(deps(), {
        scope: recordScope(userOf(request)),
        platform: request.query.platform,
      }),
    }),
  );

  app.get(
    '/integrations/portadores',
    {
      schema: {
        tags: ['Console'],
        summary: 'Portadores das empresas do usuário, para escolher o de uma integração',
        security,
        response: { 200: z.object({ items: z.array(portadorOptionSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await integrationPortadores(store, recordScope(userOf(request))) }),
  );

  app.post(
    '/integrations',
    {
      schema: {
        tags: ['Console'],
        summary: 'Cria uma integração (administradores)',
        security,
        body: integrationBody,
        response: { 201: integrationSchema, ...writeResponses },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      assertAdmin(user, CONFIGURE);
      const view = await saveIntegration(deps(), {
        scope: recordScope(user),
        homeCompanyId: user.homeCompanyId,
        actor: user.actor,
        body: request.body,
      });
      return reply.code(201).send(view);
    },
  );

  app.put(
    '/integrations/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Altera uma integração; segredos omitidos continuam os gravados (administradores)',
        security,
        params: idParams('uma integração'),
        body: integrationBody,
        response: { 200: integrationSchema, ...writeResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      assertAdmin(user, CONFIGURE);
      return saveIntegration(deps(), {
        scope: recordScope(user),
        homeCompanyId: user.homeCompanyId,
        actor: user.actor,
        body: request.body,
        id: request.params.id,
      });
    },
  );

  app.post(
    '/integrations/:id/test',
    {
      schema: {
        tags: ['Console'],
        summary: 'Testar conexão: autentica na plataforma e mostra a resposta',
        security,
        params: idParams('uma integração'),
        response: { 200: connectionCheckSchema, ...errorResponses },
      },
    },
    async (request) =>
      testIntegration(deps(), { scope: recordScope(userOf(request)), id: request.params.id }),
  );

  app.post(
    '/integrations/:id/webhook-token',
    {
      schema: {
        tags: ['Console'],
        summary: 'Gera uma nova URL de webhook (a anterior deixa de valer) — administradores',
        security,
        params: idParams('uma integração'),
        response: { 200: integrationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      assertAdmin(user, CONFIGURE);
      return regenerateWebhookToken(deps(), {
        scope: recordScope(user),
        id: request.params.id,
        actor: user.actor,
      });
    },
  );
};
