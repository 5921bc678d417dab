/**
 * The Retorno tab's actions: "Processar" the selected records (the same processing the job runs), "Histórico" (the
 * título's main data, every event returned for it and this record's trail with the reason of each failure), and the
 * return-command admin (FCOB0102): the table per scope, an admin's edit, and reprocessing the records that failed
 * for want of a command once it exists.
 */
import type { RetornoHistory, RetornoProcessResult } from '../contracts/retornos.js';
import type { ReturnCommandTableView } from '../contracts/return-commands.js';
import { amountPostingClasses, type HistoryCodes } from '../domain/settlement/return-commands.js';
import type { Store } from '../store/connection.js';
import { getCustomer } from '../store/customers.js';
import { listHistory } from '../store/history.js';
import { getIntegration } from '../store/integrations.js';
import { getReceivableRow } from '../store/receivables.js';
import { remessaOfReceivable } from '../store/remessas.js';
import {
  failedCodeCounts,
  failedRetornosWithCode,
  getRetorno,
  retornosIn,
  retornosOfReceivable,
} from '../store/retornos.js';
import { ServiceError, notFound } from './errors.js';
import { retornoPage } from './retorno-list.js';
import { commandScope, processRetorno } from './retornos.js';
import { editReturnCommand, returnCommandScopes, returnCommandTable } from './return-commands.js';
import { assertCanWrite, recordScope, type UserPrincipal } from './scope.js';

export async function processSelected(
  store: Store,
  user: UserPrincipal,
  args: { companyId?: string; ids: readonly string[] },
): Promise<RetornoProcessResult> {
  assertCanWrite(user);
  const found = await retornosIn(store.db, recordScope(user, args.companyId), args.ids);
  const known = new Set(found.map((row) => row.id));
  const items: RetornoProcessResult['items'] = [];
  // One transaction per record, in the order the events happened (an estorno after its payment).
  for (const row of [...found].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
    const done = (await processRetorno(store, row.id, user.actor))!;
    items.push({ id: done.id, situation: done.situation as 'processed', note: done.note });
  }
  return {
    items,
    processed: items.filter((item) => item.situation === 'processed').length,
    failed: items.filter((item) => item.situation === 'failed').length,
    notFound: args.ids.filter((id) => !known.has(id)),
  };
}

export async function retornoHistory(store: Store, user: UserPrincipal, id: string): Promise<RetornoHistory> {
  const companyIds = recordScope(user);
  const page = await retornoPage(store, { companyIds, ids: [id] });
  const retorno = page.items[0];
  const row = retorno && (await getRetorno(store.db, id));
  if (!retorno || !row) throw notFound('Retorno não encontrado.');
  const receivable = row.receivableId ? await getReceivableRow(store.db, row.receivableId, companyIds) : null;
  const customer = receivable && (await getCustomer(store.db, receivable.customerId, companyIds));
  const remessa = receivable && (await remessaOfReceivable(store.db, receivable.id, row.integrationId));
  const events = await retornosOfReceivable(store.db, {
    receivableId: row.receivableId,
    integrationId: row.integrationId,
    chargeId: row.chargeId,
  });
  const trail = await listHistory(store.db, 'retorno', id);
  return {
    retorno,
    titulo: receivable
      ? {
          id: receivable.id,
          erpKey: receivable.erpKey,
          document: receivable.document,
          number: receivable.number,
          installment: receivable.installment,
          customerName: customer?.name ?? '',
          issueDate: receivable.issueDate,
          dueDate: receivable.dueDate,
          amountCents: receivable.amountCents,
          openAmountCents: receivable.openAmountCents,
          status: receivable.status,
          registrationStatus: remessa?.status ?? null,
          chargeId: remessa?.chargeId ?? null,
          nossoNumero: remessa?.nossoNumero ?? null,
        }
      : null,
    events: (events.length > 0 ? events : [row]).map((event) => ({
      id: event.id,
      current: event.id === id,
      source: event.source,
      occurrenceCode: event.occurrenceCode,
      occurrenceDescription: event.occurrenceDescription,
      occurredAt: event.occurredAt.toISOString(),
      paidCents: event.paidCents,
      feeCents: event.feeCents,
      situation: event.situation as RetornoHistory['events'][number]['situation'],
      note: event.note,
    })),
    history: trail.map((entry) => {
      const after = (entry.after ?? {}) as { situation?: string; note?: string | null; occurrence?: string };
      return {
        at: entry.at.toISOString(),
        action: entry.action,
        actor: entry.actor,
        situation: after.situation ?? null,
        note: after.note ?? after.occurrence ?? null,
      };
    }),
  };
}

function assertAdmin(user: UserPrincipal): void {
  if (user.role !== 'admin')
    throw new ServiceError(403, 'forbidden', 'Somente administradores alteram os comandos de retorno.');
}

function scopeLabel(scope: string): string {
  const known = returnCommandScopes().find((candidate) => candidate.scope === scope);
  if (known) return known.label;
  throw notFound(`Escopo de comandos de retorno desconhecido: ${scope} (use efi ou <banco>-<240|400>).`);
}

/** Failed records per code for the integrations of this scope, within the user's companies. */
async function failuresOfScope(store: Store, user: UserPrincipal, scope: string) {
  const rows = await failedCodeCounts(store.db, recordScope(user));
  const byCode = new Map<string, { description: string; failedCount: number }>();
  for (const row of rows) {
    if (commandScope(row) !== scope) continue;
    const current = byCode.get(row.occurrenceCode);
    byCode.set(row.occurrenceCode, {
      description: current?.description ?? row.occurrenceDescription,
      failedCount: (current?.failedCount ?? 0) + row.count,
    });
  }
  return byCode;
}

export async function returnCommandsView(
  store: Store,
  user: UserPrincipal,
  scope: string,
): Promise<ReturnCommandTableView> {
  const label = scopeLabel(scope);
  const table = await returnCommandTable(store.db, scope);
  const failures = await failuresOfScope(store, user, scope);
  const items = table.map((command) => ({
    ...command,
    failedCount: failures.get(command.code)?.failedCount ?? 0,
  }));
  const mapped = new Set(table.map((command) => command.code));
  return {
    scope,
    label,
    items,
    postingClasses: amountPostingClasses,
    unmapped: [...failures.entries()]
      .filter(([code]) => !mapped.has(code))
      .map(([code, failure]) => ({ code, ...failure })),
  };
}

export async function saveReturnCommandAsAdmin(
  store: Store,
  user: UserPrincipal,
  args: { scope: string; code: string; description: string; action: string; historyCodes?: HistoryCodes },
) {
  assertAdmin(user);
  scopeLabel(args.scope);
  return editReturnCommand(store.db, args);
}

/** Processes again the user's failed records of this scope and code (after the command was mapped). */
export async function reprocessCode(
  store: Store,
  user: UserPrincipal,
  args: { scope: string; code: string },
): Promise<RetornoProcessResult> {
  assertCanWrite(user);
  scopeLabel(args.scope);
  const failed = await failedRetornosWithCode(store.db, recordScope(user), args.code);
  const ids: string[] = [];
  const integrations = new Map<string, string>();
  for (const row of failed) {
    if (!integrations.has(row.integrationId))
      integrations.set(row.integrationId, commandScope((await getIntegration(store.db, row.integrationId))!));
    if (integrations.get(row.integrationId) === args.scope) ids.push(row.id);
  }
  if (ids.length === 0) return { items: [], processed: 0, failed: 0, notFound: [] };
  return processSelected(store, user, { ids });
}
