/** Comandos de retorno (FCOB0102) in the console: the table per scope, an admin's edit, reprocessing failures. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, errorSchema, sessionSecurity as security } from '../../contracts/common.js';
import { retornoProcessResultSchema } from '../../contracts/retornos.js';
import {
  returnCommandBody,
  returnCommandParams,
  returnCommandQuery,
  returnCommandScopeSchema,
  returnCommandSchema,
  returnCommandTableSchema,
} from '../../contracts/return-commands.js';
import {
  reprocessCode,
  returnCommandsView,
  saveReturnCommandAsAdmin,
} from '../../services/retorno-actions.js';
import { returnCommandScopes } from '../../services/return-commands.js';
import type { RouteContext } from '../context.js';
import { requireSession, userOf } from '../plugins/auth.js';

export const consoleReturnCommandRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));

  app.get(
    '/return-commands/scopes',
    {
      schema: {
        tags: ['Console'],
        summary: 'Tabelas de comandos de retorno: uma por plataforma e uma por banco e layout CNAB',
        security,
        response: { 200: z.object({ items: z.array(returnCommandScopeSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: returnCommandScopes() }),
  );

  app.get(
    '/return-commands',
    {
      schema: {
        tags: ['Console'],
        summary: 'Comandos de retorno de um escopo, com os códigos recebidos ainda sem comando',
        security,
        querystring: returnCommandQuery,
        response: { 200: returnCommandTableSchema, ...errorResponses },
      },
    },
    async (request) => returnCommandsView(store, userOf(request), request.query.scope),
  );

  app.put(
    '/return-commands/:scope/:code',
    {
      schema: {
        tags: ['Console'],
        summary: 'Cadastra ou altera um comando de retorno (administradores)',
        security,
        params: returnCommandParams,
        body: returnCommandBody,
        response: {
          200: returnCommandSchema.omit({ failedCount: true }),
          ...errorResponses,
          422: errorSchema,
        },
      },
    },
    async (request) =>
      saveReturnCommandAsAdmin(store, userOf(request), { ...request.params, ...request.body }),
  );

  app.post(
    '/return-commands/:scope/:code/reprocess',
    {
      schema: {
        tags: ['Console'],
        summary: 'Processa de novo os retornos em Falha com este código (depois de cadastrar o comando)',
        security,
        params: returnCommandParams,
        response: { 200: retornoProcessResultSchema, ...errorResponses },
      },
    },
    async (request) => reprocessCode(store, userOf(request), request.params),
  );
};
