/**
 * The demo's platform side, seeded once on an empty database after the demo data: for Demonstração Sul, a carteira
 * portador `EFI` (no bank account: Efí's pseudo-bank "0-Carteira") and an active Efí integration in homologação
 * against the emulator this installation serves at /emulators/efi — Boleto Híbrido, tarifa R$ 1,99. For
 * Demonstração Norte, a portador `SUPPLIER` and an active credit-platform integration against the Supplier emulator
 * at /emulators/supplier (environment dev, its demo client credentials).
 */
import { upsertPortador } from '../../store/banking.js';
import type { Store } from '../../store/connection.js';
import { createIntegration } from '../../store/integrations.js';
import { newWebhookToken } from '../integrations.js';
import type { SecretBox } from '../secrets.js';

export const DEMO_EFI_ENDPOINT = '/emulators/efi';
export const DEMO_SUPPLIER_ENDPOINT = '/emulators/supplier';

export async function seedDemoIntegrations(
  deps: { store: Store; secrets: SecretBox },
  args: {
    companyId: string;
    referenceDate: string;
    efiCredentials: { clientId: string; clientSecret: string };
    /** Demonstração Norte: the company with the credit platform. */
    creditCompanyId: string;
    supplierCredentials: { clientId: string; clientSecret: string };
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
        webhookToken: newWebhookToken(),
        feeCents: 199,
        receiptHistoryCode: null,
        entriesHistoryCode: null,
        feesHistoryCode: null,
        notifyUserIds: [],
      },
      'seed',
    );
    const { row: supplier } = await upsertPortador(tx, {
      companyId: args.creditCompanyId,
      erpKey: 'SUPPLIER',
      data: { name: 'Supplier — crédito B2B', bankAccountId: null, carteira: null, convenio: null },
      actor: 'seed',
    });
    await createIntegration(
      tx,
      {
        companyId: args.creditCompanyId,
        portadorId: supplier.id,
        platform: 'supplier',
        chargeType: 'boleto',
        environment: 'sandbox',
        endpointUrl: DEMO_SUPPLIER_ENDPOINT,
        realtime: 0,
        referenceDate: args.referenceDate,
        active: 1,
        options: {
          clientId: args.supplierCredentials.clientId,
          environment: 'dev',
          usageMode: 'mais_negocios',
        },
        secrets: deps.secrets.seal({ clientSecret: args.supplierCredentials.clientSecret }),
        webhookToken: newWebhookToken(),
        feeCents: 0,
        receiptHistoryCode: null,
        entriesHistoryCode: null,
        feesHistoryCode: null,
        notifyUserIds: [],
      },
      'seed',
    );
  });
}
