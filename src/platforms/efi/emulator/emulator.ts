/**
 * The emulated Efí account around the state: OAuth tokens, the daily quota per endpoint and client (Efí's published
 * 15,000, simplified to a calendar day), injected latency, 5xx and timeouts, and the notification posts with their
 * delivery record (a notification counts as delivered once its token is fetched).
 */
import { randomBytes } from 'node:crypto';
import { todayInSaoPaulo } from '../../../domain/dates.js';
import type { EfiNotificationEntry } from '../wire.js';
import { EfiEmulatorError, EfiEmulatorState, type EfiEmulatorClock, type EmulatedCharge } from './state.js';

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
  /** Only requests to this endpoint ("POST /v1/carnet") take the injected 5xx and timeouts; default: all. */
  faultEndpoint?: string | null;
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
  endpoint: string | null;
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
      endpoint: options.faultEndpoint ?? null,
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
  async withFaults<T>(endpoint: string, work: () => T | Promise<T>): Promise<T> {
    if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs, this.closing.signal);
    const targeted = this.faults.endpoint === null || this.faults.endpoint === endpoint;
    if (targeted && this.faults.failNext > 0) {
      this.faults.failNext--;
      throw new EfiEmulatorError(500, {
        code: 3500000,
        error: 'internal_server_error',
        error_description: 'Erro interno do servidor.',
      });
    }
    const result = await work();
    if (targeted && this.faults.timeoutNext > 0) {
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
