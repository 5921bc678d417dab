/**
 * The Efí emulator over HTTP: Efí's routes, payload shapes, statuses and error format (see state.ts), OAuth with
 * expiring tokens, 15,000 requests a day per endpoint and client (Efí's published quota, simplified to a calendar
 * day), and control routes for tests and the demo. A Fastify plugin (`efiEmulatorRoutes`, mounted by the demo at
 * /emulators/efi) and a standalone server (`createEfiEmulator`, `finconsole emulate efi`). Never imported by
 * product code: only tests, the CLI and the demo wiring use it.
 */
import Fastify, {
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { z } from 'zod';
import { carnetRequest, oneStepRequest, resendRequest, updateBilletRequest } from '../wire.js';
import { EfiEmulator, type EfiEmulatorOptions } from './emulator.js';
import { EfiEmulatorError, fromZodError, validationError, type EmulatedCharge } from './state.js';
import { billet, controlView, customerView, links, listed } from './views.js';

export { EFI_EMULATOR_DEMO_ACCOUNT, EfiEmulator } from './emulator.js';
export type { EfiEmulatorAccount, EfiEmulatorOptions } from './emulator.js';

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
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
  endpoint: z.string().nullable().optional(),
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
    emulator.withFaults('POST /v1/authorize', () => emulator.authorize(request.headers.authorization)),
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
        emulator.withFaults(`${method} ${url}`, () => {
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
