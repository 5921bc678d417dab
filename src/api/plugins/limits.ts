/**
 * Per-token load limits on the ERP API, so one ERP cannot starve the others (one token's ten concurrent 410 KB
 * upserts used to hold the whole pool): a token bucket per token (`ratePerSecond`, `burst`; over it, 429 with
 * Retry-After) and at most `concurrency` requests of one token running at once — the next ones wait their turn, up
 * to `queue` of them (then 429). Limits are per API process: N processes allow N times as much.
 * The request deadline answers 503 when a request has not been answered after `requestTimeoutMs`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError } from '../../services/errors.js';
import { errorBody } from '../errors.js';

export interface TokenLimitOptions {
  ratePerSecond: number;
  burst: number;
  concurrency: number;
  queue: number;
}

interface TokenState {
  tokens: number;
  refilledAt: number;
  running: number;
  waiting: (() => void)[];
}

export class TokenLimits {
  private readonly states = new Map<string, TokenState>();

  constructor(
    readonly options: TokenLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  private state(tokenId: string): TokenState {
    let state = this.states.get(tokenId);
    if (!state) {
      state = { tokens: this.options.burst, refilledAt: this.now(), running: 0, waiting: [] };
      this.states.set(tokenId, state);
    }
    return state;
  }

  /** Takes one request from the token's bucket and a running slot (waiting for one); returns its release. */
  async admit(tokenId: string): Promise<() => void> {
    const state = this.state(tokenId);
    const now = this.now();
    state.tokens = Math.min(
      this.options.burst,
      state.tokens + ((now - state.refilledAt) / 1000) * this.options.ratePerSecond,
    );
    state.refilledAt = now;
    if (state.tokens < 1) {
      const seconds = Math.ceil((1 - state.tokens) / this.options.ratePerSecond);
      throw new ServiceError(
        429,
        'rate_limited',
        `Limite de requisições deste token excedido (${this.options.ratePerSecond}/s). Tente de novo em ${seconds} s.`,
        undefined,
        seconds,
      );
    }
    if (state.running >= this.options.concurrency) {
      if (state.waiting.length >= this.options.queue)
        throw new ServiceError(
          429,
          'too_many_concurrent',
          `Requisições simultâneas demais com este token (no máximo ${this.options.concurrency} ao mesmo tempo).`,
          undefined,
          1,
        );
      state.tokens -= 1;
      await new Promise<void>((resolve) => state.waiting.push(resolve));
    } else {
      state.tokens -= 1;
      state.running += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = state.waiting.shift();
      // The slot passes straight to the next waiting request (running stays the same).
      if (next) next();
      else state.running -= 1;
    };
  }

  /** Requests of a token now running (tests and diagnostics). */
  running(tokenId: string): number {
    return this.states.get(tokenId)?.running ?? 0;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    tokenLimits: TokenLimits | null;
  }
  interface FastifyRequest {
    releaseTokenSlot: (() => void) | null;
  }
}

/** Called once the token is known (src/api/plugins/auth.ts): waits for the token's turn or throws 429. */
export async function admitToken(request: FastifyRequest, tokenId: string): Promise<void> {
  const limits = request.server.tokenLimits;
  if (limits) request.releaseTokenSlot = await limits.admit(tokenId);
}

export function registerLimits(
  app: FastifyInstance,
  options: { tokens?: TokenLimitOptions | undefined; requestTimeoutMs?: number | undefined },
): void {
  app.decorate('tokenLimits', options.tokens ? new TokenLimits(options.tokens) : null);
  app.decorateRequest('releaseTokenSlot', null);
  const release = async (request: FastifyRequest) => request.releaseTokenSlot?.();
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);

  const timeoutMs = options.requestTimeoutMs;
  if (!timeoutMs) return;
  const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>();
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    timers.set(
      request,
      setTimeout(() => {
        if (reply.sent) return;
        request.log.warn({ timeoutMs }, 'requisição sem resposta no prazo: 503');
        void reply
          .code(503)
          .header('retry-after', '5')
          .send(
            errorBody(
              'timeout',
              `O servidor não respondeu em ${Math.round(timeoutMs / 1000)} s. Tente de novo; se repetir, informe o código ${request.id}.`,
            ),
          );
      }, timeoutMs).unref(),
    );
  });
  app.addHook('onResponse', async (request) => clearTimeout(timers.get(request)));
}
