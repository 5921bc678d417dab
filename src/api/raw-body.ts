/**
 * Hook for platform webhooks (not built yet): signature checks need the exact bytes the platform sent, which
 * Fastify's JSON parser throws away. Call `useRawJsonBody(instance)` inside the webhook routes' own plugin
 * (encapsulated, so every other route keeps the default parser):
 *
 *   app.register(async (webhooks) => {
 *     useRawJsonBody(webhooks);
 *     webhooks.post('/webhooks/efi', async (request) => verify(request.rawBody!, request.headers['x-signature']));
 *   }, { prefix: '/api' });
 */
import type { FastifyInstance } from 'fastify';
import { parseJsonBody } from './json-body.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request body exactly as received; only set on routes registered after `useRawJsonBody`. */
    rawBody?: Buffer;
  }
}

export function useRawJsonBody(instance: FastifyInstance, options: { bodyLimit?: number } = {}): void {
  instance.removeContentTypeParser(['application/json']);
  instance.addContentTypeParser(
    ['application/json', 'application/x-www-form-urlencoded', 'text/plain'],
    { parseAs: 'buffer', bodyLimit: options.bodyLimit ?? 1024 * 1024 },
    (request, body, done) => {
      const raw = body as Buffer;
      request.rawBody = raw;
      const type = String(request.headers['content-type'] ?? '');
      if (!type.startsWith('application/json')) return done(null, raw.toString('utf8'));
      if (raw.length === 0) return done(null, undefined);
      try {
        done(null, parseJsonBody(raw.toString('utf8')));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}
