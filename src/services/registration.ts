/**
 * Registration of títulos with their platform (remessa): the request (console button, ERP call, real time, bulk)
 * and the job that calls the adapter. One rule for every platform:
 * - a título is registered at most once per integration: requests share one queued job per attempt (outbox
 *   dedupe key), and an attempt after one that may have reached the platform looks the charge up first;
 * - what the platform declares as required and the título lacks → Falha ERP, before any call;
 * - a validation or authentication refusal → Falha with the platform's message; a transient failure is retried
 *   by the queue with backoff until the limit, then Falha.
 */
import type { ChargePayer, ChargeRequest, RegisteredCharge } from '../platforms/adapter.js';
import { PlatformError } from '../platforms/adapter.js';
import { platformDefinition } from '../platforms/registry.js';
import { formatDateBR } from '../domain/dates.js';
import type { RegistrationStatus } from '../domain/receivable/registration.js';
import type { RegistrationView } from '../contracts/registration.js';
import { getBankAccount, getPortador } from '../store/banking.js';
import { appendCommunicationLog } from '../store/communication-log.js';
import type { Store, Tx } from '../store/connection.js';
import { getCustomer } from '../store/customers.js';
import { activeIntegrationOfPortador, getIntegration, type IntegrationRow } from '../store/integrations.js';
import { markRegistered } from '../store/ledger.js';
import { enqueueJob, recordEvent, releaseDedupeKey } from '../store/outbox.js';
import { getReceivableByErpKey, getReceivableRow, type ReceivableRow } from '../store/receivables.js';
import {
  getRemessa,
  getRemessaForUpdate,
  lockRemessa,
  remessaOfReceivable,
  updateRemessa,
  type RemessaChange,
  type RemessaRow,
} from '../store/remessas.js';
import { notFound, ServiceError } from './errors.js';
import { receivableEvent } from './events.js';
import { notifyIntegrationUsers } from './notifications.js';
import { openIntegration, type PlatformDeps } from './platform-gateway.js';
import { writeQueuedRemessaFile } from './remessa-files.js';

export const JOB_REGISTER = 'remessa.register';
/** Attempts (the first included) before a transient failure becomes Falha. */
export const REGISTRATION_ATTEMPTS = 5;

export interface RegistrationDeps extends PlatformDeps {
  store: Store;
}

export function registrationView(row: RemessaRow & { platform: string }): RegistrationView {
  return {
    status: row.status as RegistrationStatus,
    platform: row.platform,
    chargeId: row.chargeId,
    nossoNumero: row.nossoNumero,
    line: row.line,
    barcode: row.barcode,
    pixCopyPaste: row.pixCopyPaste,
    pdfUrl: row.pdfUrl,
    attempts: row.attempts,
    lastError: row.lastError,
  };
}

export async function registrationOf(store: Store, receivableId: string): Promise<RegistrationView | null> {
  const row = await remessaOfReceivable(store.db, receivableId);
  return row ? registrationView(row) : null;
}

/**
 * Queues the registration of a título (by id, or by ERP key in a company). Already sent or paid → nothing queued;
 * a request while an attempt is queued joins it. Answers the remessa record as it stands.
 */
export async function requestRegistration(
  store: Store,
  args: { companyIds: readonly string[]; receivableId?: string; erpKey?: string; actor: string },
): Promise<{ queued: boolean; registration: RegistrationView }> {
  return store.transaction(async (tx) => {
    const receivable = args.receivableId
      ? await getReceivableRow(tx, args.receivableId, args.companyIds, { forUpdate: true })
      : await getReceivableByErpKey(tx, args.companyIds[0]!, args.erpKey!, { forUpdate: true });
    if (!receivable)
      throw notFound(`Título "${args.erpKey ?? args.receivableId}" não encontrado nesta empresa.`);
    const { queued, registration } = await queueRegistration(
      tx,
      receivable,
      await integrationOf(tx, receivable),
      args.actor,
    );
    return { queued, registration };
  });
}

/**
 * Enviar on a selection: every título queued in one transaction (in id order, the lock order), so that the títulos
 * of a bank by file leave together in one remessa file. A título refused (no integration, before its reference
 * date, settled) gets its reason and does not stop the others.
 */
export async function requestRegistrations(
  store: Store,
  args: { companyIds: readonly string[]; receivableIds: readonly string[]; actor: string },
): Promise<Map<string, { queued: boolean; message: string | null }>> {
  return store.transaction(async (tx) => {
    const outcomes = new Map<string, { queued: boolean; message: string | null }>();
    for (const id of [...new Set(args.receivableIds)].sort()) {
      const receivable = await getReceivableRow(tx, id, args.companyIds, { forUpdate: true });
      try {
        if (!receivable) throw notFound(`Título "${id}" não encontrado nesta empresa.`);
        const { queued } = await queueRegistration(
          tx,
          receivable,
          await integrationOf(tx, receivable),
          args.actor,
        );
        outcomes.set(id, { queued, message: null });
      } catch (error) {
        // Refusals are decided before anything is written, so the transaction goes on for the others.
        if (!(error instanceof ServiceError)) throw error;
        outcomes.set(id, { queued: false, message: error.message });
      }
    }
    return outcomes;
  });
}

/** In the caller's transaction: the remessa record locked and, unless sent or paid, its one queued job. */
export async function queueRegistration(
  tx: Tx,
  receivable: ReceivableRow,
  integration: IntegrationRow,
  actor: string,
): Promise<{ queued: boolean; remessa: RemessaRow; registration: RegistrationView }> {
  const { row: remessa } = await lockRemessa(tx, {
    companyId: receivable.companyId,
    receivableId: receivable.id,
    integrationId: integration.id,
  });
  const answer = (queued: boolean, row: RemessaRow) => ({
    queued,
    remessa: row,
    registration: registrationView({ ...row, platform: integration.platform }),
  });
  if (remessa.status === 'sent' || remessa.status === 'paid') return answer(false, remessa);
  const job = await enqueueJob(tx, {
    name: JOB_REGISTER,
    companyId: receivable.companyId,
    payload: { remessaId: remessa.id },
    dedupeKey: registrationKey(remessa.id),
  });
  if (!job) return answer(false, remessa);
  return answer(true, await updateRemessa(tx, remessa, {}, { action: 'send_requested', actor }));
}

/**
 * Real time (the ERP reports the invoice authorized): in the caller's transaction, queues the título's
 * registration when its integration has Registro em tempo real. Answers why not otherwise.
 */
export async function queueRealtimeRegistration(
  tx: Tx,
  receivable: ReceivableRow,
  actor: string,
): Promise<{ queued: boolean; registration: RegistrationView | null; message: string | null }> {
  let integration: IntegrationRow;
  try {
    integration = await integrationOf(tx, receivable);
  } catch (error) {
    if (error instanceof ServiceError) return { queued: false, registration: null, message: error.message };
    throw error;
  }
  if (integration.realtime !== 1)
    return {
      queued: false,
      registration: null,
      message: 'a integração do portador não tem Registro em tempo real: envie pela Remessa',
    };
  const { queued, registration } = await queueRegistration(tx, receivable, integration, actor);
  return { queued, registration, message: null };
}

/**
 * Held while a registration is queued or in flight (retries included), so that no second job can start an attempt
 * beside it; released when the attempt concludes (sent, Falha, Falha ERP). For banks by file, a held key is what
 * puts the título in the portador's next remessa file.
 */
export const REGISTRATION_KEY_PREFIX = 'register:';

export function registrationKey(remessaId: string): string {
  return `${REGISTRATION_KEY_PREFIX}${remessaId}`;
}

async function integrationOf(tx: Tx, receivable: ReceivableRow): Promise<IntegrationRow> {
  const refuse = (message: string, path = 'portador') =>
    new ServiceError(422, 'not_registrable', message, [{ path, message }]);
  if (!receivable.portadorId) throw refuse('o título não tem portador: informe portadorErpKey');
  const integration = await activeIntegrationOfPortador(tx, receivable.portadorId);
  if (!integration) throw refuse('o portador do título não tem integração ativa (Parceiros/Bancos)');
  if (receivable.issueDate < integration.referenceDate)
    throw refuse(
      `emitido em ${formatDateBR(receivable.issueDate)}, antes da data de referência da integração ` +
        `(${formatDateBR(integration.referenceDate)})`,
      'issueDate',
    );
  if (
    receivable.status === 'paid' ||
    receivable.status === 'written_off' ||
    receivable.status === 'cancelled'
  )
    throw refuse('título já liquidado, baixado ou cancelado', 'status');
  return integration;
}

/** What the platform needs and the título or its customer lacks: Falha ERP, before any call. */
function missingForCharge(
  integration: IntegrationRow,
  payer: ChargePayer,
  bankPixKey: string | null | undefined,
  hasBankAccount: boolean,
): string[] {
  const missing: string[] = [];
  if (!payer.document) missing.push('CPF/CNPJ do cliente');
  if (integration.chargeType === 'hybrid' && hasBankAccount && !bankPixKey)
    missing.push('chave PIX na conta bancária do portador (Boleto Híbrido)');
  if (integration.platform === 'cnab' && !payer.address) missing.push('endereço completo do cliente');
  return missing;
}

export async function chargeOf(
  tx: Tx,
  remessa: RemessaRow,
  receivable: ReceivableRow,
  integration: IntegrationRow,
): Promise<{ charge: ChargeRequest; missing: string[] }> {
  const customer = (await getCustomer(tx, receivable.customerId, [receivable.companyId]))!;
  const portador = receivable.portadorId
    ? await getPortador(tx, receivable.portadorId, [receivable.companyId])
    : null;
  const bankAccount = portador?.bankAccountId ? await getBankAccount(tx, portador.bankAccountId) : null;
  const address =
    customer.street && customer.city && customer.state && customer.postalCode
      ? {
          street: customer.street,
          number: customer.addressNumber ?? 'S/N',
          ...(customer.complement ? { complement: customer.complement } : {}),
          district: customer.district ?? '',
          city: customer.city,
          state: customer.state,
          postalCode: customer.postalCode,
        }
      : undefined;
  const payer: ChargePayer = {
    name: customer.name,
    document: customer.document,
    ...(customer.email ? { email: customer.email } : {}),
    ...(customer.phone ? { phone: customer.phone } : {}),
    ...(address ? { address } : {}),
  };
  const charge: ChargeRequest = {
    customId: remessa.id,
    kind: integration.chargeType === 'hybrid' ? 'hybrid' : 'boleto',
    description: `${receivable.document} ${receivable.number}/${receivable.installment}`,
    amountCents: receivable.openAmountCents,
    issueDate: receivable.issueDate,
    dueDate: receivable.dueDate,
    payer,
  };
  return { charge, missing: missingForCharge(integration, payer, bankAccount?.pixKey, Boolean(bankAccount)) };
}

/**
 * Falha ERP: finconsole refused before any call (the título or its customer lacks what the platform or its layout
 * needs). The attempt concludes: the key is released for a later Reenviar.
 */
export async function concludeErpFailed(
  tx: Tx,
  args: {
    integration: IntegrationRow;
    remessa: RemessaRow;
    receivable: ReceivableRow;
    message: string;
    actor: string;
    change?: RemessaChange;
  },
): Promise<void> {
  const { integration, remessa, receivable, message, actor } = args;
  await updateRemessa(
    tx,
    remessa,
    { ...args.change, status: 'erp_failed', lastError: message },
    { action: 'erp_failed', actor, details: { reason: message } },
  );
  await recordEvent(
    tx,
    receivableEvent('titulo.registration_failed', receivable, {
      platform: integration.platform,
      stage: 'erp',
      reason: message,
    }),
  );
  await notifyRegistrationFailure(tx, integration, receivable, remessa.attempts, message);
  await releaseDedupeKey(tx, registrationKey(remessa.id));
}

type AttemptOutcome =
  { kind: 'sent'; charge: RegisteredCharge } | { kind: 'failed'; message: string; retry: boolean };

/**
 * The job: one attempt at registering the título of this remessa record. Throws (so the queue retries with
 * backoff) only on a transient failure below the attempt limit.
 */
export async function runRegistration(
  deps: RegistrationDeps,
  remessaId: string,
  actor: string,
): Promise<void> {
  const queued = await getRemessa(deps.store.db, remessaId);
  const byFile = queued ? await getIntegration(deps.store.db, queued.integrationId) : null;
  if (byFile && platformDefinition(byFile.platform).capabilities.cnabFiles) {
    // Banks by file: this job writes the portador's next remessa file with every título queued for it.
    await writeQueuedRemessaFile(deps, byFile, actor);
    return;
  }
  const prepared = await deps.store.transaction(async (tx) => {
    const remessa = await getRemessaForUpdate(tx, remessaId);
    if (!remessa) return null;
    if (remessa.status === 'sent' || remessa.status === 'paid') {
      await releaseDedupeKey(tx, registrationKey(remessa.id));
      return null;
    }
    const integration = (await getIntegration(tx, remessa.integrationId))!;
    const receivable = (await getReceivableRow(tx, remessa.receivableId, [remessa.companyId]))!;
    const { charge, missing } = await chargeOf(tx, remessa, receivable, integration);
    if (missing.length > 0) {
      await concludeErpFailed(tx, {
        integration,
        remessa,
        receivable,
        message: `Falta: ${missing.join('; ')}.`,
        actor,
      });
      return null;
    }
    const attempt = await updateRemessa(
      tx,
      remessa,
      { attempts: remessa.attempts + 1 },
      {
        action: 'attempt',
        actor,
        details: { attempt: remessa.attempts + 1 },
      },
    );
    return { remessa: attempt, integration, charge };
  });
  if (!prepared) return;
  const { remessa, integration, charge } = prepared;
  const session = openIntegration(deps, integration);
  const outcome = await attempt(session.adapter, charge, remessa.attempts);
  await deps.store.transaction(async (tx) => {
    await appendCommunicationLog(tx, session.drainLog(remessa.receivableId));
    // Lock order título → remessa, as requestRegistration does: the other order deadlocks against a request.
    const receivable = (await getReceivableRow(tx, remessa.receivableId, [remessa.companyId], {
      forUpdate: true,
    }))!;
    const current = (await getRemessaForUpdate(tx, remessa.id))!;
    if (outcome.kind === 'sent') {
      const { charge: registered } = outcome;
      await updateRemessa(
        tx,
        current,
        {
          status: 'sent',
          chargeId: registered.chargeId,
          nossoNumero: registered.nossoNumero ?? null,
          line: registered.line ?? null,
          barcode: registered.barcode ?? null,
          pixCopyPaste: registered.pixCopyPaste ?? null,
          pdfUrl: registered.pdfUrl ?? null,
          lastError: null,
        },
        { action: 'sent', actor, details: { chargeId: registered.chargeId, platform: integration.platform } },
      );
      await markRegistered(tx, { receivableId: receivable.id, actor });
      await releaseDedupeKey(tx, registrationKey(remessa.id));
      await recordEvent(
        tx,
        receivableEvent(
          'titulo.registered',
          { ...receivable, status: receivable.status === 'open' ? 'registered' : receivable.status },
          {
            platform: integration.platform,
            chargeId: registered.chargeId,
            nossoNumero: registered.nossoNumero ?? null,
            line: registered.line ?? null,
            barcode: registered.barcode ?? null,
            pixCopyPaste: registered.pixCopyPaste ?? null,
          },
        ),
      );
      return;
    }
    const final = !outcome.retry || remessa.attempts >= REGISTRATION_ATTEMPTS;
    await updateRemessa(
      tx,
      current,
      { ...(final ? { status: 'failed' } : {}), lastError: outcome.message },
      {
        action: final ? 'failed' : 'retry_scheduled',
        actor,
        details: { reason: outcome.message, attempt: remessa.attempts },
      },
    );
    if (final) {
      // The attempt concluded: a later Reenviar (or Reenviar falhas) may queue a new one.
      await releaseDedupeKey(tx, registrationKey(remessa.id));
      await recordEvent(
        tx,
        receivableEvent('titulo.registration_failed', receivable, {
          platform: integration.platform,
          stage: 'platform',
          reason: outcome.message,
        }),
      );
      await notifyRegistrationFailure(tx, integration, receivable, remessa.attempts, outcome.message);
    }
  });
  if (outcome.kind === 'failed' && outcome.retry && remessa.attempts < REGISTRATION_ATTEMPTS)
    throw new Error(
      `registro do título: falha transitória (tentativa ${remessa.attempts}): ${outcome.message}`,
    );
}

async function attempt(
  adapter: ReturnType<typeof openIntegration>['adapter'],
  charge: ChargeRequest,
  attemptNumber: number,
): Promise<AttemptOutcome> {
  try {
    if (!adapter.register)
      return { kind: 'failed', message: 'a plataforma não registra boletos', retry: false };
    // A previous attempt may have reached the platform before failing here: look the charge up first.
    const existing =
      attemptNumber > 1 && adapter.findByCustomId ? await adapter.findByCustomId(charge.customId) : null;
    return { kind: 'sent', charge: existing ?? (await adapter.register(charge)) };
  } catch (error) {
    if (error instanceof PlatformError)
      return { kind: 'failed', message: error.message, retry: error.kind === 'transient' };
    return { kind: 'failed', message: (error as Error).message, retry: true };
  }
}

/** The integration's chosen users learn of a registration that failed (once per attempt and reason). */
function notifyRegistrationFailure(
  tx: Tx,
  integration: IntegrationRow,
  receivable: ReceivableRow,
  attempt: number,
  reason: string,
) {
  return notifyIntegrationUsers(tx, integration, {
    kind: 'registration_failed',
    title: `Registro em Falha: título ${receivable.number}/${receivable.installment}`,
    body: reason,
    link: `#/titulos?companyId=${receivable.companyId}&titulo=${receivable.id}`,
    dedupeKey: `registration:${receivable.id}:${attempt}:${reason}`,
  });
}
