/**
 * The credit platform's emulator: a Fastify plugin (mounted at /emulators/supplier on the demo, or standalone by
 * `finconsole emulate supplier`). It authenticates with OAuth2 client credentials, validates every message with the
 * contract's wire shapes and answers errors in the platform's shape, keeps analyses, limits, tickets, invoices,
 * after-sale requests and reconciliation events, and has control routes under /_control that stand for what the
 * platform's people and systems do (decide an analysis, post the day's financial events, fail on purpose).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { customerSituations } from '../../../domain/credit/index.js';
import { centsToDecimalString } from '../../../domain/money.js';
import { afterSaleKinds } from '../../credit.js';
import { REGISTRY_SERVICE } from '../adapter.js';
import { AFTER_SALE_KIND_FROM_WIRE, CUSTOMER_SITUATION_FROM_WIRE } from '../mapping.js';
import * as wire from '../wire.js';
import { EmulatedPlatform, PlatformRefusal } from './platform.js';

export interface SupplierEmulatorOptions {
  clientId?: string;
  clientSecret?: string;
  tokenTtlSeconds?: number;
  /** API calls allowed per client and minute (a fixed window); above it, 429 with Retry-After. Off when absent. */
  rateLimitPerMinute?: number;
  /** Share state with the caller (tests inspect it); a fresh platform otherwise. */
  platform?: EmulatedPlatform;
}

export const DEMO_CLIENT_ID = 'finconsole-demo';
export const DEMO_CLIENT_SECRET = 'supplier-demo-secret';

const cents = z.number().int().nonnegative();
const controlEvents = z.array(
  z.object({
    entryId: z.string().min(1),
    eventCode: z.string(),
    type: z.enum(['C', 'D']),
    amountCents: cents,
    feeCents: cents.default(0),
    customerDocument: z.string(),
    invoiceNumber: z.string().nullable().optional(),
    invoiceSeries: z.string().nullable().optional(),
    occurredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
);
const controlAfterSale = z.array(
  z.object({
    requestId: z.string().optional(),
    kind: z.enum(afterSaleKinds),
    invoiceNumber: z.string(),
    invoiceSeries: z.string(),
    customerDocument: z.string(),
    amountCents: cents,
    newDueDate: z.string().nullable().optional(),
    reason: z.string().nullable().optional(),
    requestedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
);
function invert<W extends string, O extends string>(map: Readonly<Record<W, O>>): Record<O, W> {
  return Object.fromEntries(Object.entries(map).map(([wireName, ours]) => [ours, wireName])) as Record<O, W>;
}
const AFTER_SALE_KIND_TO_WIRE = invert(AFTER_SALE_KIND_FROM_WIRE);
const CUSTOMER_SITUATION_TO_WIRE = invert(CUSTOMER_SITUATION_FROM_WIRE);

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new PlatformRefusal(
    422,
    'VALIDACAO',
    'Dados inválidos',
    parsed.error.issues.map((issue) => ({
      campo: issue.path.join('.') || 'corpo',
      // An absent field fails the type check before its own rule: the platform calls it what it is.
      mensagem: issue.code === 'invalid_type' ? 'campo obrigatório' : issue.message,
    })),
  );
}

function basicCredentials(request: FastifyRequest): { id?: string; secret?: string } {
  const header = request.headers.authorization ?? '';
  if (header.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  const form = (request.body ?? {}) as Record<string, string | undefined>;
  return { id: form.client_id, secret: form.client_secret };
}

export async function supplierEmulator(
  app: FastifyInstance,
  options: SupplierEmulatorOptions = {},
): Promise<void> {
  const clientId = options.clientId ?? DEMO_CLIENT_ID;
  const clientSecret = options.clientSecret ?? DEMO_CLIENT_SECRET;
  const ttl = options.tokenTtlSeconds ?? 3600;
  const platform = options.platform ?? new EmulatedPlatform();
  const tokens = new Map<string, number>();
  const failures: { status: number; retryAfterSeconds?: number }[] = [];
  let tokensIssued = 0;
  const window = { startedAt: Date.now(), calls: 0 };

  if (!app.hasContentTypeParser('application/x-www-form-urlencoded'))
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    if (error instanceof PlatformRefusal)
      return reply
        .status(error.status)
        .send({ codigo: error.code, mensagem: error.message, erros: error.errors });
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    return reply.status(status).send({
      codigo: status === 500 ? 'ERRO_INTERNO' : 'REQUISICAO_INVALIDA',
      mensagem: status === 500 ? 'Erro interno da plataforma' : error.message,
    });
  });

  const overRateLimit = (): number | undefined => {
    if (!options.rateLimitPerMinute) return undefined;
    const now = Date.now();
    if (now - window.startedAt >= 60_000) Object.assign(window, { startedAt: now, calls: 0 });
    if (++window.calls <= options.rateLimitPerMinute) return undefined;
    return Math.ceil((window.startedAt + 60_000 - now) / 1000);
  };

  // "Fail on demand" (DESIGN, emulators): the next API calls answer this status instead; and the rate limit.
  const failIfAsked = (reply: FastifyReply): boolean => {
    const waitSeconds = overRateLimit();
    const failure = waitSeconds ? { status: 429, retryAfterSeconds: waitSeconds } : failures.shift();
    if (!failure) return false;
    if (failure.retryAfterSeconds) reply.header('retry-after', String(failure.retryAfterSeconds));
    void reply.status(failure.status).send({
      codigo: failure.status === 429 ? 'LIMITE_REQUISICOES' : 'INDISPONIVEL',
      mensagem:
        failure.status === 429 ? 'Limite de requisições excedido' : 'Serviço temporariamente indisponível',
    });
    return true;
  };

  app.post('/oauth/token', async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, string | undefined>;
    if (form.grant_type !== 'client_credentials')
      return reply
        .status(400)
        .send({ error: 'unsupported_grant_type', error_description: 'use client_credentials' });
    const { id, secret } = basicCredentials(request);
    if (id !== clientId || secret !== clientSecret)
      return reply.status(401).send({ error: 'invalid_client', error_description: 'credenciais inválidas' });
    const token = randomBytes(24).toString('hex');
    tokens.set(token, Date.now() + ttl * 1000);
    tokensIssued++;
    return { access_token: token, token_type: 'Bearer', expires_in: ttl };
  });

  app.get('/registry/api/v1/services', async (request) => ({
    services: [{ name: REGISTRY_SERVICE, url: `${request.protocol}://${request.host}${app.prefix}` }],
  }));

  await app.register(
    async (api) => {
      api.addHook('onRequest', async (request, reply) => {
        const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
        const expiresAt = tokens.get(token);
        if (!expiresAt || expiresAt < Date.now())
          return reply
            .status(401)
            .send({ codigo: 'NAO_AUTORIZADO', mensagem: 'Token ausente, inválido ou expirado' });
        if (failIfAsked(reply)) return reply;
      });

      api.put('/clientes', async (request) =>
        platform.upsertCustomers(parse(wire.customersRequest, request.body)),
      );
      api.put('/pedidos', async (request) => platform.upsertOrders(parse(wire.ordersRequest, request.body)));
      api.put('/titulos/movimentos', async (request) =>
        platform.upsertMovements(parse(wire.movementsRequest, request.body)),
      );
      api.post('/analises-credito', async (request, reply) =>
        reply.status(202).send(platform.requestAnalysis(parse(wire.analysisRequest, request.body))),
      );
      api.post<{ Params: { document: string } }>(
        '/clientes/:document/alteracoes-limite',
        async (request, reply) =>
          reply
            .status(202)
            .send(
              platform.requestLimitChange(
                request.params.document,
                parse(wire.limitChangeRequest, request.body),
              ),
            ),
      );
      api.get<{ Params: { document: string } }>('/clientes/:document/credito', async (request) =>
        platform.credit(request.params.document),
      );
      api.post('/tickets', async (request, reply) => {
        const { reused, ticket } = platform.createTicket(parse(wire.ticketRequest, request.body));
        return reply.status(reused ? 200 : 201).send(ticket);
      });
      api.delete<{ Params: { id: string } }>('/tickets/:id', async (request) =>
        platform.cancelTicket(request.params.id),
      );
      api.get<{ Params: { order: string } }>('/pedidos/:order/ticket', async (request) =>
        platform.orderTicketWire(request.params.order),
      );
      api.post('/notas-fiscais', async (request) =>
        platform.receiveInvoice(parse(wire.invoiceRequest, request.body)),
      );
      api.post('/pos-venda/devolucoes', async (request, reply) =>
        reply.status(201).send(platform.receiveReturn(parse(wire.returnRequest, request.body))),
      );
      api.get('/pos-venda/solicitacoes', async () => ({ solicitacoes: platform.pendingAfterSale() }));
      api.post<{ Params: { id: string } }>('/pos-venda/solicitacoes/:id/resposta', async (request) =>
        platform.answerAfterSale(request.params.id, parse(wire.afterSaleAnswerRequest, request.body)),
      );
      api.get('/conciliacao/lancamentos', async () => ({ lancamentos: platform.pendingEvents() }));
      api.post('/conciliacao/lancamentos/confirmacao', async (request) =>
        platform.acknowledge(parse(wire.acknowledgementRequest, request.body).idsLancamento),
      );
    },
    { prefix: '/api/v1' },
  );

  await app.register(
    async (control) => {
      control.post<{ Params: { document: string } }>('/analyses/:document/decide', async (request) => {
        const verdict = parse(
          z.object({ approved: z.boolean(), limitCents: cents.optional(), reason: z.string().optional() }),
          request.body,
        );
        platform.decide(request.params.document, verdict);
        return platform.credit(request.params.document);
      });
      control.post<{ Params: { document: string } }>('/analyses/:document/review', async (request) => {
        platform.review(request.params.document);
        return platform.credit(request.params.document);
      });
      control.post<{ Params: { document: string } }>('/customers/:document/situation', async (request) => {
        const { situation } = parse(
          z.object({ situation: z.enum(customerSituations).exclude(['failed']) }),
          request.body,
        );
        platform.setSituation(request.params.document, CUSTOMER_SITUATION_TO_WIRE[situation]);
        return platform.credit(request.params.document);
      });
      control.post<{ Params: { document: string } }>('/customers/:document/payments', async (request) => {
        platform.receivePayment(
          request.params.document,
          parse(z.object({ amountCents: cents }), request.body).amountCents,
        );
        return platform.credit(request.params.document);
      });
      control.post('/events', async (request) => {
        const events = parse(controlEvents, request.body);
        for (const e of events)
          platform.addEvent({
            idLancamento: e.entryId,
            codigoEvento: e.eventCode,
            tipoLancamento: e.type,
            valor: centsToDecimalString(e.amountCents),
            valorTaxa: centsToDecimalString(e.feeCents),
            cnpjCpfCliente: e.customerDocument,
            notaFiscal: e.invoiceNumber ? { numero: e.invoiceNumber, serie: e.invoiceSeries ?? '' } : null,
            dataOcorrencia: e.occurredOn,
          });
        return { received: events.length, pending: platform.pendingEvents().length };
      });
      control.post('/after-sale-requests', async (request) => {
        const requests = parse(controlAfterSale, request.body);
        for (const r of requests)
          platform.addAfterSale({
            idSolicitacao: r.requestId,
            tipo: AFTER_SALE_KIND_TO_WIRE[r.kind],
            numeroNota: r.invoiceNumber,
            serieNota: r.invoiceSeries,
            cnpjCpf: r.customerDocument,
            valor: centsToDecimalString(r.amountCents),
            novoVencimento: r.newDueDate ?? null,
            motivo: r.reason ?? null,
            data: r.requestedOn,
          });
        return { received: requests.length, pending: platform.pendingAfterSale().length };
      });
      control.post('/failures', async (request) => {
        const failure = parse(
          z.object({
            status: z.number().int().min(400).max(599),
            count: z.number().int().positive().default(1),
            retryAfterSeconds: z.number().int().positive().optional(),
          }),
          request.body,
        );
        for (let i = 0; i < failure.count; i++)
          failures.push({ status: failure.status, retryAfterSeconds: failure.retryAfterSeconds });
        return { queued: failures.length };
      });
      control.post('/tokens/revoke', async () => {
        const revoked = tokens.size;
        tokens.clear();
        return { revoked };
      });
      control.get('/state', async () => ({
        tokensIssued,
        customers: [...platform.customers.values()],
        analyses: platform.analyses,
        tickets: [...platform.tickets.values()],
        invoices: Object.fromEntries(platform.invoices),
        orders: [...platform.orders.values()],
        movements: [...platform.movements.values()],
        returns: platform.returns,
        afterSale: [...platform.afterSale.values()],
        events: [...platform.events.values()],
      }));
    },
    { prefix: '/_control' },
  );
}
