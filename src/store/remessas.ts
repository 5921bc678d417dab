/** Remessa records: the registration of one título through one integration, with its status and history. */
import { and, eq } from 'drizzle-orm';
import type { RegistrationStatus } from '../domain/receivable/registration.js';
import type { Executor, Tx } from './connection.js';
import { appendHistory } from './history.js';
import { integrations, remessas } from './schema.js';

export type RemessaRow = typeof remessas.$inferSelect;

/** The remessa record of this título at this integration, created (not_sent) when absent. Locked for update. */
export async function lockRemessa(
  tx: Tx,
  args: { companyId: string; receivableId: string; integrationId: string },
): Promise<{ row: RemessaRow; created: boolean }> {
  const [inserted] = await tx
    .insert(remessas)
    .values({ ...args, status: 'not_sent' })
    .onConflictDoNothing({ target: [remessas.receivableId, remessas.integrationId] })
    .returning();
  const [row] = await tx
    .select()
    .from(remessas)
    .where(and(eq(remessas.receivableId, args.receivableId), eq(remessas.integrationId, args.integrationId)))
    .for('update');
  return { row: row!, created: Boolean(inserted) };
}

export async function getRemessa(ex: Executor, id: string): Promise<RemessaRow | null> {
  const [row] = await ex.select().from(remessas).where(eq(remessas.id, id));
  return row ?? null;
}

export async function getRemessaForUpdate(tx: Tx, id: string): Promise<RemessaRow | null> {
  const [row] = await tx.select().from(remessas).where(eq(remessas.id, id)).for('update');
  return row ?? null;
}

export interface RemessaChange {
  status?: RegistrationStatus;
  chargeId?: string | null;
  nossoNumero?: string | null;
  line?: string | null;
  barcode?: string | null;
  pixCopyPaste?: string | null;
  pdfUrl?: string | null;
  attempts?: number;
  lastError?: string | null;
}

/**
 * Changes a remessa record and appends its history event: `action` says what happened (send_requested, sent,
 * failed, erp_failed, paid…), `details` carries the platform's reason or answer for the Histórico.
 */
export async function updateRemessa(
  tx: Tx,
  before: RemessaRow,
  change: RemessaChange,
  event: { action: string; actor: string; details?: Record<string, unknown> },
): Promise<RemessaRow> {
  const [row] = await tx
    .update(remessas)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(remessas.id, before.id))
    .returning();
  await appendHistory(tx, {
    entity: 'remessa',
    entityId: before.id,
    companyId: before.companyId,
    action: event.action,
    before: { status: before.status },
    after: { status: row!.status, ...event.details },
    actor: event.actor,
  });
  return row!;
}

/** The remessa of a título at this integration (default: its first one), with the platform code. */
export async function remessaOfReceivable(
  ex: Executor,
  receivableId: string,
  integrationId?: string,
): Promise<(RemessaRow & { platform: string }) | null> {
  const [row] = await ex
    .select({ remessa: remessas, platform: integrations.platform })
    .from(remessas)
    .innerJoin(integrations, eq(integrations.id, remessas.integrationId))
    .where(
      and(
        eq(remessas.receivableId, receivableId),
        integrationId ? eq(remessas.integrationId, integrationId) : undefined,
      ),
    )
    .orderBy(remessas.createdAt)
    .limit(1);
  return row ? { ...row.remessa, platform: row.platform } : null;
}

export async function remessaByCharge(
  ex: Executor,
  integrationId: string,
  chargeId: string,
): Promise<RemessaRow | null> {
  const [row] = await ex
    .select()
    .from(remessas)
    .where(and(eq(remessas.integrationId, integrationId), eq(remessas.chargeId, chargeId)));
  return row ?? null;
}
