/**
 * The one `PUT /api/v1/<resource>/:erpKey` flow both ERP records share (contract §7): the token's company, the
 * request hash over route + body, the optional `Idempotency-Key` (src/services/idempotency.ts), 201 on creation and
 * 200 otherwise, `Idempotent-Replayed: true` on a replay. Each resource brings its own body/response schemas, its
 * OpenAPI texts and the service call that runs inside the transaction.
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
import type { Store, Tx } from '../../store/index.js';
import { tokenOf } from '../plugins/auth.js';
import { bearerSecurity, errorResponses, errorSchema } from '../schemas/common.js';
import { erpKeyParams, idempotencyHeaders } from '../schemas/erp.js';

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

export interface ErpUpsertRoute<Body extends z.ZodType, View extends z.ZodType> {
  /** Path segment under `/api/v1`, also part of the request hash (`PUT /api/v1/<resource>/<erpKey>`). */
  resource: 'customers' | 'receivables';
  summary: string;
  description: string;
  body: Body;
  view: View;
  upsert: (
    tx: Tx,
    args: ErpUpsertArgs<z.output<Body>>,
  ) => Promise<{ created: boolean; view: z.output<View> }>;
}

export function erpUpsertRoute<Body extends z.ZodType, View extends z.ZodType>(
  app: ZodApp,
  store: Store,
  route: ErpUpsertRoute<Body, View>,
): void {
  // Registered with the schemas' erased types: Fastify validates the body against `route.body` before the
  // handler runs, which is what makes the cast to its output type below hold.
  const body: z.ZodType = route.body;
  const view: z.ZodType = route.view;
  app.put(
    `/${route.resource}/:erpKey`,
    {
      schema: {
        tags: ['ERP'],
        summary: route.summary,
        description: route.description,
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
          const outcome = await route.upsert(tx, {
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
}
