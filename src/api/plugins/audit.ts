/**
 * The audit hook: after every write request that an authenticated principal made (console or ERP), one audit row
 * — who, company, route, path, status, request id, address (src/services/audit.ts). Reads are not audited. Written
 * before the answer leaves (onSend), so a client that sees the answer finds the row.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAction } from '../../services/audit.js';
import type { Store } from '../../store/connection.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function namedCompany(request: FastifyRequest): string | undefined {
  for (const source of [request.body, request.query]) {
    if (source && typeof source === 'object' && 'companyId' in source) {
      const value = (source as { companyId?: unknown }).companyId;
      if (typeof value === 'string') return value;
    }
  }
  return undefined;
}

export function registerAudit(app: FastifyInstance, store: Store): void {
  app.addHook('onSend', async (request, reply) => {
    if (!WRITE_METHODS.has(request.method) || !request.principal) return;
    try {
      await recordAction(store, {
        principal: request.principal,
        action: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
        target: request.url.split('?')[0] ?? request.url,
        status: reply.statusCode,
        requestId: request.id,
        address: request.ip,
        companyId: namedCompany(request),
      });
    } catch (error) {
      request.log.error({ err: error }, 'auditoria: não foi possível registrar a ação');
    }
  });
}
