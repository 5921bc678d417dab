/**
 * HTTP with the credit platform: OAuth2 client credentials (one token reused until shortly before it expires, and
 * fetched again once when the platform answers 401), error classification into PlatformError kinds, and one
 * communication-log entry per exchange with tokens masked. The client secret travels only in the Basic header,
 * which is never logged.
 */
import type { z } from 'zod';
import { PlatformError, type AdapterRuntime, type PlatformExchange } from '../adapter.js';
import { fieldFromWire, type Operation } from './mapping.js';
import { errorResponse, tokenResponse } from './wire.js';

const DEFAULT_TIMEOUT_MS = 30_000;
/** A token this close to expiry is not used for a new request: the request could outlive it. */
const TOKEN_MARGIN_MS = 60_000;
const MASKED_KEYS = new Set(['access_token', 'refresh_token', 'client_secret', 'clientSecret']);

export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, MASKED_KEYS.has(key) ? '***' : maskSecrets(inner)]),
    );
  return value;
}

export interface SupplierClientOptions {
  clientId: string;
  clientSecret: string;
  runtime: AdapterRuntime;
  /** The platform's base URL (resolved once: fixed, or through the environment registry). */
  baseUrl(): Promise<string>;
  now?: () => number;
}

interface RawResponse {
  status: number;
  body: unknown;
  retryAfterMs: number | undefined;
}

export class SupplierClient {
  private token: { value: string; expiresAt: number } | undefined;
  private pendingToken: Promise<string> | undefined;

  constructor(private readonly options: SupplierClientOptions) {}

  /** Runs one operation of the contract: authenticated request, classified errors, validated response. */
  async call<In, Res extends z.ZodType, Out>(
    name: string,
    op: Operation<In, Res, Out>,
    input: In,
  ): Promise<Out> {
    const url = (await this.options.baseUrl()) + op.path(input);
    const body = op.body?.(input);
    let response = await this.send(name, op.method, url, body, await this.accessToken());
    if (response.status === 401) {
      // A token revoked or expired early on the platform's side: one fresh token, one retry.
      this.token = undefined;
      response = await this.send(name, op.method, url, body, await this.accessToken());
    }
    if (response.status === 404 && op.notFound !== undefined) return op.notFound;
    if (response.status >= 300) throw classify(response, 'api');
    return op.result(parseResponse(op.response, response.body), input);
  }

  /** The platform's answer to a plain GET without authentication (the environment registry). */
  async getPublic<S extends z.ZodType>(name: string, url: string, schema: S): Promise<z.infer<S>> {
    const response = await this.exchange(name, 'GET', url, undefined, {});
    if (response.status >= 300) throw classify(response, 'api');
    return parseResponse(schema, response.body);
  }

  private async accessToken(): Promise<string> {
    const now = this.options.now?.() ?? Date.now();
    if (this.token && this.token.expiresAt - TOKEN_MARGIN_MS > now) return this.token.value;
    // Concurrent calls share one token request instead of each fetching its own.
    this.pendingToken ??= this.fetchToken().finally(() => (this.pendingToken = undefined));
    return this.pendingToken;
  }

  private async fetchToken(): Promise<string> {
    const { clientId, clientSecret } = this.options;
    const url = `${await this.options.baseUrl()}/oauth/token`;
    const response = await this.exchange('authenticate', 'POST', url, 'grant_type=client_credentials', {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    });
    if (response.status >= 300) throw classify(response, 'token');
    const token = parseResponse(tokenResponse, response.body);
    const now = this.options.now?.() ?? Date.now();
    this.token = { value: token.access_token, expiresAt: now + token.expires_in * 1000 };
    return token.access_token;
  }

  private send(
    name: string,
    method: string,
    url: string,
    body: unknown,
    token: string,
  ): Promise<RawResponse> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.exchange(
      name,
      method,
      url,
      body === undefined ? undefined : JSON.stringify(body),
      headers,
      body,
    );
  }

  private async exchange(
    operation: string,
    method: string,
    url: string,
    payload: string | undefined,
    headers: Record<string, string>,
    loggedBody: unknown = payload,
  ): Promise<RawResponse> {
    const startedAt = new Date();
    const log = (status: number | null, responseBody: unknown) => {
      const exchange: PlatformExchange = {
        operation,
        method,
        url,
        requestBody: maskSecrets(loggedBody ?? null),
        status,
        responseBody: maskSecrets(responseBody),
        durationMs: Date.now() - startedAt.getTime(),
        startedAt,
      };
      this.options.runtime.onExchange?.(exchange);
    };
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { accept: 'application/json', ...headers },
        body: payload,
        signal: AbortSignal.timeout(this.options.runtime.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      log(null, { erro: timedOut ? 'tempo esgotado' : String(error) });
      throw new PlatformError(
        'transient',
        timedOut ? 'Plataforma de crédito: tempo de resposta esgotado' : 'Plataforma de crédito indisponível',
        { cause: error },
      );
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's HTML error page): kept as text for the log.
    }
    log(response.status, body);
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      status: response.status,
      body,
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
    };
  }
}

/**
 * An answer we cannot read is a contract mismatch: retrying would not help and the operator must see it, so it
 * is a validation error (not retried, message shown), not a transient one.
 */
function parseResponse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new PlatformError(
    'validation',
    `Plataforma de crédito: resposta fora do contrato (${issue?.path.join('.') || 'corpo'}: ${issue?.message})`,
    { platformCode: 'resposta_invalida' },
  );
}

function classify(response: RawResponse, stage: 'token' | 'api'): PlatformError {
  const { status } = response;
  const platform = errorResponse.safeParse(response.body);
  const platformCode = platform.success ? platform.data.codigo : oauthError(response.body);
  if (status === 401 || status === 403 || (stage === 'token' && status === 400))
    return new PlatformError(
      'authentication',
      stage === 'token'
        ? 'Plataforma de crédito: Client ID ou Client Secret recusados'
        : 'Plataforma de crédito: acesso negado com as credenciais da integração',
      { platformCode },
    );
  if (status === 408 || status === 429 || status >= 500)
    return new PlatformError(
      'transient',
      status === 429
        ? 'Plataforma de crédito: limite de requisições atingido'
        : `Plataforma de crédito: falha temporária (HTTP ${status})`,
      { platformCode, retryAfterMs: response.retryAfterMs },
    );
  if (!platform.success)
    return new PlatformError('validation', `Plataforma de crédito: requisição recusada (HTTP ${status})`, {
      platformCode,
    });
  const first = platform.data.erros?.[0];
  const property = first ? fieldFromWire(first.campo) : undefined;
  return new PlatformError(
    'validation',
    first ? `${property}: ${first.mensagem}` : `Plataforma de crédito: ${platform.data.mensagem}`,
    { property, platformCode },
  );
}

function oauthError(body: unknown): string | undefined {
  return body && typeof body === 'object' && 'error' in body && typeof body.error === 'string'
    ? body.error
    : undefined;
}
