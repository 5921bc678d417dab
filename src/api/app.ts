/**
 * The HTTP application (contract §2): `/healthz`, the console API under `/api` (session cookie), the ERP API under
 * `/api/v1` (bearer token), OpenAPI at `/docs` (JSON at `/docs/json`) and the built console from `dist/web/` with
 * an SPA fallback. Routes are thin: they validate with zod (one schema per boundary drives validation, types and
 * OpenAPI), resolve the principal, and call src/services/.
 *
 * Platform webhooks arrive at `/webhooks/<platform>/<token>` (src/api/routes/webhooks.ts). A platform that signs its
 * webhooks needs the exact bytes: call `useRawJsonBody(instance)` (src/api/raw-body.ts) inside that plugin.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import {
  createJsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { JobQueue } from '../jobs/index.js';
import type { PlatformDeps } from '../services/platform-gateway.js';
import type { Store } from '../store/connection.js';
import type { RouteContext } from './context.js';
import { errorBody, errorHandler } from './errors.js';
import { finishOpenApi } from './openapi.js';
import { guardBoundary } from './plugins/boundary.js';
import { registerAudit } from './plugins/audit.js';
import { registerLimits, type TokenLimitOptions } from './plugins/limits.js';
import { registerMetrics } from './plugins/metrics.js';
import { newRequestId, registerSecurity } from './plugins/security.js';
import { consoleApiTokenRoutes } from './routes/console-api-tokens.js';
import { consoleAuditRoutes } from './routes/console-audit.js';
import { consoleBankingRoutes } from './routes/console-banking.js';
import { consoleCreditRoutes } from './routes/console-credit.js';
import { consoleCustomerRoutes } from './routes/console-customers.js';
import { consoleIntegrationRoutes } from './routes/console-integrations.js';
import { consoleReturnCommandRoutes } from './routes/console-return-commands.js';
import { consoleNotificationRoutes } from './routes/console-notifications.js';
import { consoleRetornoRoutes } from './routes/console-retornos.js';
import { consoleReceivableExportRoutes } from './routes/console-receivables-export.js';
import { consoleReceivableRoutes } from './routes/console-receivables.js';
import { erpBankingRoutes } from './routes/erp-banking.js';
import { erpCreditRoutes } from './routes/erp-credit.js';
import { erpCustomerRoutes } from './routes/erp-customers.js';
import { erpReceivableRoutes } from './routes/erp-receivables.js';
import { erpRegistrationRoutes } from './routes/erp-registration.js';
import { erpRetornoRoutes } from './routes/erp-retornos.js';
import { consoleRemessaFileRoutes, erpRemessaFileRoutes } from './routes/remessa-files.js';
import { erpRemessaRoutes } from './routes/erp-remessa.js';
import { consoleRemessaRoutes } from './routes/console-remessa.js';
import { consoleLogRoutes } from './routes/console-logs.js';
import { webhookRoutes } from './routes/webhooks.js';
import { erpWebhookRoutes } from './routes/erp-webhooks.js';
import { consoleWebhookRoutes } from './routes/console-webhooks.js';
import { healthRoutes } from './routes/health.js';
import { sessionRoutes } from './routes/session.js';
import { validatorCompiler } from './validation.js';

export interface AppDeps {
  store: Store;
  jobs: JobQueue;
  /** Secrets and the public URL platform calls need (shared with the workers; the URL is set once listening). */
  platforms: PlatformDeps;
  /** Fastify plugins mounted as they are, under their `prefix` (the demo's platform emulators at /emulators/…). */
  extraPlugins?: { plugin: FastifyPluginAsync<{ prefix: string }>; options: { prefix: string } }[];
  logger?: Logger;
  /** Folder of the built console; default `dist/web` at the repository root. Served only when it exists. */
  webRoot?: string;
  /** Per-token limits and the request deadline (src/api/plugins/limits.ts); absent: none. */
  limits?: { tokens?: TokenLimitOptions; requestTimeoutMs?: number };
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_WEB_ROOT = resolve(REPO_ROOT, 'dist', 'web');

/**
 * Whether to believe X-Forwarded-* headers (client address for login throttling, https for the Secure cookie).
 * Env TRUST_PROXY: unset/false = no; true = any proxy; otherwise a comma list of proxy addresses/CIDRs.
 */
export function trustProxyFromEnv(value = process.env.TRUST_PROXY): boolean | string[] {
  if (!value || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  return value.split(',').map((part) => part.trim());
}

const API_PREFIXES = [
  '/api/',
  '/api?',
  '/docs',
  '/healthz',
  '/readyz',
  '/metrics',
  '/webhooks/',
  '/emulators/',
];

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyFromEnv(),
    // Long path parameters reach the route's schema, which names the field (erpKey: no máximo 100 caracteres),
    // instead of the router's own 414; Node's 16 KiB limit on the request line still bounds them.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 16 * 1024 },
    // A uuid per request (a client's own X-Request-Id is not trusted: the audit log joins changes by it).
    genReqId: newRequestId,
    requestIdHeader: false,
    // A client must send its whole request within this time (slow-loris); the answer's own deadline is
    // limits.requestTimeoutMs.
    requestTimeout: deps.limits?.requestTimeoutMs ?? 0,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorateRequest('principal', null);
  guardBoundary(app as unknown as FastifyInstance);
  registerMetrics(app as unknown as FastifyInstance, deps.store);
  registerSecurity(app as unknown as FastifyInstance, { publicUrl: () => deps.platforms.publicUrl });
  registerAudit(app as unknown as FastifyInstance, deps.store);
  registerLimits(app as unknown as FastifyInstance, deps.limits ?? {});

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'finconsole API',
        description:
          'API de recebíveis. ERP: `/api/v1` com `Authorization: Bearer <token>` (um token por empresa). ' +
          'Console: `/api` com o cookie de sessão `fc_session`. Valores em centavos (inteiros), datas AAAA-MM-DD, ' +
          'erros `{error:{code,message,fields?}}` em pt-BR.',
        version: '1.0.0',
      },
      tags: [
        { name: 'ERP', description: 'Integração do ERP (token por empresa)' },
        { name: 'Console', description: 'API do console (sessão)' },
        { name: 'Sistema', description: 'Saúde do serviço' },
      ],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'Token de API da empresa (fct_…)' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'fc_session' },
        },
      },
    },
    transform: createJsonSchemaTransform({
      skipList: ['/docs', '/docs/', '/docs/*', '/docs/json', '/docs/yaml'],
    }),
    transformObject: (input) =>
      finishOpenApi(jsonSchemaTransformObject(input) as Parameters<typeof finishOpenApi>[0]),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  const context: RouteContext = { store: deps.store, jobs: deps.jobs, platforms: deps.platforms };
  await app.register(healthRoutes, context);
  await app.register(sessionRoutes, { ...context, prefix: '/api' });
  await app.register(consoleReceivableRoutes, { ...context, prefix: '/api' });
  await app.register(consoleReceivableExportRoutes, { ...context, prefix: '/api' });
  await app.register(consoleCustomerRoutes, { ...context, prefix: '/api' });
  await app.register(consoleApiTokenRoutes, { ...context, prefix: '/api' });
  await app.register(consoleAuditRoutes, { ...context, prefix: '/api' });
  await app.register(consoleBankingRoutes, { ...context, prefix: '/api' });
  await app.register(erpCustomerRoutes, { ...context, prefix: '/api/v1' });
  await app.register(erpReceivableRoutes, { ...context, prefix: '/api/v1' });
  await app.register(erpBankingRoutes, { ...context, prefix: '/api/v1' });
  await app.register(erpRegistrationRoutes, { ...context, prefix: '/api/v1' });
  await app.register(erpRetornoRoutes, { ...context, prefix: '/api/v1' });
  await app.register(erpRemessaRoutes, { ...context, prefix: '/api/v1' });
  await app.register(consoleRemessaRoutes, { ...context, prefix: '/api' });
  await app.register(consoleLogRoutes, { ...context, prefix: '/api' });
  await app.register(consoleIntegrationRoutes, { ...context, prefix: '/api' });
  await app.register(consoleRetornoRoutes, { ...context, prefix: '/api' });
  await app.register(consoleReturnCommandRoutes, { ...context, prefix: '/api' });
  await app.register(consoleNotificationRoutes, { ...context, prefix: '/api' });
  await app.register(erpRemessaFileRoutes, { ...context, prefix: '/api/v1' });
  await app.register(consoleRemessaFileRoutes, { ...context, prefix: '/api' });
  await app.register(erpCreditRoutes, { ...context, prefix: '/api/v1' });
  await app.register(consoleCreditRoutes, { ...context, prefix: '/api' });
  await app.register(erpWebhookRoutes, { ...context, prefix: '/api/v1' });
  await app.register(consoleWebhookRoutes, { ...context, prefix: '/api' });
  await app.register(webhookRoutes, context);
  for (const extra of deps.extraPlugins ?? []) await app.register(extra.plugin, extra.options);

  const webRoot = deps.webRoot ?? DEFAULT_WEB_ROOT;
  const serveWeb = existsSync(resolve(webRoot, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url;
    const isApi = API_PREFIXES.some(
      (prefix) => path === prefix.replace(/[/?]$/, '') || path.startsWith(prefix),
    );
    if (serveWeb && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply
      .code(404)
      .send(errorBody('not_found', `Rota não encontrada: ${request.method} ${path.split('?')[0] ?? path}`));
  });

  return app as unknown as FastifyInstance;
}
