/**
 * Builds the adapter of one integration: its platform's definition, its options with the secrets decrypted, and a
 * runtime whose exchanges are collected (secrets masked) for the communication log. Services call platforms only
 * through this and the adapter contract.
 */
import type { PlatformAdapter, PlatformDefinition, PlatformExchange } from '../platforms/adapter.js';
import { platformDefinition } from '../platforms/registry.js';
import type { IntegrationRow } from '../store/integrations.js';
import type { CommunicationLogInput } from '../store/communication-log.js';
import { maskSecrets, type SecretBox } from './secrets.js';

export interface PlatformDeps {
  secrets: SecretBox;
  /** The URL platforms reach this service at (webhooks) and against which relative endpoints resolve. */
  publicUrl: string;
  /** Per-request timeout for platform calls. */
  timeoutMs?: number;
}

export function webhookUrlOf(deps: Pick<PlatformDeps, 'publicUrl'>, integration: IntegrationRow): string {
  return `${deps.publicUrl}/webhooks/${integration.platform}/${integration.webhookToken}`;
}

/** An endpoint stored as a path (`/emulators/efi`) is served by this very installation (the demo). */
function resolveEndpoint(deps: PlatformDeps, endpointUrl: string | null): string | undefined {
  if (!endpointUrl) return undefined;
  return endpointUrl.startsWith('/') ? `${deps.publicUrl}${endpointUrl}` : endpointUrl;
}

export interface IntegrationSession {
  adapter: PlatformAdapter;
  definition: PlatformDefinition;
  /** What was exchanged so far, ready for the communication log. */
  drainLog(subjectId?: string): CommunicationLogInput[];
}

export function openIntegration(deps: PlatformDeps, integration: IntegrationRow): IntegrationSession {
  const definition = platformDefinition(integration.platform);
  const secretValues = integration.secrets ? deps.secrets.open(integration.secrets) : {};
  const options = definition.optionsSchema.parse({ ...(integration.options as object), ...secretValues });
  const secretKeys = [
    ...definition.secretOptions,
    'access_token',
    'client_secret',
    'authorization',
    'Authorization',
  ];
  // Short values would mask ordinary text; a real credential is long.
  const secretTexts = Object.values(secretValues).filter(
    (secret): secret is string => typeof secret === 'string' && secret.length >= 8,
  );
  const mask = (value: unknown) => maskSecrets(value, secretKeys, secretTexts);
  const exchanges: PlatformExchange[] = [];
  const adapter = definition.create(options, {
    environment: integration.environment as 'sandbox' | 'production',
    baseUrl: resolveEndpoint(deps, integration.endpointUrl),
    notificationUrl: webhookUrlOf(deps, integration),
    timeoutMs: deps.timeoutMs,
    onExchange: (exchange) => exchanges.push(exchange),
  });
  return {
    adapter,
    definition,
    drainLog: (subjectId) =>
      exchanges.splice(0).map((exchange) => ({
        companyId: integration.companyId,
        integrationId: integration.id,
        platform: integration.platform,
        operation: exchange.operation,
        direction: 'out',
        method: exchange.method,
        url: mask(exchange.url) as string,
        httpStatus: exchange.status,
        outcome: exchange.status !== null && exchange.status < 400 ? 'ok' : 'error',
        durationMs: Math.round(exchange.durationMs),
        requestBody: mask(exchange.requestBody) ?? null,
        responseBody: mask(exchange.responseBody) ?? null,
        subjectId: subjectId ?? null,
        at: exchange.startedAt,
      })),
  };
}
