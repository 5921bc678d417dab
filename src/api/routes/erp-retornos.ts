/** ERP: import a CNAB retorno file (the file is the request body, as the bank sent it). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bearerSecurity as security, errorResponses, errorSchema, erpKey } from '../../contracts/common.js';
import { importRetornoFile } from '../../services/retorno-files.js';
import type { RouteContext } from '../context.js';
import { requireApiToken, tokenOf } from '../plugins/auth.js';

const importSchema = z
  .object({
    importId: z.uuid(),
    duplicate: z
      .boolean()
      .meta({ description: 'true: o mesmo arquivo já fora importado; nada foi acrescentado' }),
    lines: z.number().int(),
    events: z.number().int(),
    errors: z
      .number()
      .int()
      .meta({ description: 'Linhas ilegíveis, guardadas como registros de retorno em Falha' }),
  })
  .meta({ id: 'RetornoImport' });

const MAX_FILE_BYTES = 64 * 1024 * 1024;

export const erpRetornoRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { store, platforms }) => {
  app.addHook('preHandler', requireApiToken(store));
  // CNAB files are ASCII/ISO-8859-1: the bytes are read as latin1 so no character is replaced.
  for (const type of ['text/plain', 'application/octet-stream'])
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) =>
      done(null, (body as Buffer).toString('latin1')),
    );

  app.post(
    '/retornos',
    {
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags: ['ERP'],
        summary: 'Importa um arquivo de retorno CNAB 240/400 do portador (corpo: o arquivo, text/plain)',
        description:
          'Cada detalhe vira um registro de retorno (processado pelos comandos de retorno do banco); cada linha ' +
          'ilegível vira um registro em Falha com a linha como veio. O mesmo arquivo de novo não acrescenta nada ' +
          '(duplicate: true).',
        security,
        querystring: z.object({ portadorErpKey: erpKey, fileName: z.string().max(200).optional() }).strict(),
        body: z.string().meta({ description: 'O arquivo de retorno', example: '02RETORNO01COBRANCA…' }),
        response: { 201: importSchema, 200: importSchema, ...errorResponses, 422: errorSchema },
      },
    },
    async (request, reply) => {
      const token = tokenOf(request);
      const result = await importRetornoFile(
        { ...platforms, store },
        {
          companyId: token.companyId,
          portadorErpKey: request.query.portadorErpKey,
          content: request.body,
          ...(request.query.fileName ? { fileName: request.query.fileName } : {}),
          actor: token.actor,
        },
      );
      return reply.code(result.duplicate ? 200 : 201).send(result);
    },
  );
};
