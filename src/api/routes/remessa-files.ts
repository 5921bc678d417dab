/**
 * Remessa files (banks by CNAB file): the list and the download, in the console (session) and for the ERP (token).
 * A download is the file as it was written (ISO-8859-1 bytes, CRLF), the same every time.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  bearerSecurity,
  errorResponses,
  idParams,
  optionalCompanyQuery,
  sessionSecurity,
} from '../../contracts/common.js';
import {
  consoleRemessaFileListQuery,
  erpRemessaFileListQuery,
  remessaFilePageSchema,
} from '../../contracts/remessa-files.js';
import { remessaFileDownload, remessaFilePage } from '../../services/remessa-files.js';
import { recordScope, scopedFilters } from '../../services/scope.js';
import type { RouteContext } from '../context.js';
import { requireApiToken, requireSession, tokenOf, userOf } from '../plugins/auth.js';

const download = {
  produces: ['text/plain'],
  params: idParams('um arquivo de remessa'),
  response: { 200: z.string().describe('O arquivo de remessa'), ...errorResponses },
};

function sendFile(reply: FastifyReply, file: { fileName: string; content: string }) {
  return reply
    .type('text/plain; charset=iso-8859-1')
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(Buffer.from(file.content, 'latin1') as unknown as string);
}

export const consoleRemessaFileRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireSession(store));

  app.get(
    '/remessa-files',
    {
      schema: {
        tags: ['Console'],
        summary: 'Arquivos de remessa CNAB gerados (mais novos primeiro)',
        security: sessionSecurity,
        querystring: consoleRemessaFileListQuery,
        response: { 200: remessaFilePageSchema, ...errorResponses },
      },
    },
    async (request) => remessaFilePage(store, scopedFilters(userOf(request), request.query)),
  );

  app.get(
    '/remessa-files/:id',
    {
      schema: {
        tags: ['Console'],
        summary: 'Baixa um arquivo de remessa, sempre igual ao que foi gerado',
        security: sessionSecurity,
        querystring: optionalCompanyQuery,
        ...download,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await remessaFileDownload(
          store,
          request.params.id,
          recordScope(userOf(request), request.query.companyId),
        ),
      ),
  );
};

export const erpRemessaFileRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store }) => {
  app.addHook('preHandler', requireApiToken(store));

  app.get(
    '/remessa-files',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Arquivos de remessa CNAB da empresa (mais novos primeiro)',
        security: bearerSecurity,
        querystring: erpRemessaFileListQuery,
        response: { 200: remessaFilePageSchema, ...errorResponses },
      },
    },
    async (request) => remessaFilePage(store, { ...request.query, companyIds: [tokenOf(request).companyId] }),
  );

  app.get(
    '/remessa-files/:id',
    {
      schema: {
        tags: ['ERP'],
        summary: 'Baixa um arquivo de remessa, sempre igual ao que foi gerado',
        security: bearerSecurity,
        ...download,
      },
    },
    async (request, reply) =>
      sendFile(reply, await remessaFileDownload(store, request.params.id, [tokenOf(request).companyId])),
  );
};
