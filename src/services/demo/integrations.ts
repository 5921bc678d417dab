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

type NewIntegration = Parameters<typeof createIntegration>[1];

/** An active demo integration: what differs per platform, over what every demo integration shares. */
function demoIntegration(
  secrets: SecretBox,
  referenceDate: string,
  own: Pick<
    NewIntegration,
    | 'companyId'
    | 'portadorId'
    | 'platform'
    | 'chargeType'
    | 'endpointUrl'
    | 'realtime'
    | 'options'
    | 'feeCents'
  > & { clientSecret: string },
): NewIntegration {
  const { clientSecret, ...fields } = own;
  return {
    ...fields,
    environment: 'sandbox',
    referenceDate,
    active: 1,
    secrets: secrets.seal({ clientSecret }),
    webhookToken: newWebhookToken(),
    receiptHistoryCode: null,
    entriesHistoryCode: null,
    feesHistoryCode: null,
    notifyUserIds: [],
  };
}

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
      demoIntegration(deps.secrets, args.referenceDate, {
        companyId: args.companyId,
        portadorId: portador.id,
        platform: 'efi',
        chargeType: 'hybrid',
        endpointUrl: DEMO_EFI_ENDPOINT,
        realtime: 1,
        options: { clientId: args.efiCredentials.clientId },
        clientSecret: args.efiCredentials.clientSecret,
        feeCents: 199,
      }),
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
      demoIntegration(deps.secrets, args.referenceDate, {
        companyId: args.creditCompanyId,
        portadorId: supplier.id,
        platform: 'supplier',
        chargeType: 'boleto',
        endpointUrl: DEMO_SUPPLIER_ENDPOINT,
        realtime: 0,
        options: {
          clientId: args.supplierCredentials.clientId,
          environment: 'dev',
          usageMode: 'mais_negocios',
        },
        clientSecret: args.supplierCredentials.clientSecret,
        feeCents: 0,
      }),
      'seed',
    );
  });
}
