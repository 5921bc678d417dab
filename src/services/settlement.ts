/**
 * What a processed retorno does once its return command is known: the título's ledger (settle, write off, fee,
 * estorno), the convênio's account statement (receipt with the integration's Histórico de Entradas, fee with its
 * Histórico de Tarifas, the opposite on an estorno), the remessa's status and the ERP events — all in the caller's
 * transaction, every posting under a key of the retorno, so it happens once however often it runs.
 */
import { RETURN_COMMAND_ACTION_LABELS } from '../domain/settlement/return-commands.js';
import { planReversal, planSettlement, type SettlementPlan } from '../domain/settlement/settle.js';
import { formatBRL } from '../domain/money.js';
import { todayInSaoPaulo } from '../domain/dates.js';
import {
  postToStatement,
  statementNetOfReceivable,
  type StatementEntryInput,
} from '../store/account-statement.js';
import { getPortador } from '../store/banking.js';
import type { Tx } from '../store/connection.js';
import type { IntegrationRow } from '../store/integrations.js';
import { listMovements, markRegistered, postToLedger } from '../store/ledger.js';
import { recordEvent } from '../store/outbox.js';
import type { ReceivableRow } from '../store/receivables.js';
import { updateRemessa, type RemessaRow } from '../store/remessas.js';
import type { RetornoRow } from '../store/retornos.js';
import { receivableEvent } from './events.js';
import type { ResolvedReturnCommand } from './return-commands.js';

export interface SettlementContext {
  retorno: RetornoRow;
  integration: IntegrationRow;
  receivable: ReceivableRow;
  remessa: RemessaRow;
  command: ResolvedReturnCommand;
  actor: string;
}

/**
 * Applies the command; answers the notes for the retorno's Observações, or the failure when the record cannot be
 * applied yet (an estorno that arrived before the payment it undoes: flagged, to process again after it).
 */
export async function applyReturnCommand(
  tx: Tx,
  context: SettlementContext,
): Promise<{ notes: string[] } | { failure: string }> {
  const { retorno, integration, receivable, remessa, command, actor } = context;
  const plan: SettlementPlan =
    command.action === 'reverse'
      ? planReversal(await listMovements(tx, receivable.id))
      : planSettlement(command.action, retorno, receivable.openAmountCents, integration.feeCents);
  if (command.action === 'reverse' && plan.postings.length === 0)
    return {
      failure:
        'estorno sem pagamento processado deste título (fora de ordem?): processe o pagamento e depois este retorno',
    };
  const occurredOn = retorno.paidOn ?? todayInSaoPaulo();
  const ledger = await postToLedger(tx, {
    receivableId: receivable.id,
    actor,
    postings: plan.postings.map((posting) => ({
      ...posting,
      occurredOn,
      description: `${RETURN_COMMAND_ACTION_LABELS[command.action]} — ${retorno.occurrenceDescription}`,
      source: `retorno:${retorno.id}`,
      key: `retorno:${retorno.id}:${posting.kind}`,
    })),
  });
  const movements = ledger.posted.map((m) => ({ kind: m.kind, amountCents: m.amountCents }));
  await postStatement(tx, context, plan);
  const event = (name: Parameters<typeof receivableEvent>[0]) =>
    recordEvent(tx, receivableEvent(name, ledger.receivable, { retornoId: retorno.id, movements }));

  if (command.action === 'confirm_registration')
    await markRegistered(tx, { receivableId: receivable.id, actor });
  // Registration confirmed or refused by the platform's own report (CNAB entry): the ERP hears it once.
  if (command.action === 'confirm_registration' && receivable.status === 'open')
    await recordEvent(
      tx,
      receivableEvent(
        'titulo.registered',
        { ...receivable, status: 'registered' },
        { platform: integration.platform, nossoNumero: remessa.nossoNumero, retornoId: retorno.id },
      ),
    );
  if (command.action === 'reject_registration' && remessa.status !== 'failed')
    await recordEvent(
      tx,
      receivableEvent('titulo.registration_failed', receivable, {
        platform: integration.platform,
        stage: 'platform',
        reason: retorno.occurrenceDescription,
        retornoId: retorno.id,
      }),
    );
  if (command.action === 'settle' && ledger.receivable.status === 'paid' && remessa.status !== 'paid')
    await updateRemessa(
      tx,
      remessa,
      { status: 'paid' },
      { action: 'paid', actor, details: { retornoId: retorno.id } },
    );
  if (command.action === 'reject_registration' && remessa.status !== 'failed')
    await updateRemessa(
      tx,
      remessa,
      { status: 'failed', lastError: retorno.occurrenceDescription },
      { action: 'failed', actor, details: { reason: retorno.occurrenceDescription } },
    );
  if (command.action === 'reverse' && remessa.status === 'paid' && ledger.receivable.openAmountCents > 0)
    await updateRemessa(
      tx,
      remessa,
      { status: 'sent' },
      { action: 'reversed', actor, details: { retornoId: retorno.id } },
    );

  if (command.action === 'settle' && movements.length > 0)
    await event(ledger.receivable.status === 'paid' ? 'titulo.paid' : 'titulo.settled');
  if (command.action === 'write_off' && movements.length > 0) await event('titulo.settled');
  if (command.action === 'reverse' && movements.length > 0) await event('titulo.reversed');

  const notes = [`${command.code}: ${RETURN_COMMAND_ACTION_LABELS[command.action]}`];
  if (plan.overpaidCents > 0)
    notes.push(
      receivable.openAmountCents === 0
        ? `segundo pagamento de título já liquidado: ${formatBRL(plan.overpaidCents)} (não aplicado; verifique)`
        : `pago além do valor em aberto: ${formatBRL(plan.overpaidCents)} (não aplicado; verifique)`,
    );
  return { notes };
}

/**
 * The convênio's account: what the platform received (the whole paid amount, interest and fine included, even a
 * second payment: that money did arrive) and the fee it kept; an estorno debits what had been received.
 */
async function postStatement(tx: Tx, context: SettlementContext, plan: SettlementPlan): Promise<void> {
  const { retorno, integration, receivable, command } = context;
  const portador = (await getPortador(tx, integration.portadorId, [integration.companyId]))!;
  const entry = (
    kind: string,
    amountCents: number,
    historyCode: string | null | undefined,
    description: string,
  ): StatementEntryInput => ({
    companyId: integration.companyId,
    portadorId: portador.id,
    bankAccountId: portador.bankAccountId,
    integrationId: integration.id,
    receivableId: receivable.id,
    retornoId: retorno.id,
    kind,
    amountCents,
    historyCode: historyCode ?? null,
    description: `${description} — título ${receivable.number}/${receivable.installment}`,
    occurredOn: retorno.creditedOn ?? retorno.paidOn ?? todayInSaoPaulo(),
    idempotencyKey: `retorno:${retorno.id}:statement:${kind}`,
  });
  const entries: StatementEntryInput[] = [];
  const fee = plan.postings.find((posting) => posting.kind === 'fee')?.amountCents ?? 0;
  if (command.action === 'settle' && retorno.paidCents > 0)
    entries.push(
      entry(
        'receipt',
        retorno.paidCents,
        command.historyCodes.payment ?? integration.entriesHistoryCode,
        'Recebimento',
      ),
    );
  if (fee > 0)
    entries.push(entry('fee', -fee, command.historyCodes.fee ?? integration.feesHistoryCode, 'Tarifa'));
  if (command.action === 'reverse') {
    // What the platform says it gave back (else what the título reopens by), never more than was received.
    const received = await statementNetOfReceivable(tx, receivable.id, ['receipt', 'reversal']);
    const reversed = Math.min(
      retorno.paidCents > 0 ? retorno.paidCents : (plan.postings[0]?.amountCents ?? 0),
      received,
    );
    if (reversed > 0)
      entries.push(
        entry(
          'reversal',
          -reversed,
          command.historyCodes.payment ?? integration.entriesHistoryCode,
          'Estorno',
        ),
      );
  }
  await postToStatement(tx, entries);
}
