/**
 * A real app over a real store for the API tests: `openTestStore()` (in-memory PGlite, or a throwaway PostgreSQL
 * database when DATABASE_URL is set), a started job queue, and a small fixture of companies, users, API tokens and
 * a portador created through the store's own repository functions (no demo seed, so counts are ours).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { startJobQueue, type JobQueue } from '../../src/jobs/index.js';
import { createApiToken } from '../../src/store/api-tokens.js';
import { createBankAccount, createPortador } from '../../src/store/banking.js';
import { createCompany } from '../../src/store/companies.js';
import { createUser } from '../../src/store/users.js';
import { type Store } from '../../src/store/connection.js';
import { makeCnpj } from '../../src/domain/documents/index.js';
import { openTestStore } from '../support/database.js';
import { testPlatformDeps } from '../support/platforms.js';

export { openTestStore };

export const PASSWORD = 'senha-de-teste-123';

export interface Harness {
  app: FastifyInstance;
  store: Store;
  jobs: JobQueue;
  companies: { group: string; sul: string; norte: string; other: string };
  tokens: { sul: string; norte: string; other: string };
  portadores: { sul: string; norte: string };
  emails: { admin: string; operator: string; viewer: string; otherAdmin: string };
  /** Logs in and returns the `cookie` header value for later requests. */
  login(email: string, password?: string): Promise<string>;
  /** A console API request with a session cookie (from `login`); GET unless `method` says otherwise. */
  asUser(cookie: string, url: string, init?: RequestInit): Promise<LightMyRequestResponse>;
  /** An ERP API request with a company token; GET unless `method` says otherwise. */
  asErp(token: string, url: string, init?: RequestInit): Promise<LightMyRequestResponse>;
  /** `PUT /api/v1/<resource>/<erpKey>` with a company token (extra headers e.g. `idempotency-key`). */
  erpPut(
    resource: 'customers' | 'receivables',
    token: string,
    erpKey: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface RequestInit {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  payload?: object;
  headers?: Record<string, string>;
}

export async function startHarness(): Promise<Harness> {
  const { store, close: closeStore } = await openTestStore();
  const jobs = await startJobQueue(store);
  const group = await createCompany(store.db, {
    name: 'Grupo Teste S.A.',
    cnpj: makeCnpj('111222330001'),
    kind: 'consolidated',
  });
  const sul = await createCompany(store.db, {
    name: 'Teste Sul Ltda.',
    cnpj: makeCnpj('111222330002'),
    kind: 'child',
    parentCompanyId: group.id,
  });
  const norte = await createCompany(store.db, {
    name: 'Teste Norte Ltda.',
    cnpj: makeCnpj('12ABC3450001'),
    kind: 'child',
    parentCompanyId: group.id,
  });
  const other = await createCompany(store.db, {
    name: 'Outra Empresa S.A.',
    cnpj: makeCnpj('999888770001'),
    kind: 'consolidated',
  });
  const emails = {
    admin: 'admin@teste.finconsole',
    operator: 'operador.sul@teste.finconsole',
    viewer: 'leitura.norte@teste.finconsole',
    otherAdmin: 'admin@outra.finconsole',
  };
  await createUser(store.db, {
    email: emails.admin,
    name: 'Admin',
    password: PASSWORD,
    role: 'admin',
    homeCompanyId: group.id,
  });
  await createUser(store.db, {
    email: emails.operator,
    name: 'Operador Sul',
    password: PASSWORD,
    role: 'operator',
    homeCompanyId: sul.id,
  });
  await createUser(store.db, {
    email: emails.viewer,
    name: 'Leitura Norte',
    password: PASSWORD,
    role: 'viewer',
    homeCompanyId: norte.id,
  });
  await createUser(store.db, {
    email: emails.otherAdmin,
    name: 'Admin Outra',
    password: PASSWORD,
    role: 'admin',
    homeCompanyId: other.id,
  });
  const tokens = {
    sul: (await createApiToken(store.db, { companyId: sul.id, name: 'ERP Sul' })).token,
    norte: (await createApiToken(store.db, { companyId: norte.id, name: 'ERP Norte' })).token,
    other: (await createApiToken(store.db, { companyId: other.id, name: 'ERP Outra' })).token,
  };
  const portadorOf = async (companyId: string) => {
    const account = await createBankAccount(store.db, {
      companyId,
      erpKey: 'ITAU-1234',
      bankCode: '341',
      agency: '1234',
      account: '56789',
    });
    return (
      await createPortador(store.db, {
        companyId,
        erpKey: 'ITAU-109',
        name: 'Itaú 1234/56789',
        bankAccountId: account.id,
      })
    ).id;
  };
  const portadores = { sul: await portadorOf(sul.id), norte: await portadorOf(norte.id) };
  const app = await buildApp({ store, jobs, webRoot: '/nonexistent', platforms: testPlatformDeps() });
  await app.ready();
  const send = (url: string, auth: Record<string, string>, init: RequestInit = {}) =>
    app.inject({
      method: init.method ?? 'GET',
      url,
      headers: { ...auth, ...init.headers },
      ...(init.payload === undefined ? {} : { payload: init.payload }),
    });
  const asErp = (token: string, url: string, init?: RequestInit) => send(url, bearer(token), init);

  return {
    app,
    store,
    jobs,
    companies: { group: group.id, sul: sul.id, norte: norte.id, other: other.id },
    tokens,
    portadores,
    emails,
    async login(email, password = PASSWORD) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password },
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'fc_session');
      if (!cookie) throw new Error('login sem cookie fc_session');
      return `fc_session=${cookie.value}`;
    },
    asUser: (cookie, url, init) => send(url, { cookie }, init),
    asErp,
    erpPut: (resource, token, erpKey, body, headers) =>
      asErp(token, `/api/v1/${resource}/${erpKey}`, { method: 'PUT', payload: body as object, headers }),
    async close() {
      await app.close();
      await jobs.stop();
      await closeStore();
    },
  };
}

// Tests read response bodies loosely; the assertions are what check their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function json<T = any>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
