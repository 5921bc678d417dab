/**
 * Integrations (Parceiros/Bancos): which platform registers the títulos of which portador, with what credentials
 * and rules. Secrets are encrypted at rest and never returned; options are validated by the platform's schema.
 */
import { usersReaching } from '../store/notifications.js';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { IntegrationBody, IntegrationView, PortadorOption } from '../contracts/integrations.js';
import type { PlatformCode, PlatformDefinition } from '../platforms/adapter.js';
import { platformDefinition, registeredPlatforms } from '../platforms/registry.js';
import { getBankAccount, getPortador, listBankAccounts, listPortadores } from '../store/banking.js';
import type { Store } from '../store/connection.js';
import {
  createIntegration,
  disabledPlatforms,
  getIntegration,
  listIntegrations,
  setPlatformEnabled,
  updateIntegration,
  type IntegrationInsert,
  type IntegrationListItem,
  type IntegrationRow,
} from '../store/integrations.js';
import { notFound, ServiceError, validationError, type FieldError } from './errors.js';
import { openIntegration, webhookUrlOf, type PlatformDeps } from './platform-gateway.js';

export interface IntegrationDeps extends PlatformDeps {
  store: Store;
}

export function integrationView(deps: PlatformDeps, row: IntegrationListItem): IntegrationView {
  return {
    id: row.id,
    companyId: row.companyId,
    companyName: row.companyName,
    portadorId: row.portadorId,
    portadorName: row.portadorName,
    portadorErpKey: row.portadorErpKey,
    platform: row.platform,
    chargeType: row.chargeType as IntegrationView['chargeType'],
    environment: row.environment as IntegrationView['environment'],
    endpointUrl: row.endpointUrl,
    realtime: row.realtime === 1,
    referenceDate: row.referenceDate,
    active: row.active === 1,
    options: row.options as Record<string, unknown>,
    secretsConfigured: row.secrets ? Object.keys(deps.secrets.open(row.secrets)).sort() : [],
    webhookUrl: webhookUrlOf(deps, row),
    feeCents: row.feeCents,
    receiptHistoryCode: row.receiptHistoryCode,
    entriesHistoryCode: row.entriesHistoryCode,
    feesHistoryCode: row.feesHistoryCode,
    notifyUserIds: row.notifyUserIds as string[],
    autoProcess: row.autoProcess === 1,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The fields of a platform's options schema, in its order; required = the schema refuses it absent. */
function optionFields(definition: PlatformDefinition) {
  const schema = definition.optionsSchema;
  if (!(schema instanceof z.ZodObject)) return [];
  const secretKeys: readonly string[] = definition.secretOptions;
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    secret: secretKeys.includes(name),
    required: !field.safeParse(undefined).success,
  }));
}

export async function listPlatforms(store: Store) {
  const disabled = await disabledPlatforms(store.db);
  return registeredPlatforms().map((definition) => {
    const code = definition.platform;
    return {
      platform: code,
      label: definition.label,
      enabled: !disabled.has(code),
      capabilities: { ...definition.capabilities },
      secretOptions: [...definition.secretOptions],
      optionFields: optionFields(definition),
    };
  });
}

export async function switchPlatform(store: Store, platform: PlatformCode, enabled: boolean): Promise<void> {
  await setPlatformEnabled(store.db, platform, enabled);
}

export async function searchIntegrations(
  deps: IntegrationDeps,
  args: { scope: readonly string[]; platform?: string },
): Promise<IntegrationView[]> {
  const rows = await listIntegrations(deps.store.db, { companyIds: args.scope, platform: args.platform });
  return rows.map((row) => integrationView(deps, row));
}

/** The portadores of the caller's companies, with what the editor needs to offer them per platform. */
export async function integrationPortadores(
  store: Store,
  scope: readonly string[],
): Promise<PortadorOption[]> {
  const [portadores, accounts] = await Promise.all([
    listPortadores(store.db, scope),
    listBankAccounts(store.db, scope),
  ]);
  const accountOf = new Map(accounts.map((account) => [account.id, account]));
  return portadores.map((portador) => {
    const account = portador.bankAccountId ? accountOf.get(portador.bankAccountId) : undefined;
    return {
      id: portador.id,
      companyId: portador.companyId,
      name: portador.name,
      erpKey: portador.erpKey,
      bankCode: account?.bankCode ?? null,
      hasPixKey: Boolean(account?.pixKey),
    };
  });
}

async function viewById(deps: IntegrationDeps, id: string): Promise<IntegrationView> {
  const [row] = (
    await listIntegrations(deps.store.db, {
      companyIds: [(await getIntegration(deps.store.db, id))!.companyId],
    })
  ).filter((item) => item.id === id);
  return integrationView(deps, row!);
}

/** Options and secrets checked together by the platform's schema; field errors name `options.x`/`secrets.x`. */
function checkOptions(
  platform: PlatformCode,
  options: Record<string, unknown>,
  secrets: Record<string, string>,
) {
  const definition = platformDefinition(platform);
  const parsed = definition.optionsSchema.safeParse({ ...options, ...secrets });
  if (parsed.success) return;
  const secretKeys: readonly string[] = definition.secretOptions;
  throw validationError(
    parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      return { path: `${secretKeys.includes(key) ? 'secrets' : 'options'}.${key}`, message: issue.message };
    }),
  );
}

function conflictOnActiveEfi(error: unknown): never {
  const text = `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ''}`;
  if (text.includes('integrations_one_active_efi_key'))
    throw new ServiceError(
      409,
      'conflict',
      'Esta empresa já tem uma conta Efí ativa: inative-a antes de ativar outra.',
      [{ path: 'active', message: 'só uma integração Efí ativa por empresa' }],
    );
  if (text.includes('integrations_active_portador_key'))
    throw new ServiceError(409, 'conflict', 'Este portador já tem uma integração ativa.', [
      { path: 'portadorId', message: 'o portador já é registrado por outra integração ativa' },
    ]);
  throw error;
}

/**
 * Creates (no id) or updates an integration within the caller's companies. The company is fixed to `homeCompanyId`
 * unless the caller acts for a consolidated company (scope of several companies).
 */
export async function saveIntegration(
  deps: IntegrationDeps,
  args: {
    scope: readonly string[];
    homeCompanyId: string;
    actor: string;
    body: IntegrationBody;
    id?: string;
  },
): Promise<IntegrationView> {
  const { body, scope } = args;
  const existing = args.id ? await getIntegration(deps.store.db, args.id, scope) : null;
  if (args.id && !existing) throw notFound('Integração não encontrada.');
  const companyId =
    scope.length > 1 ? (body.companyId ?? existing?.companyId ?? args.homeCompanyId) : args.homeCompanyId;
  if (!scope.includes(companyId))
    throw validationError([{ path: 'companyId', message: 'empresa fora do seu acesso' }]);
  if ((await disabledPlatforms(deps.store.db)).has(body.platform))
    throw validationError([{ path: 'platform', message: 'plataforma não liberada nesta instalação' }]);

  const problems: FieldError[] = [];
  const portador = await getPortador(deps.store.db, body.portadorId, [companyId]);
  if (!portador) problems.push({ path: 'portadorId', message: 'portador não existe na empresa escolhida' });
  const bankAccount = portador?.bankAccountId
    ? await getBankAccount(deps.store.db, portador.bankAccountId)
    : null;
  if (portador && body.platform === 'cnab' && !bankAccount)
    problems.push({
      path: 'portadorId',
      message: 'banco por CNAB exige um portador ligado a uma conta bancária',
    });
  if (portador && body.platform === 'efi' && bankAccount)
    problems.push({
      path: 'portadorId',
      message: 'a Efí usa um portador de carteira (sem conta bancária, banco "0-Carteira")',
    });
  if (body.chargeType === 'hybrid' && bankAccount && !bankAccount.pixKey)
    problems.push({
      path: 'chargeType',
      message:
        'Boleto Híbrido exige chave PIX na conta bancária do portador: cadastre-a em Contas e portadores',
    });
  if (problems.length > 0) throw validationError(problems);

  const storedSecrets = existing?.secrets ? deps.secrets.open(existing.secrets) : {};
  const secrets = { ...storedSecrets, ...body.secrets };
  checkOptions(body.platform, body.options, secrets);

  const values: IntegrationInsert = {
    companyId,
    portadorId: body.portadorId,
    platform: body.platform,
    chargeType: body.chargeType,
    environment: body.environment,
    endpointUrl: body.endpointUrl ?? null,
    realtime: body.realtime ? 1 : 0,
    referenceDate: body.referenceDate,
    active: body.active ? 1 : 0,
    options: body.options,
    secrets: Object.keys(secrets).length > 0 ? deps.secrets.seal(secrets) : null,
    webhookToken: existing?.webhookToken ?? newWebhookToken(),
    feeCents: body.feeCents,
    receiptHistoryCode: body.receiptHistoryCode ?? null,
    entriesHistoryCode: body.entriesHistoryCode ?? null,
    feesHistoryCode: body.feesHistoryCode ?? null,
    notifyUserIds: body.notifyUserIds,
    autoProcess: body.autoProcess ? 1 : 0,
  };
  const reaching = new Set((await usersReaching(deps.store.db, companyId)).map((user) => user.id));
  const strangers = body.notifyUserIds.filter((id) => !reaching.has(id));
  if (strangers.length > 0)
    throw validationError([
      { path: 'notifyUserIds', message: 'escolha usuários que têm acesso à empresa da integração' },
    ]);
  try {
    const row: IntegrationRow = existing
      ? (await updateIntegration(deps.store.db, existing.id, values, args.actor))!
      : await createIntegration(deps.store.db, values, args.actor);
    return await viewById(deps, row.id);
  } catch (error) {
    return conflictOnActiveEfi(error);
  }
}

/** The unguessable part of an integration's webhook URL. */
export function newWebhookToken(): string {
  return randomBytes(24).toString('base64url');
}

export async function regenerateWebhookToken(
  deps: IntegrationDeps,
  args: { scope: readonly string[]; id: string; actor: string },
): Promise<IntegrationView> {
  const existing = await getIntegration(deps.store.db, args.id, args.scope);
  if (!existing) throw notFound('Integração não encontrada.');
  await updateIntegration(deps.store.db, existing.id, { webhookToken: newWebhookToken() }, args.actor);
  return viewById(deps, existing.id);
}

/** "Testar conexão": authenticates against the platform (or its emulator) and reports its answer. */
export async function testIntegration(
  deps: IntegrationDeps,
  args: { scope: readonly string[]; id: string },
): Promise<{ ok: boolean; message: string }> {
  const integration = await getIntegration(deps.store.db, args.id, args.scope);
  if (!integration) throw notFound('Integração não encontrada.');
  const session = openIntegration(deps, integration);
  try {
    return await session.adapter.testConnection();
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
