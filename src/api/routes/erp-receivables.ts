/** ERP títulos (contract §7): idempotent upsert by the ERP key, one título, list. Bearer token per company. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  erpReceivableByKey,
  searchErpReceivables,
  unchangedErpReceivable,
  upsertReceivableByErpKey,
} from '../../services/receivables.js';
import type { RouteContext } from '../context.js';
import { requireApiToken } from '../plugins/auth.js';
import {
  erpReceivableListQuery,
  erpReceivablePageSchema,
  erpReceivableSchema,
  receivableUpsertBody,
} from '../../contracts/receivables.js';
import { erpResourceRoutes } from './erp-resource.js';
import { erpReceivableDetailSchema } from '../../contracts/registration.js';

export const erpReceivableRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireApiToken(store));

  erpResourceRoutes(app, store, {
    resource: 'receivables',
    view: erpReceivableSchema,
    upsert: {
      summary: 'Inclui ou atualiza um título pela chave do ERP (idempotente)',
      description:
        '201 quando criado; 200 quando já existia. Imutáveis: customerErpKey, document, number, installment, ' +
        'issueDate, amountCents (outro valor → 409 immutable_field). Mutáveis: dueDate, openAmountCents ' +
        '(gera movimento de ajuste), invoiceNumber, portadorErpKey (ou portadorId), establishmentErpKey.',
      body: receivableUpsertBody,
      run: async (tx, args) => {
        const { created, receivable } = await upsertReceivableByErpKey(tx, {
          ...args,
          source: 'erp-api',
        });
        return { created, view: receivable };
      },
      unchanged: (args) => unchangedErpReceivable(store, args),
    },
    batch: {
      summary: 'Inclui ou atualiza até 1.000 títulos numa requisição (carga inicial e sincronização noturna)',
      example: {
        items: [
          {
            erpKey: 'NF-1001-1',
            customerErpKey: 'CLI-000123',
            document: 'NF-1001',
            number: '1001',
            installment: 1,
            issueDate: '2026-12-01',
            dueDate: '2027-01-05',
            amountCents: 150000,
          },
          { erpKey: 'NF-1001-2', customerErpKey: 'CLI-000123', document: 'NF-1001', number: '1001' },
        ],
      },
    },
    get: {
      summary: 'Um título pela chave do ERP, com o seu registro na plataforma (registration)',
      view: erpReceivableDetailSchema,
      run: (companyId, erpKey) => erpReceivableByKey(store, companyId, erpKey),
    },
    list: {
      summary: 'Títulos da empresa do token (mesmos filtros do console)',
      query: erpReceivableListQuery,
      page: erpReceivablePageSchema,
      run: (companyId, query) => searchErpReceivables(store, companyId, query),
    },
  });
};
