/** The webhook raw-body hook keeps the exact bytes on its own routes and leaves other routes untouched. */
import { createHmac } from 'node:crypto';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/api/errors.js';
import { useRawJsonBody } from '../../src/api/raw-body.js';

describe('useRawJsonBody', () => {
  it('exposes the exact bytes (for signatures) and the parsed JSON, only inside its plugin', async () => {
    const app = Fastify();
    app.setErrorHandler(errorHandler);
    await app.register(async (webhooks) => {
      useRawJsonBody(webhooks);
      webhooks.post('/hook', async (request) => ({
        raw: request.rawBody?.toString('utf8'),
        parsed: request.body,
        hmac: createHmac('sha256', 'segredo').update(request.rawBody!).digest('hex'),
      }));
    });
    app.post('/normal', async (request) => ({ raw: request.rawBody ?? null, parsed: request.body }));

    // Spacing and key order that a re-serialization would change.
    const payload = '{ "b":1,  "a" : [2, 3] }';
    const hook = await app.inject({
      method: 'POST',
      url: '/hook',
      payload,
      headers: { 'content-type': 'application/json' },
    });
    expect(hook.json()).toEqual({
      raw: payload,
      parsed: { b: 1, a: [2, 3] },
      hmac: createHmac('sha256', 'segredo').update(payload).digest('hex'),
    });
    const normal = await app.inject({
      method: 'POST',
      url: '/normal',
      payload,
      headers: { 'content-type': 'application/json' },
    });
    expect(normal.json()).toEqual({ raw: null, parsed: { b: 1, a: [2, 3] } });
    const broken = await app.inject({
      method: 'POST',
      url: '/hook',
      payload: '{nope',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid_json');
    await app.close();
  });
});
