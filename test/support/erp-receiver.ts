/**
 * A stand-in for the ERP's webhook endpoint: a real node:http server that keeps every request as received (raw
 * body, headers), checks its signature the way the README tells ERP developers to, and answers what the test says.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  eventId: string;
  event: string;
  attempt: number;
  rawBody: string;
  body: { id: string; event: string; subjectId: string | null; data: Record<string, unknown> };
  /** The signature checked with the secret the test registered. */
  signatureValid: boolean;
  answeredWith: number;
}

export interface ErpReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** What to answer a request (default 200). */
  answer: (request: { event: string; eventId: string; attempt: number }) => number | Promise<number>;
  of(eventId: string): ReceivedWebhook[];
  close(): Promise<void>;
}

/** The check an ERP makes: HMAC-SHA256(secret, `${timestamp}.${rawBody}`) in hex, compared in constant time. */
export function verifySignature(
  secret: string,
  headers: IncomingMessage['headers'],
  rawBody: string,
): boolean {
  const timestamp = String(headers['x-finconsole-timestamp'] ?? '');
  const signature = String(headers['x-finconsole-signature'] ?? '');
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return (
    fresh &&
    signature.length === expected.length &&
    timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  );
}

export async function startErpReceiver(secret: () => string): Promise<ErpReceiver> {
  const received: ReceivedWebhook[] = [];
  const receiver: ErpReceiver = {
    url: '',
    received,
    answer: () => 200,
    of: (eventId) => received.filter((r) => r.eventId === eventId),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const eventId = String(request.headers['x-finconsole-event-id']);
      const event = String(request.headers['x-finconsole-event']);
      const attempt = Number(request.headers['x-finconsole-attempt']);
      void Promise.resolve(receiver.answer({ event, eventId, attempt })).then((status) => {
        received.push({
          eventId,
          event,
          attempt,
          rawBody,
          body: JSON.parse(rawBody) as ReceivedWebhook['body'],
          signatureValid: verifySignature(secret(), request.headers, rawBody),
          answeredWith: status,
        });
        response.writeHead(status, { 'content-type': 'text/plain' });
        response.end(status < 300 ? 'ok' : `erro ${status} no ERP`);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/finconsole/eventos?token=erp-segredo`;
  return receiver;
}
