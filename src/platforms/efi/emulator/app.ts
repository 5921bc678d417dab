/**
 * The Efí emulator over HTTP: Efí's routes, payload shapes, statuses and error format (see state.ts), OAuth with
 * expiring tokens, 15,000 requests a day per endpoint and client (Efí's published quota, simplified to a calendar
 * day), and control routes for tests and the demo. A Fastify plugin (`efiEmulatorRoutes`, mounted by the demo at
 * /emulators/efi) and a standalone server (`createEfiEmulator`, `finconsole emulate efi`). Never imported by
 * product code: only tests, the CLI and the demo wiring use it.
 */
import { randomBytes } from 'node:crypto';
import Fastify, {
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { z } from 'zod';
import { todayInSaoPaulo } from '../../../domain/dates.js';
import {
  carnetRequest,
  oneStepRequest,
  resendRequest,
  updateBilletRequest,
  type EfiNotificationEntry,
} from '../wire.js';
import {
  EfiEmulatorError,
  EfiEmulatorState,
  fromZodError,
  validationError,
  type EfiEmulatorClock,
  type EmulatedCharge,
} from './state.js';

export interface EfiEmulatorAccount {
  clientId: string;
  clientSecret: string;
}

/** The account the demo and `finconsole emulate efi` accept. */
export const EFI_EMULATOR_DEMO_ACCOUNT: EfiEmulatorAccount = {
  clientId: 'Client_Id_emulador_efi',
  clientSecret: 'Client_Secret_emulador_efi',
};

export interface EfiEmulatorOptions {
  accounts?: EfiEmulatorAccount[];
  /** Rewrites a charge's notification_url before posting to it (e.g. a public URL to the local server). */
  webhookResolver?: (notificationUrl: string) => string;
  /** Added to every API answer. */
  latencyMs?: number;
  /** The next N API requests answer HTTP 500 without doing anything. */
  failNext?: number;
  /** The next N API requests are carried out but answered only after `hangMs` (a client timeout that succeeded). */
  timeoutNext?: number;
  hangMs?: number;
  /** Requests a day per endpoint and client (Efí: 15,000). */
  dailyLimit?: number;
  tokenTtlSeconds?: number;
  /** The PIX key of the emulated Efí account; without one, boletos come without PIX (no Bolix). */
  pixKey?: string | null;
  /** Efí requires the payer's phone on boletos in this emulator unless turned off. */
  requirePhone?: boolean;
  today?: () => string;
}

interface Faults {
  latencyMs: number;
  failNext: number;
  timeoutNext: number;
  hangMs: number;
}

interface Delivery {
  token: string;
  chargeId: number;
  url: string;
  posts: number;
  lastStatus: number | null;
  lastError: string | null;
  /** Highest history id handed out by GET /v1/notification/:token. */
  fetchedUpTo: number;
}

const DEFAULT_PIX_KEY = '7d9f0335-8dcc-4054-9bf9-0dbd61d36906';

function saoPauloTimestamp(): string {
  // Brazil has kept UTC−3 all year since 2019.
  return new Date(Date.now() - 3 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export class EfiEmulator {
  readonly state: EfiEmulatorState;
  readonly faults: Faults;
  readonly deliveries = new Map<string, Delivery>();
  readonly stats = { authorizations: 0, requests: new Map<string, number>() };
  private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly closing = new AbortController();

  constructor(private readonly options: EfiEmulatorOptions = {}) {
    const clock: EfiEmulatorClock = { today: () => this.today(), timestamp: saoPauloTimestamp };
    this.state = new EfiEmulatorState(
      clock,
      options.pixKey === null ? undefined : (options.pixKey ?? DEFAULT_PIX_KEY),
      options.requirePhone ?? true,
    );
    this.faults = {
      latencyMs: options.latencyMs ?? 0,
      failNext: options.failNext ?? 0,
      timeoutNext: options.timeoutNext ?? 0,
      hangMs: options.hangMs ?? 30_000,
    };
  }

  authorize(header: string | undefined): { access_token: string; token_type: string; expires_in: number } {
    const [scheme, encoded] = (header ?? '').split(' ');
    const [clientId, ...rest] = Buffer.from(encoded ?? '', 'base64')
      .toString()
      .split(':');
    const account = (this.options.accounts ?? [EFI_EMULATOR_DEMO_ACCOUNT]).find(
      (a) => a.clientId === clientId && a.clientSecret === rest.join(':'),
    );
    if (scheme !== 'Basic' || !account)
      throw new EfiEmulatorError(401, {
        error: 'invalid_client',
        error_description: 'Credenciais inválidas.',
      });
    const ttl = this.options.tokenTtlSeconds ?? 600;
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { clientId: account.clientId, expiresAt: Date.now() + ttl * 1000 });
    this.stats.authorizations++;
    return { access_token: token, token_type: 'Bearer', expires_in: ttl };
  }

  /** The client behind a Bearer token; 401 in Efí's shape when missing or expired. */
  clientOf(header: string | undefined): string {
    const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
    const entry = this.tokens.get(token);
    if (!entry || entry.expiresAt <= Date.now())
      throw new EfiEmulatorError(401, {
        error: 'unauthorized',
        error_description: 'Token de acesso inválido ou expirado.',
      });
    return entry.clientId;
  }

  expireTokens(): void {
    this.tokens.clear();
  }

  /** Counts a request against the daily quota of its endpoint and client. */
  countRequest(clientId: string, endpoint: string): void {
    const key = `${clientId} ${endpoint} ${this.today()}`;
    const count = (this.stats.requests.get(key) ?? 0) + 1;
    this.stats.requests.set(key, count);
    const limit = this.options.dailyLimit ?? 15_000;
    if (count > limit)
      throw new EfiEmulatorError(429, {
        code: 429,
        error: 'rate_limit_exceeded',
        error_description: `Limite de ${limit} requisições diárias excedido para ${endpoint}.`,
      });
  }

  private today(): string {
    return this.options.today?.() ?? todayInSaoPaulo();
  }

  /** Posts `notification=<token>` to the charge's notification URL, as Efí does after every status change. */
  notify(charge: EmulatedCharge): Promise<Delivery | undefined> {
    if (!charge.notificationUrl) return Promise.resolve(undefined);
    const url = this.options.webhookResolver?.(charge.notificationUrl) ?? charge.notificationUrl;
    const delivery = this.deliveries.get(charge.notificationToken) ?? {
      token: charge.notificationToken,
      chargeId: charge.id,
      url,
      posts: 0,
      lastStatus: null,
      lastError: null,
      fetchedUpTo: 0,
    };
    this.deliveries.set(delivery.token, delivery);
    delivery.posts++;
    const post = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ notification: charge.notificationToken }).toString(),
      signal: AbortSignal.any([AbortSignal.timeout(10_000), this.closing.signal]),
    })
      .then(async (response) => {
        await response.arrayBuffer().catch(() => undefined);
        delivery.lastStatus = response.status;
        delivery.lastError = null;
      })
      .catch((error: unknown) => {
        delivery.lastStatus = null;
        delivery.lastError = error instanceof Error ? error.message : String(error);
      })
      .then(() => delivery);
    this.pending.add(post);
    void post.finally(() => this.pending.delete(post));
    return post;
  }

  notifyAll(charges: EmulatedCharge[]): void {
    for (const charge of charges) void this.notify(charge);
  }

  /** The history behind a token; fetching it is what makes Efí count the notification as delivered. */
  fetchNotification(token: string): EfiNotificationEntry[] {
    const history = this.state.notification(token);
    const delivery = this.deliveries.get(token);
    if (delivery) delivery.fetchedUpTo = Math.max(delivery.fetchedUpTo, history[history.length - 1]?.id ?? 0);
    return history;
  }

  /** Notifications whose latest status change nobody has fetched yet. */
  undelivered(): Delivery[] {
    return [...this.deliveries.values()].filter((d) => {
      const history = this.state.charge(d.chargeId).history;
      return d.fetchedUpTo < (history[history.length - 1]?.id ?? 0);
    });
  }

  /** Applies latency, injected 5xx and injected timeouts around one API request. */
  async withFaults<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs, this.closing.signal);
    if (this.faults.failNext > 0) {
      this.faults.failNext--;
      throw new EfiEmulatorError(500, {
        code: 3500000,
        error: 'internal_server_error',
        error_description: 'Erro interno do servidor.',
      });
    }
    const result = await work();
    if (this.faults.timeoutNext > 0) {
      this.faults.timeoutNext--;
      await sleep(this.faults.hangMs, this.closing.signal);
    }
    return result;
  }

  /** Waits for webhook posts under way (tests), then stops hanging answers. */
  async close(): Promise<void> {
    this.closing.abort();
    await Promise.allSettled([...this.pending]);
  }
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/** Links Efí would host: here, a page of the emulator itself. */
function links(request: FastifyRequest, prefix: string, charge: EmulatedCharge) {
  const link = `${request.protocol}://${request.host}${prefix}/boleto/${charge.id}`;
  return { link, billet_link: link, pdf: { charge: link } };
}

function billet(request: FastifyRequest, prefix: string, charge: EmulatedCharge) {
  return {
    barcode: charge.line,
    ...(charge.pix ? { pix: charge.pix } : {}),
    ...links(request, prefix, charge),
    expire_at: charge.expireAt,
  };
}

function customerView(charge: EmulatedCharge) {
  const c = charge.customer;
  return c.juridical_person
    ? {
        cnpj: c.juridical_person.cnpj,
        corporate_name: c.juridical_person.corporate_name,
        phone_number: c.phone_number ?? null,
        email: c.email,
      }
    : { name: c.name, cpf: c.cpf, phone_number: c.phone_number ?? null, email: c.email };
}

function listed(request: FastifyRequest, prefix: string, charge: EmulatedCharge) {
  const method = charge.carnet ? 'carnet' : 'banking_billet';
  const view = charge.carnet
    ? { ...billet(request, prefix, charge), parcel: charge.carnet.parcel, carnet_id: charge.carnet.id }
    : billet(request, prefix, charge);
  return {
    id: charge.id,
    total: charge.totalCents,
    status: charge.status,
    custom_id: charge.customId,
    created_at: charge.createdAt,
    customer: customerView(charge),
    payment: {
      payment_method: method,
      paid_at: charge.paid ? `${charge.paid.on} 00:00:00` : null,
      ...(charge.paid ? { paid_value: charge.paid.cents } : {}),
      [method]: view,
    },
  };
}

const listQuery = z.object({
  charge_type: z.enum(['billet', 'carnet', 'subscription', 'card']),
  begin_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  end_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  custom_id: z.string().optional(),
  status: z.string().optional(),
});

const faultsBody = z.object({
  latencyMs: z.number().int().min(0).optional(),
  failNext: z.number().int().min(0).optional(),
  timeoutNext: z.number().int().min(0).optional(),
  hangMs: z.number().int().min(0).optional(),
});

function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof EfiEmulatorError) return reply.code(error.status).send(error.body);
  const status = (error as { statusCode?: number }).statusCode;
  if (status && status < 500)
    return reply.code(400).send(validationError('/', (error as Error).message).body);
  return reply
    .code(500)
    .send({ code: 3500000, error: 'internal_server_error', error_description: 'Erro interno do servidor.' });
}

/** The emulator's routes; `prefix` is where they are mounted (for the links it hands out). */
export const efiEmulatorRoutes: FastifyPluginAsync<{ emulator: EfiEmulator; prefix?: string }> = async (
  app,
  opts,
) => {
  const { emulator } = opts;
  const prefix = opts.prefix ?? '';
  const state = emulator.state;
  app.setErrorHandler((error, _request, reply) => sendError(reply, error));
  app.addHook('onClose', () => emulator.close());

  app.post('/v1/authorize', (request) =>
    emulator.withFaults(() => emulator.authorize(request.headers.authorization)),
  );

  /** An authenticated, counted, fault-injected API route. */
  const api = <P>(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    handler: (request: FastifyRequest<{ Params: P }>) => unknown,
  ) =>
    app.route<{ Params: P }>({
      method,
      url,
      handler: (request) =>
        emulator.withFaults(() => {
          emulator.countRequest(emulator.clientOf(request.headers.authorization), `${method} ${url}`);
          return handler(request);
        }),
    });

  api('POST', '/v1/charge/one-step', (request) => {
    const charge = state.oneStep(parse(oneStepRequest, request.body));
    emulator.notifyAll([charge]);
    return {
      code: 200,
      data: {
        ...billet(request, prefix, charge),
        charge_id: charge.id,
        status: charge.status,
        total: charge.totalCents,
        payment: 'banking_billet',
      },
    };
  });

  api('POST', '/v1/carnet', (request) => {
    const { carnet, charges } = state.carnet(parse(carnetRequest, request.body));
    emulator.notifyAll(charges);
    const link = `${request.protocol}://${request.host}${prefix}/carne/${carnet.id}`;
    return {
      code: 200,
      data: {
        carnet_id: carnet.id,
        status: 'up_to_date',
        cover: link,
        link,
        carnet_link: link,
        pdf: { carnet: link, cover: link },
        charges: charges.map((charge) => ({
          charge_id: charge.id,
          parcel: `${charge.carnet!.parcel}/${charge.carnet!.repeats}`,
          status: charge.status,
          value: charge.totalCents,
          expire_at: charge.expireAt,
          url: links(request, prefix, charge).link,
          parcel_link: links(request, prefix, charge).link,
          pdf: links(request, prefix, charge).pdf,
          barcode: charge.line,
          ...(charge.pix ? { pix: charge.pix } : {}),
        })),
      },
    };
  });

  api<{ id: string }>('GET', '/v1/charge/:id', (request) => {
    const charge = state.charge(request.params.id);
    return {
      code: 200,
      data: {
        charge_id: charge.id,
        total: charge.totalCents,
        status: charge.status,
        custom_id: charge.customId,
        created_at: charge.createdAt,
        notification_url: charge.notificationUrl,
        items: [{ name: charge.itemName, value: charge.totalCents, amount: 1 }],
        history: charge.messages,
        customer: customerView(charge),
        payment: {
          method: charge.carnet ? 'carnet' : 'banking_billet',
          created_at: charge.createdAt,
          message: null,
          [charge.carnet ? 'carnet' : 'banking_billet']: billet(request, prefix, charge),
        },
      },
    };
  });

  api('GET', '/v1/charges', (request) => {
    const query = parse(listQuery, request.query);
    const wantCarnet = query.charge_type === 'carnet';
    const data = [...state.charges.values()]
      .filter(
        (c) =>
          Boolean(c.carnet) === wantCarnet &&
          query.charge_type !== 'subscription' &&
          query.charge_type !== 'card',
      )
      .filter(
        (c) => c.createdAt.slice(0, 10) >= query.begin_date && c.createdAt.slice(0, 10) <= query.end_date,
      )
      .filter((c) => query.custom_id === undefined || c.customId === query.custom_id)
      .filter((c) => query.status === undefined || c.status === query.status)
      .map((c) => listed(request, prefix, c));
    return {
      code: 200,
      data,
      params: {
        begin_date: query.begin_date,
        end_date: query.end_date,
        pagination: { limit: 1000, offset: 0, page: 1 },
      },
    };
  });

  const changed = (charge: EmulatedCharge) => {
    void emulator.notify(charge);
    return { code: 200 };
  };

  api<{ id: string }>('PUT', '/v1/charge/:id/billet', (request) => {
    const body = parse(updateBilletRequest, request.body);
    const charge = state.charge(request.params.id);
    const before = charge.status;
    state.updateBillet(request.params.id, body.expire_at);
    return charge.status !== before ? changed(charge) : { code: 200 };
  });
  api<{ id: string }>('PUT', '/v1/charge/:id/cancel', (request) => changed(state.cancel(request.params.id)));
  api<{ id: string }>('PUT', '/v1/charge/:id/settle', (request) => changed(state.settle(request.params.id)));
  api<{ id: string }>('POST', '/v1/charge/:id/billet/resend', (request) => {
    state.resend(request.params.id, parse(resendRequest, request.body).email);
    return { code: 200 };
  });
  api<{ token: string }>('GET', '/v1/notification/:token', (request) => ({
    code: 200,
    data: emulator.fetchNotification(request.params.token),
  }));

  // Pages behind the links Efí hands out (the real ones are Efí's PDFs).
  app.get<{ Params: { id: string } }>('/boleto/:id', async (request, reply) => {
    const charge = state.charge(request.params.id);
    return reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><meta charset="utf-8"><title>Boleto ${charge.id}</title><h1>Boleto ${charge.id} (emulador Efí)</h1>` +
          `<p>Valor: ${(charge.totalCents / 100).toFixed(2)} · Vencimento: ${charge.expireAt} · Situação: ${charge.status}</p>` +
          `<p>Linha digitável: <code>${charge.line}</code></p>` +
          (charge.pix ? `<p>PIX copia e cola: <code>${charge.pix.qrcode}</code></p>` : ''),
      );
  });

  // Control routes (not Efí's): drive charges, inspect what Efí would have done, inject faults.
  const control = async (apply: () => EmulatedCharge) => {
    const charge = apply();
    const delivery = await emulator.notify(charge);
    return { charge: controlView(charge), delivery: delivery ?? null };
  };
  app.post<{ Params: { chargeId: string }; Body: { paidCents?: number } | undefined }>(
    '/_control/charges/:chargeId/pay',
    (request) => {
      const body = parse(z.object({ paidCents: z.number().int().positive().optional() }), request.body);
      return control(() => state.pay(request.params.chargeId, body.paidCents));
    },
  );
  app.post<{ Params: { chargeId: string } }>('/_control/charges/:chargeId/expire', (request) =>
    control(() => state.expire(request.params.chargeId)),
  );
  app.post<{ Params: { chargeId: string } }>('/_control/charges/:chargeId/cancel', (request) =>
    control(() => state.cancel(request.params.chargeId)),
  );
  app.get<{ Querystring: { custom_id?: string } }>('/_control/charges', (request) => ({
    charges: [...state.charges.values()]
      .filter((c) => request.query.custom_id === undefined || c.customId === request.query.custom_id)
      .map(controlView),
  }));
  app.get<{ Params: { chargeId: string } }>('/_control/charges/:chargeId', (request) =>
    controlView(state.charge(request.params.chargeId)),
  );
  app.get('/_control/notifications', () => ({
    deliveries: [...emulator.deliveries.values()],
    undelivered: emulator.undelivered().map((d) => d.token),
  }));
  app.post('/_control/notifications/redeliver', async () => {
    const again = emulator.undelivered();
    const deliveries = await Promise.all(again.map((d) => emulator.notify(state.charge(d.chargeId))));
    return { deliveries };
  });
  app.get('/_control/emails', () => ({ emails: state.emails }));
  app.get('/_control/stats', () => ({
    authorizations: emulator.stats.authorizations,
    requests: Object.fromEntries(emulator.stats.requests),
  }));
  app.post('/_control/faults', (request) => {
    Object.assign(emulator.faults, parse(faultsBody, request.body));
    return { faults: emulator.faults };
  });
  app.post('/_control/tokens/expire', () => {
    emulator.expireTokens();
    return { ok: true };
  });
};

/** What the control routes show of a charge (ours, not Efí's shape). */
function controlView(charge: EmulatedCharge) {
  return {
    chargeId: charge.id,
    customId: charge.customId,
    status: charge.status,
    totalCents: charge.totalCents,
    expireAt: charge.expireAt,
    line: charge.line,
    pixCopyPaste: charge.pix?.qrcode ?? null,
    carnet: charge.carnet ?? null,
    paid: charge.paid ?? null,
    notificationUrl: charge.notificationUrl,
    notificationToken: charge.notificationToken,
    history: charge.history,
  };
}

export interface RunningEfiEmulator {
  app: FastifyInstance;
  emulator: EfiEmulator;
  /** Base URL of the listening server (no trailing slash), to use as the adapter's `baseUrl`. */
  url: string;
  close(): Promise<void>;
}

/** A standalone emulator listening on `port` (0: any free port). */
export async function createEfiEmulator(
  options: EfiEmulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningEfiEmulator> {
  const emulator = new EfiEmulator(options);
  const app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(efiEmulatorRoutes, { emulator });
  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  return { app, emulator, url: address.replace(/\/$/, ''), close: () => app.close() };
}
