/** ERP API tokens from the console (admins only): list, create (plain token returned once), rotate, revoke. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createToken, listTokens, revokeToken, rotateToken } from '../../services/api-tokens.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';
import {
  apiTokenSchema,
  createApiTokenBody,
  createdApiTokenSchema,
  rotateApiTokenBody,
} from '../../contracts/api-tokens.js';
import {
  companyIdField,
  errorResponses,
  idParams,
  sessionSecurity as security,
} from '../../contracts/common.js';

export const consoleApiTokenRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));

  app.get(
    '/api-tokens',
    {
      schema: {
        tags: ['Console'],
        summary: 'Tokens de API do ERP da empresa (administradores)',
        security,
        querystring: z.object({ companyId: companyIdField }),
        response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listTokens(store, userOf(request), request.query.companyId) }),
  );

  app.post(
    '/api-tokens',
    {
      schema: {
        tags: ['Console'],
        summary: 'Cria um token de API para uma empresa (o token em claro aparece só nesta resposta)',
        security,
        body: createApiTokenBody,
        response: { 201: createdApiTokenSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createToken(store, userOf(request), request.body)),
  );

  app.delete(
    '/api-tokens/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Revoga um token de API (efeito imediato)',
        security,
        params: idParams('um token'),
        response: { 204: z.null().describe('Revogado'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeToken(store, userOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api-tokens/:id/rotate',
    {
      schema: {
        tags: ['Console'],
        summary: 'Troca um token sem interrupção: cria o novo e mantém o antigo válido por graceHours',
        description:
          'Responde o token novo (em claro, só nesta resposta), com o mesmo nome, empresa e escopos. O antigo ' +
          'continua aceito por graceHours (padrão 24) e depois é recusado: troque-o no ERP nesse intervalo.',
        security,
        params: idParams('um token'),
        body: rotateApiTokenBody,
        response: { 201: createdApiTokenSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rotateToken(store, userOf(request), request.params.id, request.body)),
  );
};
