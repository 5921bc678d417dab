/**
 * Efí's JSON on the wire (API Cobranças v1), as the official SDKs type it (efipay/sdk-node-apis-efi
 * src/types/charges.ts and chargeResponses.ts) and dev.efipay.com.br documents it. Values are integer centavos,
 * dates "YYYY-MM-DD". The client validates every answer with these shapes; the emulator validates every request.
 * Answers are `.loose()`: Efí adds fields over time and we keep only what we read.
 */
import { z } from 'zod';

export const efiHosts = {
  production: 'https://cobrancas.api.efipay.com.br',
  sandbox: 'https://cobrancas-h.api.efipay.com.br',
} as const;

/** Every status a charge of the API Cobranças can have (chargeResponses.ts, ChargeTransactionStatusSchema). */
export const efiChargeStatuses = [
  'new',
  'waiting',
  'identified',
  'approved',
  'paid',
  'unpaid',
  'refunded',
  'contested',
  'canceled',
  'settled',
  'link',
  'expired',
] as const;
export type EfiChargeStatus = (typeof efiChargeStatuses)[number];

export const authorizeResponse = z
  .object({ access_token: z.string().min(1), token_type: z.string(), expires_in: z.number().positive() })
  .loose();

/**
 * `{"code":3500034,"error":"validation_error","error_description":{"property":"/…","message":"…"}}`; other errors
 * carry a plain string description.
 */
export const errorBody = z
  .object({
    code: z.number().optional(),
    error: z.string(),
    error_description: z
      .union([z.string(), z.object({ property: z.string().optional(), message: z.string() }).loose()])
      .optional(),
  })
  .loose();
export type EfiErrorBody = z.infer<typeof errorBody>;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'data no formato AAAA-MM-DD');

export const address = z.object({
  street: z.string().min(1),
  number: z.union([z.string(), z.number()]),
  neighborhood: z.string().min(1),
  zipcode: z.string().regex(/^\d{8}$/, 'CEP com 8 dígitos'),
  city: z.string().min(1),
  complement: z.string().nullable().optional(),
  state: z.string().length(2),
});

export const customer = z.object({
  name: z.string().min(1).optional(),
  cpf: z.string().optional(),
  email: z.string().optional(),
  phone_number: z.string().optional(),
  birth: z.string().optional(),
  address: address.optional(),
  juridical_person: z.object({ corporate_name: z.string().min(1), cnpj: z.string() }).optional(),
});
export type EfiCustomer = z.infer<typeof customer>;

export const item = z.object({ name: z.string().min(1), value: z.number().int(), amount: z.number().int() });

export const metadata = z.object({
  custom_id: z.string().optional(),
  notification_url: z.string().optional(),
});

const configurations = z.object({
  days_to_write_off: z.number().int().optional(),
  /** Basis points of the amount (200 = 2 %). */
  fine: z.number().int().optional(),
  /** Daily interest in thousandths of a percent (33 = 0.033 % a day ≈ 1 % a month). */
  interest: z.number().int().optional(),
});

const discount = z.object({ type: z.enum(['percentage', 'currency']), value: z.number().int() });
const conditionalDiscount = discount.extend({ until_date: date });

export const oneStepRequest = z.object({
  items: z.array(item).min(1),
  metadata: metadata.optional(),
  payment: z.object({
    banking_billet: z.object({
      customer,
      expire_at: date,
      configurations: configurations.optional(),
      discount: discount.optional(),
      conditional_discount: conditionalDiscount.optional(),
      message: z.string().optional(),
    }),
  }),
});
export type EfiOneStepRequest = z.infer<typeof oneStepRequest>;

const pix = z.object({ qrcode: z.string(), qrcode_image: z.string() }).loose();
const pdf = z.object({ charge: z.string() }).loose();

export const oneStepResponse = z
  .object({
    code: z.number(),
    data: z
      .object({
        charge_id: z.number().int(),
        status: z.enum(efiChargeStatuses),
        total: z.number(),
        payment: z.literal('banking_billet'),
        /** The linha digitável, formatted ("36490.00019 …"): Efí calls it barcode. */
        barcode: z.string(),
        pix: pix.optional(),
        link: z.string().optional(),
        billet_link: z.string().optional(),
        pdf: pdf.optional(),
        expire_at: date,
      })
      .loose(),
  })
  .loose();
export type EfiOneStepData = z.infer<typeof oneStepResponse>['data'];

export const carnetRequest = z.object({
  items: z.array(item).min(1),
  customer,
  /** Due date of the first parcela; the others fall on the same day of the following months. */
  expire_at: date,
  repeats: z.number().int(),
  split_items: z.boolean().optional(),
  configurations: configurations.omit({ days_to_write_off: true }).optional(),
  message: z.string().optional(),
  metadata: metadata.optional(),
});
export type EfiCarnetRequest = z.infer<typeof carnetRequest>;

export const carnetResponse = z
  .object({
    code: z.number(),
    data: z
      .object({
        carnet_id: z.number().int(),
        status: z.string(),
        link: z.string().optional(),
        pdf: z.object({ carnet: z.string() }).loose().optional(),
        charges: z.array(
          z
            .object({
              charge_id: z.number().int(),
              /** "1/12" */
              parcel: z.string(),
              status: z.enum(efiChargeStatuses),
              value: z.number(),
              expire_at: date,
              barcode: z.string(),
              pix: pix.optional(),
              pdf: pdf.optional(),
            })
            .loose(),
        ),
      })
      .loose(),
  })
  .loose();
export type EfiCarnetData = z.infer<typeof carnetResponse>['data'];

const billet = z
  .object({ barcode: z.string(), pix: pix.optional(), pdf: pdf.optional(), expire_at: date })
  .loose();

/** A charge's payment as GET /v1/charges lists it: a boleto, or a parcela of a carnê. */
const listedPayment = z.union([
  z.object({ payment_method: z.literal('banking_billet'), banking_billet: billet }).loose(),
  z
    .object({
      payment_method: z.literal('carnet'),
      carnet: billet.extend({ parcel: z.number().int(), carnet_id: z.number().int().optional() }),
    })
    .loose(),
]);

export const listChargesResponse = z
  .object({
    code: z.number(),
    data: z.array(
      z
        .object({
          id: z.number().int(),
          total: z.number(),
          status: z.enum(efiChargeStatuses),
          custom_id: z.string().nullable(),
          created_at: z.string(),
          payment: listedPayment.optional(),
        })
        .loose(),
    ),
  })
  .loose();
export type EfiListedCharge = z.infer<typeof listChargesResponse>['data'][number];

export const chargeDetailResponse = z
  .object({
    code: z.number(),
    data: z
      .object({
        charge_id: z.number().int(),
        total: z.number(),
        status: z.enum(efiChargeStatuses),
        custom_id: z.string().nullable(),
        created_at: z.string(),
        notification_url: z.string().nullable(),
        history: z.array(z.object({ message: z.string(), created_at: z.string() }).loose()),
      })
      .loose(),
  })
  .loose();
export type EfiChargeDetail = z.infer<typeof chargeDetailResponse>['data'];

/** One status change of GET /v1/notification/:token; `id` increases along the history. */
export const notificationEntry = z
  .object({
    id: z.number().int(),
    type: z.string(),
    custom_id: z.string().nullable(),
    status: z.object({ current: z.string(), previous: z.string().nullable() }).loose(),
    identifiers: z
      .object({ charge_id: z.number().int().optional(), carnet_id: z.number().int().optional() })
      .loose(),
    created_at: z.string(),
    /** Paid amount in centavos, on payment entries. */
    value: z.number().int().optional(),
    received_by_bank_at: date.optional(),
  })
  .loose();
export type EfiNotificationEntry = z.infer<typeof notificationEntry>;

export const notificationResponse = z.object({ code: z.number(), data: z.array(notificationEntry) }).loose();

export const codeResponse = z.object({ code: z.number() }).loose();

export const updateBilletRequest = z.object({ expire_at: date });
export const resendRequest = z.object({ email: z.string().email() });

/** The webhook body Efí posts (form-encoded `notification=<token>`), once parsed. */
export const notificationPost = z.object({ notification: z.string().min(1) });
