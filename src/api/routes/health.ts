import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../context.js';

const healthSchema = z.object({
  status: z.enum(['ok', 'error']),
  database: z.enum(['pglite', 'postgres']),
  message: z.string().optional(),
});

/** `/healthz`: 200 when the database answers a trivial query, 503 otherwise. */
export const healthRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
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
};
