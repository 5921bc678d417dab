import type { PlatformAdapter, PlatformExchange } from '../../../src/platforms/adapter.js';
import { supplierOptionsSchema, supplierDefinition } from '../../../src/platforms/supplier/adapter.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../../src/platforms/supplier/emulator/index.js';
import {
  startSupplierEmulator,
  type RunningSupplierEmulator,
} from '../../../src/platforms/supplier/emulator/standalone.js';

export interface Harness {
  emulator: RunningSupplierEmulator;
  adapter: PlatformAdapter;
  exchanges: PlatformExchange[];
  control(path: string, body?: unknown): Promise<unknown>;
}

/** A fresh emulator on a free port and a production adapter pointed at it through its platform URL. */
export async function startHarness(options: Partial<{ clientSecret: string }> = {}): Promise<Harness> {
  const emulator = await startSupplierEmulator();
  const exchanges: PlatformExchange[] = [];
  const adapter = supplierDefinition.create(
    supplierOptionsSchema.parse({
      clientId: DEMO_CLIENT_ID,
      clientSecret: options.clientSecret ?? DEMO_CLIENT_SECRET,
      platformUrl: emulator.url,
    }),
    { environment: 'production', onExchange: (exchange) => exchanges.push(exchange) },
  );
  const control = async (path: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}/_control${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`control ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  };
  return { emulator, adapter, exchanges, control };
}

export const CUSTOMER = {
  erpKey: 'CLI-1',
  establishmentErpKey: '1',
  document: '11222333000181',
  name: 'Comercial Norte Ltda',
  email: 'financeiro@norte.example',
  phone: '92999990000',
  address: {
    street: 'Av. Eduardo Ribeiro',
    number: '520',
    district: 'Centro',
    city: 'Manaus',
    state: 'AM',
    postalCode: '69010001',
  },
  contacts: [{ name: 'Ana Souza', email: 'ana@norte.example', phone: '92988887777', role: 'Compras' }],
};
