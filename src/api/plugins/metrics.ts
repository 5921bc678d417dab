/**
 * Prometheus metrics at `/metrics` (text exposition format): HTTP latency by route (the route's template, never the
 * URL, so ids do not multiply series), the job queues' backlog and the age of their oldest job, the outbox rows not
 * yet relayed, platform calls by outcome, and the process's own metrics (memory, CPU, event loop). One registry per
 * app, so several apps in one process (tests) do not mix their numbers.
 */
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { operationalCounts } from '../../store/metrics.js';
import type { Store } from '../../store/connection.js';

export function registerMetrics(app: FastifyInstance, store: Store): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'finconsole_' });

  const latency = new Histogram({
    name: 'finconsole_http_request_duration_seconds',
    help: 'Duração das requisições HTTP por rota, método e status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'sem rota';
    if (route === '/metrics') return;
    latency.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  // Read from the database at each scrape (see the handler), then set on these gauges.
  const gauge = (name: string, help: string, labelNames: string[]) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const queueWaiting = gauge(
    'finconsole_job_queue_waiting',
    'Jobs à espera (criados ou aguardando nova tentativa) por fila',
    ['queue'],
  );
  const queueOldest = gauge(
    'finconsole_job_queue_oldest_seconds',
    'Idade do job mais antigo à espera, por fila',
    ['queue'],
  );
  const outboxPending = gauge(
    'finconsole_outbox_pending',
    'Linhas do outbox ainda não repassadas, por tipo',
    ['kind'],
  );
  const outboxOldest = gauge(
    'finconsole_outbox_oldest_seconds',
    'Idade da linha do outbox mais antiga não repassada',
    ['kind'],
  );
  const platformCalls = gauge(
    'finconsole_platform_calls',
    'Chamadas às plataformas registradas no log de comunicação, por resultado',
    ['platform', 'outcome'],
  );

  async function readDatabase() {
    const counts = await operationalCounts(store.db);
    for (const metric of [queueWaiting, queueOldest, outboxPending, outboxOldest, platformCalls])
      metric.reset();
    for (const q of counts.queues) {
      queueWaiting.set({ queue: q.name }, q.waiting);
      queueOldest.set({ queue: q.name }, q.oldestSeconds);
    }
    for (const o of counts.outbox) {
      outboxPending.set({ kind: o.name }, o.waiting);
      outboxOldest.set({ kind: o.name }, o.oldestSeconds);
    }
    for (const p of counts.platformCalls)
      platformCalls.set({ platform: p.platform, outcome: p.outcome }, p.count);
  }

  app.get('/metrics', { logLevel: 'warn', schema: { hide: true } }, async (_request, reply) => {
    await readDatabase();
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
