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
import { ServiceError } from '../../services/errors.js';
import { tokenOf } from '../plugins/auth.js';
import { validationFields } from '../errors.js';
import { validatorCompiler } from '../validation.js';
import {
  bearerSecurity,
  erpKey as erpKeySchema,
  errorResponses,
  errorSchema,
} from '../../contracts/common.js';
import {
  ERP_BATCH_LIMIT,
  erpBatchBody,
  erpBatchResultSchema,
  erpKeyParams,
  idempotencyHeaders,
  type ErpBatchResult,
} from '../../contracts/erp.js';

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
    /** The answer without a transaction when this same request already made the record's state (a repeat). */
    unchanged?: (args: Omit<ErpUpsertArgs<z.output<Body>>, 'actor'>) => Promise<z.output<View> | null>;
  };
  /** Adds `POST /api/v1/<resource>/batch`: many upserts in one request, one result per item. */
  batch?: { summary: string; example: Record<string, unknown> };
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
      const idempotencyKey = request.headers['idempotency-key'];
      if (idempotencyKey === undefined && route.upsert.unchanged) {
        const current = await route.upsert.unchanged({
          companyId: token.companyId,
          erpKey,
          body: input,
          requestHash: hash,
        });
        if (current) return reply.code(200).send(current);
      }
      const result = await runIdempotent(
        store,
        { companyId: token.companyId, key: idempotencyKey, requestHash: hash },
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

  if (route.batch) erpBatchRoute(app, store, route, route.batch);

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

type Validator = (data: unknown) => { value?: unknown; error?: unknown };

function validatorOf(schema: z.ZodType): Validator {
  return validatorCompiler({ schema, httpPart: 'body', method: 'PUT', url: '' }) as Validator;
}

/** An item's validation issues as field errors relative to the item (`amountCents`, `address.zipCode`). */
function invalidItem(erpKey: string | null, error: unknown): ErpBatchResult {
  const errors = validationFields(error as Parameters<typeof validationFields>[0], 'item');
  return {
    erpKey,
    status: 422,
    code: 'validation',
    message: `Dados inválidos: ${errors.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    errors,
  };
}

/**
 * `POST /api/v1/<resource>/batch`: each item is checked and written exactly as its own PUT would be (same schema,
 * same request hash on the row, same idempotency by ERP key), inside one transaction with a savepoint per item, so
 * a refused item rolls back only itself and never the others. The whole batch honours `Idempotency-Key`.
 */
function erpBatchRoute<Body extends z.ZodType, View extends z.ZodType>(
  app: ZodApp,
  store: Store,
  route: ErpResource<Body, View, z.ZodType, z.ZodType>,
  batch: NonNullable<ErpResource<Body, View, z.ZodType, z.ZodType>['batch']>,
): void {
  const checkKey = validatorOf(erpKeySchema);
  const checkBody = validatorOf(route.upsert.body);
  app.post(
    `/${route.resource}/batch`,
    {
      schema: {
        tags: ['ERP'],
        summary: batch.summary,
        description:
          `Até ${ERP_BATCH_LIMIT} itens \`{"erpKey": …, …o corpo do PUT}\`. Cada item é validado e gravado como no PUT ` +
          'do item; um item recusado não impede os outros. Responde 200 com um resultado por item, na ordem.',
        security: bearerSecurity,
        headers: idempotencyHeaders,
        body: erpBatchBody.meta({ example: batch.example }),
        response: { 200: erpBatchResultSchema, ...errorResponses, 422: errorSchema },
      },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      const { items } = request.body;
      const result = await runIdempotent(
        store,
        {
          companyId: token.companyId,
          key: request.headers['idempotency-key'],
          requestHash: requestHash(`POST /api/v1/${route.resource}/batch`, request.body),
        },
        async (tx) => {
          const results: ErpBatchResult[] = new Array(items.length);
          const valid: { index: number; erpKey: string; body: z.output<Body> }[] = [];
          items.forEach((item, index) => {
            const { erpKey, ...fields } = item;
            const key = checkKey(erpKey);
            const body = key.error ? key : checkBody(fields);
            if (body.error)
              results[index] = invalidItem(typeof erpKey === 'string' ? erpKey : null, body.error);
            else valid.push({ index, erpKey: erpKey as string, body: body.value as z.output<Body> });
          });
          // Written in key order: two concurrent batches with the same keys then lock rows in the same order and
          // wait for each other instead of deadlocking.
          valid.sort((a, b) => (a.erpKey < b.erpKey ? -1 : a.erpKey > b.erpKey ? 1 : a.index - b.index));
          for (const { index, erpKey, body } of valid)
            results[index] = await upsertItem(tx, route, token, erpKey, body);
          return { status: 200, body: { results } };
        },
      );
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return result.body;
    },
  );
}

async function upsertItem<Body extends z.ZodType, View extends z.ZodType>(
  tx: Tx,
  route: ErpResource<Body, View, z.ZodType, z.ZodType>,
  token: { companyId: string; actor: string },
  erpKey: string,
  body: z.output<Body>,
): Promise<ErpBatchResult> {
  try {
    const outcome = await tx.transaction((savepoint) =>
      route.upsert.run(savepoint, {
        companyId: token.companyId,
        erpKey,
        body,
        actor: token.actor,
        requestHash: requestHash(`PUT /api/v1/${route.resource}/${erpKey}`, body),
      }),
    );
    return { erpKey, status: outcome.created ? 201 : 200 };
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    return {
      erpKey,
      status: error.status === 400 ? 422 : error.status,
      code: error.code,
      message: error.message,
      ...(error.fields?.length ? { errors: error.fields } : {}),
    };
  }
}
