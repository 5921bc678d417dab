/**
 * Banks by CNAB file: registration is a remessa file. The registration job of any título of a CNAB integration
 * writes the portador's next file with every título queued for it (Enviar, tempo real, lote: one job path), in
 * one transaction that
 * - locks the portador's file counter first, so two writers of one portador run one after the other and a file
 *   number is never used twice (nor skipped: a rolled-back file takes no number);
 * - then, per título in id order, locks título → remessa (the lock order of registration and retorno) and gives it
 *   its nosso número from the portador's other counter, kept across resends;
 * - refuses as Falha ERP, before the file, a título the layout cannot carry (the writer's message names the field);
 * - stores the file byte for byte (downloads are the same file) and marks its títulos Enviado with its number.
 */
import type { RemessaTitulo } from '../platforms/adapter.js';
import { PlatformError } from '../platforms/adapter.js';
import { todayInSaoPaulo } from '../domain/dates.js';
import { appendCommunicationLog } from '../store/communication-log.js';
import type { Tx } from '../store/connection.js';
import type { IntegrationRow } from '../store/integrations.js';
import { markRegistered } from '../store/ledger.js';
import { recordEvent, releaseDedupeKey } from '../store/outbox.js';
import { getReceivableRow, type ReceivableRow } from '../store/receivables.js';
import {
  filesOfDay,
  getRemessaFile,
  insertRemessaFile,
  listRemessaFiles,
  lockSequence,
  queuedRemessaIds,
  takeNumbers,
  type RemessaFileFilters,
  type RemessaFileRow,
} from '../store/remessa-files.js';
import { getRemessaForUpdate, updateRemessa, type RemessaRow } from '../store/remessas.js';
import type { Store } from '../store/connection.js';
import { notFound } from './errors.js';
import { receivableEvent } from './events.js';
import { openIntegration, type IntegrationSession } from './platform-gateway.js';
import {
  chargeOf,
  concludeErpFailed,
  REGISTRATION_KEY_PREFIX,
  registrationKey,
  type RegistrationDeps,
} from './registration.js';

interface Carried {
  remessa: RemessaRow;
  receivable: ReceivableRow;
  titulo: RemessaTitulo;
  key: string;
}

/** The título's nosso número: the one it was given before (a resend keeps it), or the portador's next one. */
async function nossoNumeroOf(
  tx: Tx,
  session: IntegrationSession,
  integration: IntegrationRow,
  remessa: RemessaRow,
  receivable: ReceivableRow,
): Promise<{ inFile: string; key: string }> {
  if (remessa.nossoNumero && remessa.chargeId) return { inFile: remessa.nossoNumero, key: remessa.chargeId };
  await lockSequence(tx, integration.portadorId, 'nosso_numero');
  const sequence = await takeNumbers(tx, integration.portadorId, 'nosso_numero');
  return session.adapter.nossoNumeroOf!(sequence, receivable.issueDate);
}

/** A título of the file, or the reason it cannot go (Falha ERP). */
async function prepare(
  tx: Tx,
  session: IntegrationSession,
  integration: IntegrationRow,
  remessa: RemessaRow,
  receivable: ReceivableRow,
  generatedOn: string,
): Promise<{ carried: Carried } | { refused: string; change?: { nossoNumero: string; chargeId: string } }> {
  const { charge, missing } = await chargeOf(tx, remessa, receivable, integration);
  if (missing.length > 0) return { refused: `Falta: ${missing.join('; ')}.` };
  let numbered: { inFile: string; key: string };
  try {
    numbered = await nossoNumeroOf(tx, session, integration, remessa, receivable);
  } catch (error) {
    if (error instanceof PlatformError) return { refused: error.message };
    throw error;
  }
  // Our seu número in the file is the nosso número's key: the bank echoes it back in the retorno.
  const titulo: RemessaTitulo = {
    charge: { ...charge, customId: numbered.key },
    nossoNumero: numbered.inFile,
  };
  try {
    session.adapter.writeRemessa!({ fileNumber: 1, generatedOn, titulos: [titulo] });
  } catch (error) {
    if (error instanceof PlatformError)
      return { refused: error.message, change: { nossoNumero: numbered.inFile, chargeId: numbered.key } };
    throw error;
  }
  return { carried: { remessa, receivable, titulo, key: numbered.key } };
}

/**
 * Writes the portador's next remessa file with every título of the integration whose registration is queued;
 * null when none is left to send (another job's file took them, or all were refused).
 */
export async function writeQueuedRemessaFile(
  deps: RegistrationDeps,
  integration: IntegrationRow,
  actor: string,
): Promise<RemessaFileRow | null> {
  const session = openIntegration(deps, integration);
  if (!session.adapter.writeRemessa || !session.adapter.nossoNumeroOf)
    throw new Error(`a plataforma ${integration.platform} não gera arquivos de remessa`);
  return deps.store.transaction(async (tx) => {
    await lockSequence(tx, integration.portadorId, 'remessa_file');
    const generatedOn = todayInSaoPaulo();
    const carried: Carried[] = [];
    for (const queued of await queuedRemessaIds(tx, integration.id, REGISTRATION_KEY_PREFIX)) {
      const receivable = (await getReceivableRow(tx, queued.receivableId, [integration.companyId], {
        forUpdate: true,
      }))!;
      const remessa = (await getRemessaForUpdate(tx, queued.remessaId))!;
      const outcome = await prepare(tx, session, integration, remessa, receivable, generatedOn);
      if ('carried' in outcome) carried.push(outcome.carried);
      else
        await concludeErpFailed(tx, {
          integration,
          remessa,
          receivable,
          message: outcome.refused,
          actor,
          ...(outcome.change ? { change: outcome.change } : {}),
        });
    }
    if (carried.length === 0) return null;

    const sequence = await takeNumbers(tx, integration.portadorId, 'remessa_file');
    const written = session.adapter.writeRemessa!({
      fileNumber: sequence,
      fileOfDay: (await filesOfDay(tx, integration.portadorId, generatedOn)) + 1,
      generatedOn,
      titulos: carried.map((c) => c.titulo),
    });
    const amountCents = carried.reduce((sum, c) => sum + c.titulo.charge.amountCents, 0);
    const file = await insertRemessaFile(
      tx,
      {
        companyId: integration.companyId,
        integrationId: integration.id,
        portadorId: integration.portadorId,
        sequence,
        fileName: written.fileName,
        content: written.content,
        lineCount: written.lineCount,
        tituloCount: carried.length,
        amountCents,
        generatedOn,
        createdBy: actor,
      },
      carried.map((c, index) => ({
        remessaId: c.remessa.id,
        receivableId: c.receivable.id,
        position: index + 1,
        nossoNumero: c.titulo.nossoNumero,
        amountCents: c.titulo.charge.amountCents,
      })),
    );
    const remessaFile = { id: file.id, sequence, fileName: file.fileName };
    for (const { remessa, receivable, titulo, key } of carried) {
      await updateRemessa(
        tx,
        remessa,
        {
          status: 'sent',
          chargeId: key,
          nossoNumero: titulo.nossoNumero,
          attempts: remessa.attempts + 1,
          lastError: null,
        },
        { action: 'sent', actor, details: { platform: integration.platform, chargeId: key, remessaFile } },
      );
      await markRegistered(tx, { receivableId: receivable.id, actor });
      await releaseDedupeKey(tx, registrationKey(remessa.id));
      await recordEvent(
        tx,
        receivableEvent('titulo.registered', receivable, {
          platform: integration.platform,
          chargeId: key,
          nossoNumero: titulo.nossoNumero,
          remessaFile,
        }),
      );
    }
    await appendCommunicationLog(tx, [
      {
        companyId: integration.companyId,
        integrationId: integration.id,
        platform: integration.platform,
        operation: 'arquivo de remessa gerado',
        direction: 'out',
        outcome: 'ok',
        requestBody: { titulos: carried.length, amountCents },
        responseBody: { remessaFileId: file.id, sequence, fileName: file.fileName, lines: file.lineCount },
        subjectId: file.id,
      },
    ]);
    return file;
  });
}

export function remessaFilePage(store: Store, filters: RemessaFileFilters) {
  return listRemessaFiles(store.db, filters);
}

/** One file with its content (the download), within the companies. */
export async function remessaFileDownload(store: Store, id: string, companyIds: readonly string[]) {
  const file = await getRemessaFile(store.db, id, companyIds);
  if (!file) throw notFound('Arquivo de remessa não encontrado.');
  return file;
}
