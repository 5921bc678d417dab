/**
 * HTTP to Efí's API Cobranças: OAuth2 client credentials (`POST /v1/authorize`, Basic client_id:client_secret),
 * the token reused until shortly before it expires, a timeout per request, and every failure turned into a
 * PlatformError of the right kind. Each exchange is reported to `onExchange` with tokens and secrets masked.
 */
import type { z } from 'zod';
import { PlatformError, type PlatformExchange } from '../adapter.js';
import { authorizeResponse, errorBody, type EfiErrorBody } from './wire.js';

export interface EfiClientOptions {
  clientId: string;
  clientSecret: string;
  /** Host without the "/v1" path: Efí's sandbox or production host, or an emulator. */
  baseUrl: string;
  timeoutMs: number;
  onExchange?: (exchange: PlatformExchange) => void;
  now?: () => number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/** A token is renewed this long before Efí says it expires, so that no request carries a token about to lapse. */
const TOKEN_MARGIN_MS = 30_000;
const MASK = '***';

export class EfiClient {
  private token: { value: string; expiresAt: number } | undefined;
  private readonly now: () => number;

  constructor(private readonly options: EfiClientOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Authenticates now (even with a valid token), as "Testar conexão" does. */
  async authorize(): Promise<void> {
    const basic = Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`).toString('base64');
    const body = await this.exchange('authorize', 'POST', '/v1/authorize', authorizeResponse, {
      body: { grant_type: 'client_credentials' },
      authorization: `Basic ${basic}`,
    });
    this.token = {
      value: body.access_token,
      expiresAt: this.now() + body.expires_in * 1000 - TOKEN_MARGIN_MS,
    };
  }

  /** Calls an endpoint with the current token; a token Efí no longer accepts is renewed once. */
  async call<T extends z.ZodType>(
    operation: string,
    method: HttpMethod,
    path: string,
    schema: T,
    body?: unknown,
  ): Promise<z.output<T>> {
    for (let attempt = 0; ; attempt++) {
      if (!this.token || this.token.expiresAt <= this.now()) await this.authorize();
      try {
        return await this.exchange(operation, method, path, schema, {
          body,
          authorization: `Bearer ${this.token!.value}`,
        });
      } catch (error) {
        if (attempt > 0 || !(error instanceof PlatformError) || error.kind !== 'authentication') throw error;
        this.token = undefined;
      }
    }
  }

  private async exchange<T extends z.ZodType>(
    operation: string,
    method: HttpMethod,
    path: string,
    schema: T,
    request: { body?: unknown; authorization: string },
  ): Promise<z.output<T>> {
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}${path}`;
    const startedAt = new Date(this.now());
    const started = performance.now();
    const report = (status: number | null, responseBody: unknown) =>
      this.options.onExchange?.({
        operation,
        method,
        url,
        requestBody: this.mask(request.body ?? null),
        status,
        responseBody: this.mask(responseBody),
        durationMs: Math.round(performance.now() - started),
        startedAt,
      });

    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: request.authorization,
          accept: 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      report(null, { error: timedOut ? 'timeout' : String(error) });
      throw new PlatformError(
        'transient',
        timedOut
          ? `A Efí não respondeu em ${this.options.timeoutMs} ms (${operation}).`
          : `Falha de comunicação com a Efí (${operation}): ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }

    const text = await response.text().catch(() => '');
    const parsedBody = parseJson(text);
    report(response.status, parsedBody ?? text);
    if (!response.ok) throw classify(response, parsedBody, operation);
    const parsed = schema.safeParse(parsedBody);
    if (!parsed.success)
      throw new PlatformError(
        'transient',
        `Resposta inesperada da Efí (${operation}): ${parsed.error.issues[0]?.message ?? 'formato desconhecido'}`,
      );
    return parsed.data;
  }

  /** Replaces tokens and the client secret wherever they appear in a logged body. */
  private mask(value: unknown): unknown {
    if (typeof value === 'string')
      return this.options.clientSecret ? value.split(this.options.clientSecret).join(MASK) : value;
    if (Array.isArray(value)) return value.map((item) => this.mask(item));
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, /token|secret/i.test(key) ? MASK : this.mask(item)]),
      );
    return value;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(body: EfiErrorBody): { message: string; property?: string } {
  const description = body.error_description;
  if (description === undefined) return { message: body.error };
  if (typeof description === 'string') return { message: description };
  return { message: description.message, property: description.property };
}

/** 401/403 → authentication; 429, 5xx → transient; any other refusal → validation with Efí's own text. */
function classify(response: Response, body: unknown, operation: string): PlatformError {
  const efi = errorBody.safeParse(body);
  const { message, property } = efi.success ? describe(efi.data) : { message: `HTTP ${response.status}` };
  const platformCode = efi.success && efi.data.code !== undefined ? String(efi.data.code) : undefined;
  const status = response.status;
  if (status === 401 || status === 403)
    return new PlatformError('authentication', `A Efí recusou as credenciais (${operation}): ${message}`, {
      platformCode,
    });
  if (status === 429 || status >= 500) {
    const retryAfter = Number(response.headers.get('retry-after'));
    return new PlatformError('transient', `Efí indisponível (${operation}, HTTP ${status}): ${message}`, {
      platformCode,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    });
  }
  return new PlatformError('validation', message, {
    ...(property ? { property } : {}),
    ...(platformCode ? { platformCode } : {}),
  });
}
