/** Console bank accounts and portadores ("Contas e portadores"): list, create and edit, within the user's companies. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bankAccountRegister,
  createFromConsole,
  patchFromConsole,
  portadorRegister,
  searchBankAccounts,
  searchPortadores,
} from '../../services/banking.js';
import { assertCanWrite, recordScope, scopedFilters, scopeFor } from '../../services/scope.js';
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
  bankAccountCreateBody,
  bankAccountPageSchema,
  bankAccountSchema,
  bankAccountUpsertBody,
  consoleBankAccountListQuery,
  consolePortadorListQuery,
  portadorCreateBody,
  portadorPageSchema,
  portadorSchema,
  portadorUpsertBody,
} from '../../contracts/banking.js';

const writeErrors = { ...errorResponses, 409: errorSchema, 422: errorSchema };

export const consoleBankingRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));

  app.get(
    '/bank-accounts',
    {
      schema: {
        tags: ['Console'],
        summary: 'Contas bancárias com busca, filtro por banco e paginação',
        security,
        querystring: consoleBankAccountListQuery,
        response: { 200: bankAccountPageSchema, ...errorResponses },
      },
    },
    async (request) => searchBankAccounts(store, scopedFilters(userOf(request), request.query)),
  );

  app.post(
    '/bank-accounts',
    {
      schema: {
        tags: ['Console'],
        summary: 'Cria uma conta bancária numa empresa (perfis admin e operador)',
        description: 'Chave já usada na empresa → 409 already_exists.',
        security,
        body: bankAccountCreateBody,
        response: { 201: bankAccountSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      assertCanWrite(user);
      const { companyId, erpKey, ...body } = request.body;
      scopeFor(user, companyId);
      const view = await createFromConsole(store, bankAccountRegister, {
        companyId,
        erpKey,
        body,
        actor: user.actor,
      });
      return reply.code(201).send(view);
    },
  );

  app.patch(
    '/bank-accounts/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Altera uma conta bancária (nome, dígitos, chave PIX; banco, agência e conta não mudam)',
        security,
        params: idParams('uma conta bancária'),
        querystring: optionalCompanyQuery,
        body: bankAccountUpsertBody,
        response: { 200: bankAccountSchema, ...writeErrors },
      },
    },
    async (request) => {
      const user = userOf(request);
      assertCanWrite(user);
      return patchFromConsole(store, bankAccountRegister, {
        scope: recordScope(user, request.query.companyId),
        id: request.params.id,
        body: request.body,
        actor: user.actor,
      });
    },
  );

  app.get(
    '/portadores',
    {
      schema: {
        tags: ['Console'],
        summary: 'Portadores com busca, filtro por banco (0 = sem conta bancária) e paginação',
        security,
        querystring: consolePortadorListQuery,
        response: { 200: portadorPageSchema, ...errorResponses },
      },
    },
    async (request) => searchPortadores(store, scopedFilters(userOf(request), request.query)),
  );

  app.post(
    '/portadores',
    {
      schema: {
        tags: ['Console'],
        summary: 'Cria um portador numa empresa (perfis admin e operador)',
        description: 'Chave já usada na empresa → 409 already_exists; conta bancária inexistente → 422.',
        security,
        body: portadorCreateBody,
        response: { 201: portadorSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      assertCanWrite(user);
      const { companyId, erpKey, ...body } = request.body;
      scopeFor(user, companyId);
      const view = await createFromConsole(store, portadorRegister, {
        companyId,
        erpKey,
        body,
        actor: user.actor,
      });
      return reply.code(201).send(view);
    },
  );

  app.patch(
    '/portadores/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Altera um portador (nome, conta bancária, carteira, convênio)',
        security,
        params: idParams('um portador'),
        querystring: optionalCompanyQuery,
        body: portadorUpsertBody,
        response: { 200: portadorSchema, ...writeErrors },
      },
    },
    async (request) => {
      const user = userOf(request);
      assertCanWrite(user);
      return patchFromConsole(store, portadorRegister, {
        scope: recordScope(user, request.query.companyId),
        id: request.params.id,
        body: request.body,
        actor: user.actor,
      });
    },
  );
};
