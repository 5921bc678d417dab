import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkReadiness } from '../../services/readiness.js';
import type { RouteContext } from '../context.js';

const healthSchema = z.object({
  status: z.enum(['ok', 'error']),
  database: z.enum(['pglite', 'postgres']),
  message: z.string().optional(),
});

const checkSchema = z.object({ ok: z.boolean(), message: z.string().optional() });
const readinessSchema = z
  .object({
    status: z.enum(['ok', 'error']),
    checks: z.object({ database: checkSchema, queue: checkSchema, migrations: checkSchema }),
  })
  .meta({
    id: 'Readiness',
    examples: [
      {
        status: 'ok',
        checks: { database: { ok: true }, queue: { ok: true }, migrations: { ok: true } },
      },
    ],
  });

/**
 * `/healthz` (liveness): 200 when the database answers a trivial query, 503 otherwise. `/readyz` (readiness): 200
 * when the database and the job queue answer and every migration is applied, 503 naming what is not.
 */
export const healthRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store, jobs }) => {
  app.get(
    '/healthz',
    {
      // Probes call this every few seconds: their requests are not worth a log line (failures still are).
      logLevel: 'warn',
      schema: {
        tags: ['Sistema'],
        summary: 'Saúde do serviço e do banco de dados',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (request, reply) => {
      try {
        await store.sql.executeSql('select 1 as ok', []);
        return { status: 'ok' as const, database: store.kind };
      } catch (error) {
        request.log.error({ err: error }, 'healthz: database unreachable');
        return reply
          .code(503)
          .send({ status: 'error', database: store.kind, message: 'Banco de dados indisponível.' });
      }
    },
  );

  app.get(
    '/readyz',
    {
      logLevel: 'warn',
      schema: {
        tags: ['Sistema'],
        summary: 'Pronto para atender: banco, fila de jobs e migrações',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (request, reply) => {
      const { ready, checks } = await checkReadiness(store, jobs);
      if (!ready) request.log.warn({ checks }, 'readyz: não está pronto');
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'error', checks });
    },
  );
};
