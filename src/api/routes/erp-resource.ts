/**
 * The routes every ERP record has (contract §7), written once: `PUT /api/v1/<resource>/:erpKey` (the token's
 * company, the request hash over route + body, the optional `Idempotency-Key` of src/services/idempotency.ts, 201 on
 * creation and 200 otherwise, `Idempotent-Replayed: true` on a replay), `GET /api/v1/<resource>/:erpKey` and the
 * paged `GET /api/v1/<resource>`. Each resource brings its schemas, its OpenAPI texts and its service calls.
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requestHash } from '../../services/canonical.js';
import { runIdempotent } from '../../services/idempotency.js';
import type { Store, Tx } from '../../store/connection.js';
import { tokenOf } from '../plugins/auth.js';
import { bearerSecurity, errorResponses, errorSchema } from '../../contracts/common.js';
import { erpKeyParams, idempotencyHeaders } from '../../contracts/erp.js';

/** The Fastify instance a `FastifyPluginAsyncZod` receives. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the service call receives: the upsert arguments shared by customers and títulos. */
export interface ErpUpsertArgs<Body> {
  companyId: string;
  erpKey: string;
  body: Body;
  actor: string;
  requestHash: string;
}

export interface ErpResource<
  Body extends z.ZodType,
  View extends z.ZodType,
  ListQuery extends z.ZodType,
  Page extends z.ZodType,
> {
  /** Path segment under `/api/v1`, also part of the request hash (`PUT /api/v1/<resource>/<erpKey>`). */
  resource: 'customers' | 'receivables' | 'bank-accounts' | 'portadores';
  /** The record as answered by the upsert and the read by key. */
  view: View;
  upsert: {
    summary: string;
    description: string;
    body: Body;
    run: (tx: Tx, args: ErpUpsertArgs<z.output<Body>>) => Promise<{ created: boolean; view: z.output<View> }>;
  };
  /** `view` when the read by key answers more than the upsert (e.g. a título's registration). */
  get: {
    summary: string;
    view?: z.ZodType;
    run: (companyId: string, erpKey: string) => Promise<z.output<View>>;
  };
  list: {
    summary: string;
    query: ListQuery;
    page: Page;
    run: (companyId: string, query: z.output<ListQuery>) => Promise<z.output<Page>>;
  };
}

export function erpResourceRoutes<
  Body extends z.ZodType,
  View extends z.ZodType,
  ListQuery extends z.ZodType,
  Page extends z.ZodType,
>(app: ZodApp, store: Store, route: ErpResource<Body, View, ListQuery, Page>): void {
  // Registered with the schemas' erased types: Fastify validates body and query against these schemas before a
  // handler runs, which is what makes the casts to their output types below hold.
  const body: z.ZodType = route.upsert.body;
  const view: z.ZodType = route.view;
  const listQuery: z.ZodType = route.list.query;
  const page: z.ZodType = route.list.page;

  app.put(
    `/${route.resource}/:erpKey`,
    {
      schema: {
        tags: ['ERP'],
        summary: route.upsert.summary,
        description: route.upsert.description,
        security: bearerSecurity,
        params: erpKeyParams,
        headers: idempotencyHeaders,
        body,
        response: {
          200: view,
          201: view,
          ...errorResponses,
          409: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      const { erpKey } = request.params;
      const input = request.body as z.output<Body>;
      const hash = requestHash(`PUT /api/v1/${route.resource}/${erpKey}`, input);
      const result = await runIdempotent(
        store,
        { companyId: token.companyId, key: request.headers['idempotency-key'], requestHash: hash },
        async (tx) => {
          const outcome = await route.upsert.run(tx, {
            companyId: token.companyId,
            erpKey,
            body: input,
            actor: token.actor,
            requestHash: hash,
          });
          return { status: outcome.created ? 201 : 200, body: outcome.view };
        },
      );
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.code(result.status as 200 | 201).send(result.body);
    },
  );

  app.get(
    `/${route.resource}/:erpKey`,
    {
      schema: {
        tags: ['ERP'],
        summary: route.get.summary,
        security: bearerSecurity,
        params: erpKeyParams,
        response: { 200: route.get.view ?? view, ...errorResponses },
      },
    },
    async (request) => route.get.run(tokenOf(request).companyId, request.params.erpKey),
  );

  app.get(
    `/${route.resource}`,
    {
      schema: {
        tags: ['ERP'],
        summary: route.list.summary,
        security: bearerSecurity,
        querystring: listQuery,
        response: { 200: page, ...errorResponses },
      },
    },
    async (request) => route.list.run(tokenOf(request).companyId, request.query as z.output<ListQuery>),
  );
}
