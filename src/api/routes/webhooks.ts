/**
 * Platforms call the integration's webhook URL (`/webhooks/<platform>/<token>`; the token is unguessable and per
 * integration). The body is stored as received and answered at once; a job fetches what it stands for. Efí posts
 * `notification=<token>` form-encoded; JSON bodies are kept as parsed.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../contracts/common.js';
import { receiveWebhook } from '../../services/retornos.js';
import type { RouteContext } from '../context.js';

export const webhookRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/webhooks/:platform/:token',
    {
      schema: {
        tags: ['Webhooks'],
        summary: 'Notificação de uma plataforma (URL exibida na integração, em Parceiros/Bancos)',
        params: z.object({ platform: z.string().max(20), token: z.string().min(16).max(100) }),
        response: { 200: z.object({ received: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      await receiveWebhook(store, { ...request.params, body: request.body ?? null });
      return { received: true as const };
    },
  );
};
