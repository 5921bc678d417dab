/** ERP bank accounts and portadores (contract §7): idempotent upsert by the ERP key, one record, list. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bankAccountByErpKey,
  bankAccountRegister,
  portadorByErpKey,
  portadorRegister,
  searchBankAccounts,
  searchPortadores,
} from '../../services/banking.js';
import type { RouteContext } from '../context.js';
import { requireApiToken } from '../plugins/auth.js';
import {
  bankAccountPageSchema,
  bankAccountSchema,
  bankAccountUpsertBody,
  erpBankAccountListQuery,
  erpPortadorListQuery,
  portadorPageSchema,
  portadorSchema,
  portadorUpsertBody,
} from '../../contracts/banking.js';
import { erpResourceRoutes } from './erp-resource.js';

export const erpBankingRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireApiToken(store));

  erpResourceRoutes(app, store, {
    resource: 'bank-accounts',
    view: bankAccountSchema,
    upsert: {
      summary: 'Inclui ou atualiza uma conta bancária pela chave do ERP (idempotente)',
      description:
        '201 quando criada; 200 quando já existia. Dígitos verificadores conferidos pela regra do banco (400 ' +
        'validation nomeando o campo). Imutáveis: bankCode, agency, account (outro valor → 409 immutable_field).',
      body: bankAccountUpsertBody,
      run: bankAccountRegister.upsert,
    },
    get: {
      summary: 'Uma conta bancária pela chave do ERP',
      run: (companyId, erpKey) => bankAccountByErpKey(store, companyId, erpKey),
    },
    list: {
      summary: 'Contas bancárias da empresa do token, com busca, filtro por banco e paginação',
      query: erpBankAccountListQuery,
      page: bankAccountPageSchema,
      run: (companyId, query) => searchBankAccounts(store, { ...query, companyIds: [companyId] }),
    },
  });

  erpResourceRoutes(app, store, {
    resource: 'portadores',
    view: portadorSchema,
    upsert: {
      summary: 'Inclui ou atualiza um portador pela chave do ERP (idempotente)',
      description:
        '201 quando criado; 200 quando já existia. bankAccountErpKey inexistente → 422 reference_not_found; ' +
        'null → portador sem conta bancária (0-Carteira, ex.: convênio da Efí). Títulos o referenciam por ' +
        'portadorErpKey.',
      body: portadorUpsertBody,
      run: portadorRegister.upsert,
    },
    get: {
      summary: 'Um portador pela chave do ERP',
      run: (companyId, erpKey) => portadorByErpKey(store, companyId, erpKey),
    },
    list: {
      summary: 'Portadores da empresa do token (bankCode=0: os sem conta bancária)',
      query: erpPortadorListQuery,
      page: portadorPageSchema,
      run: (companyId, query) => searchPortadores(store, { ...query, companyIds: [companyId] }),
    },
  });
};
