/** Integrations (Parceiros/Bancos): what the console and the setup wizard send and read back. */
import { z } from 'zod';
import { platformCodes, platformEnvironments } from '../platforms/adapter.js';
import { calendarDate, companyIdField, nonNegativeCents } from './common.js';

export const chargeTypes = ['boleto', 'hybrid'] as const;

export const integrationBody = z
  .object({
    companyId: companyIdField.optional().meta({
      description: 'Editável só na empresa consolidada; nas filhas vale a empresa do usuário',
    }),
    portadorId: z.uuid({ error: 'portadorId deve ser o id (uuid) de um portador' }),
    platform: z.enum(platformCodes, { error: `platform deve ser um de: ${platformCodes.join(', ')}` }),
    chargeType: z.enum(chargeTypes, { error: 'tipo de cobrança deve ser boleto ou hybrid (Boleto Híbrido)' }),
    environment: z.enum(platformEnvironments, {
      error: 'ambiente deve ser sandbox (homologação) ou production',
    }),
    endpointUrl: z
      .string()
      .trim()
      .refine((v) => v.startsWith('/') || /^https?:\/\/\S+$/.test(v), {
        error: 'endereço deve começar com http:// ou https://',
      })
      .nullable()
      .optional(),
    realtime: z.boolean({ error: 'registro em tempo real deve ser true ou false' }).default(false),
    referenceDate: calendarDate.meta({
      description: 'Títulos emitidos antes desta data nunca vão para remessa',
    }),
    active: z.boolean().default(true),
    /** Non-secret options of the platform (validated by its schema together with the secrets). */
    options: z.record(z.string(), z.unknown()).default({}),
    /** Write-only: stored encrypted, never returned. Omit a key to keep the stored value. */
    secrets: z.record(z.string(), z.string()).optional(),
    feeCents: nonNegativeCents.default(0).meta({ description: 'Tarifa por pagamento (centavos)' }),
    receiptHistoryCode: z.string().trim().max(20).nullable().optional(),
    entriesHistoryCode: z.string().trim().max(20).nullable().optional(),
    feesHistoryCode: z.string().trim().max(20).nullable().optional(),
    notifyUserIds: z.array(z.uuid()).default([]),
    autoProcess: z
      .boolean()
      .default(true)
      .meta({ description: 'Processar automaticamente cada retorno na chegada (false: espera o Processar)' }),
  })
  .strict()
  // Not "IntegrationInput": fastify-type-provider-zod names the request form of "Integration" so, and the two collide.
  .meta({ id: 'IntegrationSettings' });
export type IntegrationBody = z.infer<typeof integrationBody>;

export const integrationSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    companyName: z.string(),
    portadorId: z.uuid(),
    portadorName: z.string(),
    portadorErpKey: z.string(),
    platform: z.string(),
    chargeType: z.enum(chargeTypes),
    environment: z.enum(platformEnvironments),
    endpointUrl: z.string().nullable(),
    realtime: z.boolean(),
    referenceDate: z.string(),
    active: z.boolean(),
    options: z.record(z.string(), z.unknown()),
    /** Names of the secrets that are configured ("configurado"), never their values. */
    secretsConfigured: z.array(z.string()),
    webhookUrl: z.string(),
    feeCents: z.number().int(),
    receiptHistoryCode: z.string().nullable(),
    entriesHistoryCode: z.string().nullable(),
    feesHistoryCode: z.string().nullable(),
    notifyUserIds: z.array(z.string()),
    autoProcess: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Integration' });
export type IntegrationView = z.infer<typeof integrationSchema>;

export const platformSchema = z
  .object({
    platform: z.string(),
    label: z.string(),
    enabled: z.boolean(),
    capabilities: z.record(z.string(), z.boolean()),
    secretOptions: z.array(z.string()),
    /** The options the platform declares (its schema's fields), so the console can draw the editor from them. */
    optionFields: z.array(z.object({ name: z.string(), secret: z.boolean(), required: z.boolean() })),
  })
  .meta({ id: 'Platform' });

/** A portador as the integration editor offers it: bank portadores for banks, carteira portadores for Efí. */
export const portadorOptionSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    name: z.string(),
    erpKey: z.string(),
    /** FEBRABAN code of its bank account; null for a carteira portador (no bank account). */
    bankCode: z.string().nullable(),
    hasPixKey: z.boolean(),
  })
  .meta({ id: 'PortadorOption' });
export type PortadorOption = z.infer<typeof portadorOptionSchema>;

export const connectionCheckSchema = z.object({ ok: z.boolean(), message: z.string() });
