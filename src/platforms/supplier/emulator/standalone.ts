/** The emulator on its own port (`finconsole emulate supplier`, and tests). */
import Fastify from 'fastify';
import { EmulatedPlatform } from './platform.js';
import { supplierEmulator, type SupplierEmulatorOptions } from './index.js';

export interface RunningSupplierEmulator {
  url: string;
  platform: EmulatedPlatform;
  close(): Promise<void>;
}

export async function startSupplierEmulator(
  options: SupplierEmulatorOptions & { port?: number; host?: string; logger?: boolean } = {},
): Promise<RunningSupplierEmulator> {
  const platform = options.platform ?? new EmulatedPlatform();
  const app = Fastify({ logger: options.logger ?? false });
  await app.register(supplierEmulator, { ...options, platform });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return { url: `http://${shown}:${port}`, platform, close: () => app.close() };
}
