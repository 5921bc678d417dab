/**
 * The demo's platform side, seeded once on an empty database after the demo data: for Demonstração Sul, a carteira
 * portador `EFI` (no bank account: Efí's pseudo-bank "0-Carteira") and an active Efí integration in homologação
 * against the emulator this installation serves at /emulators/efi — Boleto Híbrido, tarifa R$ 1,99.
 */
import { upsertPortador } from '../store/banking.js';
import type { Store } from '../store/connection.js';
import { createIntegration } from '../store/integrations.js';
import { randomBytes } from 'node:crypto';
import type { SecretBox } from './secrets.js';

export const DEMO_EFI_ENDPOINT = '/emulators/efi';

export async function seedDemoIntegrations(
  deps: { store: Store; secrets: SecretBox },
  args: {
    companyId: string;
    referenceDate: string;
    efiCredentials: { clientId: string; clientSecret: string };
  },
): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const { row: portador } = await upsertPortador(tx, {
      companyId: args.companyId,
      erpKey: 'EFI',
      data: { name: 'Efí — carteira de cobrança', bankAccountId: null, carteira: null, convenio: null },
      actor: 'seed',
    });
    await createIntegration(
      tx,
      {
        companyId: args.companyId,
        portadorId: portador.id,
        platform: 'efi',
        chargeType: 'hybrid',
        environment: 'sandbox',
        endpointUrl: DEMO_EFI_ENDPOINT,
        realtime: 1,
        referenceDate: args.referenceDate,
        active: 1,
        options: { clientId: args.efiCredentials.clientId },
        secrets: deps.secrets.seal({ clientSecret: args.efiCredentials.clientSecret }),
        webhookToken: randomBytes(24).toString('base64url'),
        feeCents: 199,
        receiptHistoryCode: null,
        entriesHistoryCode: null,
        feesHistoryCode: null,
        notifyUserIds: [],
      },
      'seed',
    );
  });
}
