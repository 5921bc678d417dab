/** Integrations (company + portador + platform) and the installation's platform switches. */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor, Tx } from './connection.js';
import { appendHistory } from './history.js';
import { companies, enabledPlatforms, integrations, portadores } from './schema.js';
import { inTransaction } from './util.js';

export type IntegrationRow = typeof integrations.$inferSelect;
export type IntegrationInsert = Omit<typeof integrations.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** Fields whose change the history keeps (secrets only as "alterados", never their values). */
const auditedFields = [
  'portadorId',
  'chargeType',
  'environment',
  'endpointUrl',
  'realtime',
  'referenceDate',
  'active',
  'options',
  'feeCents',
  'receiptHistoryCode',
  'entriesHistoryCode',
  'feesHistoryCode',
  'notifyUserIds',
  'autoProcess',
] as const;

function audited(row: Partial<IntegrationRow>) {
  return Object.fromEntries(auditedFields.filter((f) => row[f] !== undefined).map((f) => [f, row[f]]));
}

export async function createIntegration(
  ex: Executor,
  input: IntegrationInsert,
  actor: string,
): Promise<IntegrationRow> {
  return inTransaction(ex, async (tx) => {
    const [row] = await tx.insert(integrations).values(input).returning();
    await appendHistory(tx, {
      entity: 'integration',
      entityId: row!.id,
      companyId: row!.companyId,
      action: 'created',
      after: audited(row!),
      actor,
    });
    return row!;
  });
}

export async function updateIntegration(
  ex: Executor,
  id: string,
  changes: Partial<IntegrationInsert>,
  actor: string,
): Promise<IntegrationRow | null> {
  return inTransaction(ex, async (tx) => {
    const [before] = await tx.select().from(integrations).where(eq(integrations.id, id)).for('update');
    if (!before) return null;
    const [row] = await tx
      .update(integrations)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(integrations.id, id))
      .returning();
    await appendHistory(tx, {
      entity: 'integration',
      entityId: id,
      companyId: before.companyId,
      action: 'updated',
      before: audited(before),
      after: { ...audited(row!), ...(changes.secrets !== undefined ? { secrets: 'alterados' } : {}) },
      actor,
    });
    return row!;
  });
}

export async function getIntegration(
  ex: Executor,
  id: string,
  companyIds?: readonly string[],
): Promise<IntegrationRow | null> {
  const conditions = [eq(integrations.id, id)];
  if (companyIds) {
    if (companyIds.length === 0) return null;
    conditions.push(inArray(integrations.companyId, [...companyIds]));
  }
  const [row] = await ex
    .select()
    .from(integrations)
    .where(and(...conditions));
  return row ?? null;
}

export async function getIntegrationByWebhookToken(
  ex: Executor,
  token: string,
): Promise<IntegrationRow | null> {
  const [row] = await ex.select().from(integrations).where(eq(integrations.webhookToken, token));
  return row ?? null;
}

/** The active integration that registers the títulos of this portador, if any. */
export async function activeIntegrationOfPortador(
  ex: Executor,
  portadorId: string,
): Promise<IntegrationRow | null> {
  const [row] = await ex
    .select()
    .from(integrations)
    .where(and(eq(integrations.portadorId, portadorId), eq(integrations.active, 1)));
  return row ?? null;
}

export interface IntegrationListItem extends IntegrationRow {
  companyName: string;
  portadorName: string;
  portadorErpKey: string;
}

export async function listIntegrations(
  ex: Executor,
  args: { companyIds: readonly string[]; platform?: string },
): Promise<IntegrationListItem[]> {
  if (args.companyIds.length === 0) return [];
  const conditions = [inArray(integrations.companyId, [...args.companyIds])];
  if (args.platform) conditions.push(eq(integrations.platform, args.platform));
  const rows = await ex
    .select({
      integration: integrations,
      companyName: companies.name,
      portadorName: portadores.name,
      portadorErpKey: portadores.erpKey,
    })
    .from(integrations)
    .innerJoin(companies, eq(companies.id, integrations.companyId))
    .innerJoin(portadores, eq(portadores.id, integrations.portadorId))
    .where(and(...conditions))
    .orderBy(asc(companies.name), asc(portadores.name));
  return rows.map((row) => ({
    ...row.integration,
    companyName: row.companyName,
    portadorName: row.portadorName,
    portadorErpKey: row.portadorErpKey,
  }));
}

/** Platforms switched off by an admin; a platform without a row is enabled. */
export async function disabledPlatforms(ex: Executor): Promise<Set<string>> {
  const rows = await ex.select().from(enabledPlatforms).where(eq(enabledPlatforms.enabled, 0));
  return new Set(rows.map((row) => row.platform));
}

export async function setPlatformEnabled(ex: Executor, platform: string, enabled: boolean): Promise<void> {
  await ex
    .insert(enabledPlatforms)
    .values({ platform, enabled: enabled ? 1 : 0 })
    .onConflictDoUpdate({
      target: enabledPlatforms.platform,
      set: { enabled: enabled ? 1 : 0, updatedAt: new Date() },
    });
}

/** Every integration's sealed secrets (for `finconsole keys rotate`), locked until the transaction ends. */
export async function lockSealedSecrets(tx: Tx): Promise<{ id: string; secrets: string }[]> {
  const rows = await tx
    .select({ id: integrations.id, secrets: integrations.secrets })
    .from(integrations)
    .where(isNotNull(integrations.secrets))
    .for('update');
  return rows.map((row) => ({ id: row.id, secrets: row.secrets! }));
}

export async function setSealedSecrets(tx: Tx, id: string, secrets: string): Promise<void> {
  await tx.update(integrations).set({ secrets }).where(eq(integrations.id, id));
}
