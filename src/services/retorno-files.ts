/**
 * CNAB retorno files: the file is stored as received, every detail becomes a retorno record (processed by the
 * return commands like any other retorno) and every unreadable line a Falha record carrying the raw line. The
 * same file imported twice for the same portador adds nothing and answers the first import.
 */
import { createHash } from 'node:crypto';
import { getPortadorByErpKey } from '../store/banking.js';
import type { Store } from '../store/connection.js';
import { activeIntegrationOfPortador } from '../store/integrations.js';
import { insertRetornoFile } from '../store/retorno-files.js';
import { finishRetorno, insertRetorno } from '../store/retornos.js';
import { ServiceError } from './errors.js';
import { openIntegration, type PlatformDeps } from './platform-gateway.js';
import { storeEventsIn } from './retornos.js';

export interface RetornoImport {
  importId: string;
  duplicate: boolean;
  lines: number;
  events: number;
  errors: number;
}

export async function importRetornoFile(
  deps: PlatformDeps & { store: Store },
  args: { companyId: string; portadorErpKey: string; content: string; fileName?: string; actor: string },
): Promise<RetornoImport> {
  const refuse = (path: string, message: string) =>
    new ServiceError(422, 'not_importable', message, [{ path, message }]);
  const portador = await getPortadorByErpKey(deps.store.db, args.companyId, args.portadorErpKey);
  if (!portador) throw refuse('portadorErpKey', `portador "${args.portadorErpKey}" não existe nesta empresa`);
  const integration = await activeIntegrationOfPortador(deps.store.db, portador.id);
  if (!integration || integration.platform !== 'cnab')
    throw refuse('portadorErpKey', 'o portador não tem integração CNAB ativa (Parceiros/Bancos)');
  const { adapter } = openIntegration(deps, integration);
  if (!adapter.readRetorno)
    throw refuse('portadorErpKey', 'a plataforma do portador não lê arquivos de retorno');
  const lines = args.content.split(/\r?\n/).filter((line) => line.length > 0).length;
  if (lines === 0) throw refuse('body', 'arquivo vazio: envie o arquivo de retorno no corpo da requisição');
  const read = await adapter.readRetorno(args.content);
  const sha256 = createHash('sha256').update(args.content).digest('hex');

  return deps.store.transaction(async (tx) => {
    const { row, duplicate } = await insertRetornoFile(tx, {
      companyId: integration.companyId,
      integrationId: integration.id,
      sha256,
      fileName: args.fileName ?? null,
      content: args.content,
      lineCount: lines,
      eventCount: read.events.length,
      errorCount: read.errors.length,
      importedBy: args.actor,
    });
    const answer = {
      importId: row.id,
      duplicate,
      lines: row.lineCount,
      events: row.eventCount,
      errors: row.errorCount,
    };
    if (duplicate) return answer;
    await storeEventsIn(tx, integration, read.events, 'cnab', args.actor);
    for (const error of read.errors) {
      const failed = await insertRetorno(
        tx,
        {
          companyId: integration.companyId,
          integrationId: integration.id,
          platform: integration.platform,
          source: 'cnab',
          eventId: `${sha256}:linha:${error.line}`,
          occurrenceCode: '',
          occurrenceDescription: 'linha ilegível',
          occurredAt: new Date(),
          raw: {
            importId: row.id,
            line: error.line,
            column: error.column,
            field: error.field,
            raw: error.raw,
          },
        },
        args.actor,
      );
      if (failed)
        await finishRetorno(
          tx,
          failed,
          {
            situation: 'failed',
            note: `linha ${error.line}, coluna ${error.column} (${error.field}): ${error.message}`,
          },
          args.actor,
        );
    }
    return answer;
  });
}
