/**
 * Ours ↔ Efí's: ChargeRequest → one-step boleto and carnê bodies; Efí's answers → RegisteredCharge; notification
 * history entries → PlatformEvent (eventId = the entry's id, which Efí increases along a charge's history).
 */
import type {
  CarneRequest,
  ChargePayer,
  ChargeRequest,
  PlatformChargeStatus,
  PlatformEvent,
  RegisteredCharge,
} from '../adapter.js';
import { bankBarcodeFromLine } from '../../domain/boleto/barcode.js';
import { findReturnCommand } from '../../domain/settlement/return-commands.js';
import type { CarneParcel } from './carne-plan.js';
import { efiReturnCommands } from './return-commands.js';
import type {
  EfiCarnetData,
  EfiCarnetRequest,
  EfiChargeDetail,
  EfiChargeStatus,
  EfiCustomer,
  EfiListedCharge,
  EfiNotificationEntry,
  EfiOneStepData,
  EfiOneStepRequest,
} from './wire.js';

const STATUS: Readonly<Record<EfiChargeStatus, PlatformChargeStatus>> = {
  new: 'registered',
  waiting: 'registered',
  link: 'registered',
  identified: 'registered',
  approved: 'registered',
  paid: 'paid',
  settled: 'settled',
  unpaid: 'expired',
  expired: 'expired',
  canceled: 'cancelled',
  refunded: 'unknown',
  contested: 'unknown',
};

export function chargeStatus(status: EfiChargeStatus): PlatformChargeStatus {
  return STATUS[status];
}

/** Efí wants DDD + number (10 or 11 digits); a leading country code 55 is dropped. */
export function efiPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length > 11 && digits.startsWith('55') ? digits.slice(2) : digits;
}

/** A CPF payer as a person; a CNPJ payer as `juridical_person` (Efí's company form). */
export function efiCustomer(payer: ChargePayer): EfiCustomer {
  const contact = {
    ...(payer.email ? { email: payer.email } : {}),
    ...(payer.phone ? { phone_number: efiPhone(payer.phone) } : {}),
    ...(payer.address
      ? {
          address: {
            street: payer.address.street,
            number: payer.address.number,
            neighborhood: payer.address.district,
            zipcode: payer.address.postalCode.replace(/\D/g, ''),
            city: payer.address.city,
            state: payer.address.state,
            ...(payer.address.complement ? { complement: payer.address.complement } : {}),
          },
        }
      : {}),
  };
  return payer.document.length === 14
    ? { juridical_person: { corporate_name: payer.name, cnpj: payer.document }, ...contact }
    : { name: payer.name, cpf: payer.document, ...contact };
}

type Terms = Pick<ChargeRequest, 'interestMonthlyBasisPoints' | 'fineBasisPoints' | 'message'>;

/** Efí's interest is per day in thousandths of a percent: 1 % a month (100 bp) is 100 / 3 ≈ 33. */
function configurations(terms: Terms) {
  const fine = terms.fineBasisPoints;
  const interest = terms.interestMonthlyBasisPoints;
  if (!fine && !interest) return undefined;
  return {
    ...(fine ? { fine } : {}),
    ...(interest ? { interest: Math.round(interest / 3) } : {}),
  };
}

function metadata(customId: string, notificationUrl: string | undefined) {
  return { custom_id: customId, ...(notificationUrl ? { notification_url: notificationUrl } : {}) };
}

export function oneStepBody(charge: ChargeRequest, notificationUrl?: string): EfiOneStepRequest {
  const config = configurations(charge);
  return {
    items: [{ name: charge.description, value: charge.amountCents, amount: 1 }],
    metadata: metadata(charge.customId, notificationUrl),
    payment: {
      banking_billet: {
        customer: efiCustomer(charge.payer),
        expire_at: charge.dueDate,
        ...(config ? { configurations: config } : {}),
        ...(charge.discount
          ? {
              conditional_discount: {
                type: 'currency' as const,
                value: charge.discount.cents,
                until_date: charge.discount.until,
              },
            }
          : {}),
        ...(charge.message ? { message: charge.message } : {}),
      },
    },
  };
}

/** One parcela registered as a boleto of its own. */
export function parcelCharge(carne: CarneRequest, parcel: CarneParcel): ChargeRequest {
  return {
    customId: parcel.customId,
    kind: carne.kind,
    description: parcel.description ?? carne.description,
    amountCents: parcel.amountCents,
    issueDate: parcel.issueDate,
    dueDate: parcel.dueDate,
    payer: carne.payer,
    ...(carne.interestMonthlyBasisPoints
      ? { interestMonthlyBasisPoints: carne.interestMonthlyBasisPoints }
      : {}),
    ...(carne.fineBasisPoints ? { fineBasisPoints: carne.fineBasisPoints } : {}),
    ...(carne.message ? { message: carne.message } : {}),
  };
}

/** A carnê of equal parcelas: each repeat costs the item's value (split_items false). */
export function carnetBody(
  carne: CarneRequest,
  parcels: readonly CarneParcel[],
  notificationUrl?: string,
): EfiCarnetRequest {
  const first = parcels[0]!;
  const config = configurations(carne);
  return {
    items: [{ name: first.description ?? carne.description, value: first.amountCents, amount: 1 }],
    customer: efiCustomer(carne.payer),
    expire_at: first.dueDate,
    repeats: parcels.length,
    split_items: false,
    ...(config ? { configurations: config } : {}),
    ...(carne.message ? { message: carne.message } : {}),
    metadata: metadata(carne.customId, notificationUrl),
  };
}

/** Efí's `barcode` is the linha digitável as printed; the 44-digit barcode follows from it. */
function boletoNumbers(formattedLine: string): { line?: string; barcode?: string } {
  const line = formattedLine.replace(/\D/g, '');
  return line.length === 47 ? { line, barcode: bankBarcodeFromLine(line) } : {};
}

/**
 * A registered charge. Efí prints the PIX QR on every boleto of an account with a PIX key (Bolix), so the PIX
 * payload is reported whenever Efí returned one, whatever kind was asked.
 */
function registered(
  customId: string,
  chargeId: number,
  status: EfiChargeStatus,
  billet: { barcode: string; pix?: { qrcode: string } | undefined; pdf?: { charge: string } | undefined },
  carneId?: number,
): RegisteredCharge {
  return {
    customId,
    chargeId: String(chargeId),
    status: chargeStatus(status),
    // Efí identifies a charge by its charge_id; it is what its panel and notifications call the título.
    nossoNumero: String(chargeId),
    ...boletoNumbers(billet.barcode),
    ...(billet.pix ? { pixCopyPaste: billet.pix.qrcode } : {}),
    ...(billet.pdf ? { pdfUrl: billet.pdf.charge } : {}),
    ...(carneId !== undefined ? { carneId: String(carneId) } : {}),
  };
}

export function fromOneStep(charge: ChargeRequest, data: EfiOneStepData): RegisteredCharge {
  return registered(charge.customId, data.charge_id, data.status, data);
}

/** The carnê's charges, matched to our parcelas by their order ("1/n", "2/n"…). */
export function fromCarnet(
  carne: CarneRequest,
  parcels: readonly CarneParcel[],
  data: EfiCarnetData,
): RegisteredCharge[] {
  const byParcel = new Map(data.charges.map((c) => [Number(c.parcel.split('/')[0]), c]));
  return parcels.map((parcel, index) => {
    const charge = byParcel.get(index + 1);
    if (!charge) throw new Error(`a Efí não devolveu a parcela ${index + 1} do carnê ${data.carnet_id}`);
    return registered(parcel.customId, charge.charge_id, charge.status, charge, data.carnet_id);
  });
}

export function fromListed(customId: string, listed: EfiListedCharge): RegisteredCharge {
  const payment = listed.payment;
  const billet =
    payment?.payment_method === 'banking_billet'
      ? payment.banking_billet
      : payment?.payment_method === 'carnet'
        ? payment.carnet
        : { barcode: '' };
  const carneId = payment?.payment_method === 'carnet' ? payment.carnet.carnet_id : undefined;
  return registered(customId, listed.id, listed.status, billet, carneId);
}

function describeStatus(status: string): string {
  return findReturnCommand(efiReturnCommands, status)?.description ?? `Status ${status} da Efí`;
}

/** Efí writes local São Paulo time without offset ("2026-11-23 10:15:00"); Brazil keeps UTC−3 all year. */
export function efiInstant(text: string): string {
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(text)) return new Date(text).toISOString();
  const iso = text.includes('T') ? text : text.replace(' ', 'T');
  return new Date(`${iso.length === 10 ? `${iso}T00:00:00` : iso}-03:00`).toISOString();
}

/** Entries about charges (boletos and carnê parcelas); entries about the carnê as a whole carry no money. */
export function eventsFromNotification(entries: readonly EfiNotificationEntry[]): PlatformEvent[] {
  return [...entries]
    .filter((entry) => entry.identifiers.charge_id !== undefined)
    .sort((a, b) => a.id - b.id)
    .map((entry) => ({
      eventId: String(entry.id),
      chargeId: String(entry.identifiers.charge_id),
      ...(entry.custom_id ? { customId: entry.custom_id } : {}),
      occurrence: { code: entry.status.current, description: describeStatus(entry.status.current) },
      occurredAt: efiInstant(entry.created_at),
      ...(entry.received_by_bank_at ? { paidOn: entry.received_by_bank_at } : {}),
      amounts: entry.value !== undefined && entry.status.current === 'paid' ? { paidCents: entry.value } : {},
      raw: entry,
    }));
}

/**
 * A polled status: one event per status reached, so polling twice yields the same event id. The charge detail
 * carries no paid amount; settlement takes amounts from the notification entries.
 */
export function eventFromDetail(detail: EfiChargeDetail): PlatformEvent {
  const last = detail.history[detail.history.length - 1];
  return {
    eventId: `status:${detail.charge_id}:${detail.status}`,
    chargeId: String(detail.charge_id),
    ...(detail.custom_id ? { customId: detail.custom_id } : {}),
    occurrence: { code: detail.status, description: describeStatus(detail.status) },
    occurredAt: efiInstant(last?.created_at ?? detail.created_at),
    amounts: {},
    raw: detail,
  };
}
