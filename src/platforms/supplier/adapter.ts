/**
 * The credit platform (Supplier) as a PlatformDefinition: options (TOTVS wizard step 4: Client ID, Secret,
 * platform URL, mode of use; environments production, staging and dev), the capability table and the adapter
 * that runs the contract of mapping.ts through the client.
 */
import { z } from 'zod';
import {
  capabilities,
  PlatformError,
  type AdapterRuntime,
  type PlatformAdapter,
  type PlatformDefinition,
} from '../adapter.js';
import { SupplierClient } from './client.js';
import { supplierOperations } from './mapping.js';
import { registryResponse } from './wire.js';

export const supplierEnvironments = ['production', 'staging', 'dev'] as const;
export type SupplierEnvironment = (typeof supplierEnvironments)[number];

/** TOTVS seed: "fw-tf-registry-endpoint=https://endpoint-registry.ambiente.totvs.app/api/v1/services, onde
 * ambiente deve ser substituído por staging ou dev … Para ambiente de produção, não há a necessidade dessa URL". */
export function defaultRegistryEndpoint(environment: Exclude<SupplierEnvironment, 'production'>): string {
  return `https://endpoint-registry.${environment}.totvs.app/api/v1/services`;
}

/** The registry entry that names the credit platform ("URL Plataforma Risk" in the TOTVS wizard). */
export const REGISTRY_SERVICE = 'risk';

export const supplierOptionsSchema = z.object({
  clientId: z.string().trim().min(1, 'Client ID: obrigatório'),
  clientSecret: z.string().min(1, 'Client Secret: obrigatório'),
  /** Absent: follows the integration's environment (homologação → staging, produção → production). */
  environment: z.enum(supplierEnvironments).optional(),
  /** "URL Plataforma Risk": the platform's URL in production (or the integration's endpoint); staging and dev find
   * it in the registry. */
  platformUrl: z.string().url('URL da plataforma: informe uma URL http(s) válida').optional(),
  registryEndpoint: z.string().url('Endpoint do registry: informe uma URL http(s) válida').optional(),
  /** "Tipo de uso": the seed's default and only documented mode. */
  usageMode: z.literal('mais_negocios').default('mais_negocios'),
});
export type SupplierOptions = z.output<typeof supplierOptionsSchema>;

const ENVIRONMENT_LABELS: Readonly<Record<SupplierEnvironment, string>> = {
  production: 'produção',
  staging: 'staging',
  dev: 'dev',
};

export function supplierEnvironmentOf(
  options: SupplierOptions,
  runtime: AdapterRuntime,
): SupplierEnvironment {
  return options.environment ?? (runtime.environment === 'sandbox' ? 'staging' : 'production');
}

/** The integration's endpoint wins (emulators, the demo); then production's URL, or the environment's registry. */
function baseUrlOf(options: SupplierOptions, runtime: AdapterRuntime, client: () => SupplierClient) {
  const environment = supplierEnvironmentOf(options, runtime);
  let resolved: Promise<string> | undefined;
  const resolve = async (): Promise<string> => {
    if (runtime.baseUrl) return runtime.baseUrl;
    if (environment === 'production') {
      if (options.platformUrl) return options.platformUrl;
      throw new PlatformError('validation', 'URL da plataforma: obrigatória no ambiente de produção', {
        property: 'platformUrl',
      });
    }
    const endpoint = options.registryEndpoint ?? defaultRegistryEndpoint(environment);
    const registry = await client().getPublic('registry', endpoint, registryResponse);
    const service = registry.services.find((s) => s.name === REGISTRY_SERVICE);
    if (!service)
      throw new PlatformError(
        'validation',
        `Endpoint do registry: o serviço "${REGISTRY_SERVICE}" não está registrado em ${endpoint}`,
      );
    return service.url;
  };
  return () => {
    resolved ??= resolve()
      .then((url) => url.replace(/\/+$/, ''))
      .catch((error: unknown) => {
        resolved = undefined;
        throw error;
      });
    return resolved;
  };
}

const SUPPLIER_CAPABILITIES = capabilities(['creditAnalysis', 'reconciliation']);

export function createSupplierAdapter(options: SupplierOptions, runtime: AdapterRuntime): PlatformAdapter {
  const client: SupplierClient = new SupplierClient({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    runtime,
    baseUrl: baseUrlOf(options, runtime, () => client),
  });
  const ops = supplierOperations;
  return {
    platform: 'supplier',
    capabilities: SUPPLIER_CAPABILITIES,
    async testConnection() {
      try {
        // Any authenticated read proves URL and credentials; the event list is cheap and changes nothing.
        await client.call('testConnection', ops.fetchReconciliationEvents, undefined);
        return {
          ok: true,
          message: `Conexão com a plataforma de crédito estabelecida (ambiente ${ENVIRONMENT_LABELS[supplierEnvironmentOf(options, runtime)]})`,
        };
      } catch (error) {
        if (error instanceof PlatformError) return { ok: false, message: error.message };
        throw error;
      }
    },
    syncCustomers: (customers) => client.call('syncCustomers', ops.syncCustomers, customers),
    syncSalesOrders: (orders) => client.call('syncSalesOrders', ops.syncSalesOrders, orders),
    syncReceivableMovements: (movements) =>
      client.call('syncReceivableMovements', ops.syncReceivableMovements, movements),
    requestCreditAnalysis: (request) =>
      client.call('requestCreditAnalysis', ops.requestCreditAnalysis, request),
    requestLimitChange: (request) => client.call('requestLimitChange', ops.requestLimitChange, request),
    getCreditStatus: (document) => client.call('getCreditStatus', ops.getCreditStatus, document),
    createTicket: (request) => client.call('createTicket', ops.createTicket, request),
    cancelTicket: (ticketId) => client.call('cancelTicket', ops.cancelTicket, ticketId),
    checkOrder: (orderErpKey) => client.call('checkOrder', ops.checkOrder, orderErpKey),
    sendInvoice: (invoice) => client.call('sendInvoice', ops.sendInvoice, invoice),
    sendReturnRequest: (request) => client.call('sendReturnRequest', ops.sendReturnRequest, request),
    fetchAfterSaleRequests: () =>
      client.call('fetchAfterSaleRequests', ops.fetchAfterSaleRequests, undefined),
    answerAfterSaleRequest: (requestId, answer) =>
      client.call('answerAfterSaleRequest', ops.answerAfterSaleRequest, { requestId, answer }),
    fetchReconciliationEvents: () =>
      client.call('fetchReconciliationEvents', ops.fetchReconciliationEvents, undefined),
    acknowledgeReconciliationEvents: (entryIds) =>
      client.call('acknowledgeReconciliationEvents', ops.acknowledgeReconciliationEvents, entryIds),
  };
}

export const supplierDefinition: PlatformDefinition<SupplierOptions> = {
  platform: 'supplier',
  label: 'Supplier (crédito B2B)',
  capabilities: SUPPLIER_CAPABILITIES,
  optionsSchema: supplierOptionsSchema,
  secretOptions: ['clientSecret'],
  create: createSupplierAdapter,
};
