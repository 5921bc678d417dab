/**
 * The Efí emulator's state and rules, apart from HTTP: charges and carnês with Efí's statuses, validation errors in
 * Efí's format, notification histories under one token per charge, and the e-mails Efí would send. Rules follow
 * the official SDK types and dev.efipay.com.br: cancel only from new/waiting/unpaid/link, settle only from
 * waiting/unpaid, a new due date only for an unpaid boleto, carnê repeats 1–24.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { assembleBankBarcode, bankLineFromBarcode, formatBankLine } from '../../../domain/boleto/barcode.js';
import { dueDateFactor } from '../../../domain/boleto/due-date-factor.js';
import { addMonths } from '../../../domain/dates.js';
import { parseDocument } from '../../../domain/documents/index.js';
import { makeDynamicPix } from '../../../domain/pix/index.js';
import type {
  EfiCarnetRequest,
  EfiChargeStatus,
  EfiCustomer,
  EfiErrorBody,
  EfiNotificationEntry,
  EfiOneStepRequest,
} from '../wire.js';

/** Efí S.A.'s bank code in the boleto barcode. */
const EFI_BANK = '364';
const MIN_CHARGE_CENTS = 500;
const VALIDATION_CODE = 3500034;
/** Emulator-only code for a request refused because of the charge's current status. */
const STATUS_CODE = 3500010;

export class EfiEmulatorError extends Error {
  constructor(
    readonly status: number,
    readonly body: EfiErrorBody,
  ) {
    super(typeof body.error_description === 'string' ? body.error_description : body.error);
  }
}

export function validationError(property: string, message: string): EfiEmulatorError {
  return new EfiEmulatorError(400, {
    code: VALIDATION_CODE,
    error: 'validation_error',
    error_description: { property, message },
  });
}

function statusError(message: string): EfiEmulatorError {
  return new EfiEmulatorError(400, {
    code: STATUS_CODE,
    error: 'invalid_status',
    error_description: message,
  });
}

export function notFound(what: string): EfiEmulatorError {
  return new EfiEmulatorError(404, {
    code: 404,
    error: 'not_found',
    error_description: `${what} não encontrada`,
  });
}

/** A zod failure in Efí's format: the JSON path of the first issue and its message. */
export function fromZodError(error: z.ZodError): EfiEmulatorError {
  const issue = error.issues[0]!;
  return validationError(`/${issue.path.join('/')}`, issue.message);
}

export interface EmulatedCharge {
  id: number;
  customId: string | null;
  notificationUrl: string | null;
  notificationToken: string;
  status: EfiChargeStatus;
  totalCents: number;
  itemName: string;
  customer: EfiCustomer;
  expireAt: string;
  createdAt: string;
  line: string;
  pix: { qrcode: string; qrcode_image: string } | undefined;
  carnet: { id: number; parcel: number; repeats: number } | undefined;
  paid: { cents: number; on: string } | undefined;
  /** Status changes as GET /v1/notification/:token answers them. */
  history: EfiNotificationEntry[];
  messages: { message: string; created_at: string }[];
}

export interface EmulatedCarnet {
  id: number;
  customId: string | null;
  chargeIds: number[];
}

export interface SentEmail {
  to: string;
  chargeIds: number[];
  kind: 'boleto' | 'carnê' | 'reenvio';
}

export interface EfiEmulatorClock {
  /** "Today" in São Paulo. */
  today(): string;
  /** "YYYY-MM-DD HH:MM:SS", São Paulo local time, as Efí writes it. */
  timestamp(): string;
}

/** Efí's phone rule: DDD (two digits, no zero) and 8 or 9 digits. */
const PHONE = /^[1-9]{2}9?\d{8}$/;

export class EfiEmulatorState {
  readonly charges = new Map<number, EmulatedCharge>();
  readonly carnets = new Map<number, EmulatedCarnet>();
  readonly emails: SentEmail[] = [];
  private readonly byToken = new Map<string, EmulatedCharge>();
  private nextChargeId = 1000;
  private nextCarnetId = 500;
  private nextHistoryId = 1;

  constructor(
    private readonly clock: EfiEmulatorClock,
    private readonly pixKey: string | undefined,
    private readonly requirePhone: boolean,
  ) {}

  private checkCustomer(customer: EfiCustomer, at: string): void {
    if (customer.juridical_person) {
      const cnpj = parseDocument(customer.juridical_person.cnpj);
      if (!cnpj.valid || cnpj.kind !== 'cnpj')
        throw validationError(`${at}/juridical_person/cnpj`, 'CNPJ inválido.');
    } else {
      if (!customer.name) throw validationError(`${at}/name`, 'O nome do cliente é obrigatório.');
      const cpf = parseDocument(customer.cpf ?? '');
      if (!cpf.valid || cpf.kind !== 'cpf')
        throw validationError(`${at}/cpf`, 'CPF inválido ou não informado.');
    }
    if (customer.phone_number === undefined) {
      if (this.requirePhone)
        throw validationError(`${at}/phone_number`, 'O telefone do cliente (phone_number) é obrigatório.');
    } else if (!PHONE.test(customer.phone_number))
      throw validationError(`${at}/phone_number`, 'Telefone inválido: informe DDD e número, só dígitos.');
    if (customer.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(customer.email))
      throw validationError(`${at}/email`, 'E-mail do cliente inválido.');
  }

  private checkDueDate(date: string, property: string): void {
    if (date < this.clock.today())
      throw validationError(property, 'A data de vencimento não pode ser anterior à data atual.');
  }

  private newCharge(input: {
    customId: string | null;
    notificationUrl: string | null;
    totalCents: number;
    itemName: string;
    customer: EfiCustomer;
    expireAt: string;
    carnet?: EmulatedCharge['carnet'];
  }): EmulatedCharge {
    const id = this.nextChargeId++;
    const campoLivre = String(id).padStart(25, '0');
    const barcode = assembleBankBarcode(
      EFI_BANK,
      '9',
      String(dueDateFactor(input.expireAt)).padStart(4, '0'),
      String(input.totalCents).padStart(10, '0'),
      campoLivre,
    );
    const charge: EmulatedCharge = {
      id,
      ...input,
      carnet: input.carnet,
      notificationToken: randomUUID(),
      status: 'new',
      createdAt: this.clock.timestamp(),
      line: formatBankLine(bankLineFromBarcode(barcode)),
      pix: this.pixKey
        ? {
            qrcode: makeDynamicPix({
              url: `pix.emulador-efi.local/v2/cobv/${id}`,
              amountCents: input.totalCents,
              merchantName: 'EFI EMULADOR',
              merchantCity: 'OURO PRETO',
            }),
            qrcode_image: `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><text>${id}</text></svg>`).toString('base64')}`,
          }
        : undefined,
      paid: undefined,
      history: [],
      messages: [],
    };
    this.charges.set(id, charge);
    this.byToken.set(charge.notificationToken, charge);
    this.changeStatus(charge, 'new');
    this.changeStatus(charge, 'waiting');
    return charge;
  }

  /** Appends a status change to the charge's history; the caller posts the token to its notification URL. */
  changeStatus(
    charge: EmulatedCharge,
    status: EfiChargeStatus,
    extra: Partial<EfiNotificationEntry> = {},
  ): void {
    const previous = charge.history.length > 0 ? charge.status : null;
    charge.status = status;
    const createdAt = this.clock.timestamp();
    charge.messages.push({ message: `Status alterado para ${status}`, created_at: createdAt });
    charge.history.push({
      id: this.nextHistoryId++,
      type: charge.carnet ? 'carnet_charge' : 'charge',
      custom_id: charge.customId,
      status: { current: status, previous },
      identifiers: charge.carnet
        ? { charge_id: charge.id, carnet_id: charge.carnet.id }
        : { charge_id: charge.id },
      created_at: createdAt,
      ...extra,
    });
  }

  oneStep(request: EfiOneStepRequest): EmulatedCharge {
    const billet = request.payment.banking_billet;
    this.checkCustomer(billet.customer, '/payment/banking_billet/customer');
    this.checkDueDate(billet.expire_at, '/payment/banking_billet/expire_at');
    const totalCents = request.items.reduce((sum, item) => sum + item.value * item.amount, 0);
    if (totalCents < MIN_CHARGE_CENTS)
      throw validationError(
        '/items',
        `O valor mínimo de um boleto é R$ 5,00 (recebido ${totalCents} centavos).`,
      );
    const charge = this.newCharge({
      customId: request.metadata?.custom_id ?? null,
      notificationUrl: request.metadata?.notification_url ?? null,
      totalCents,
      itemName: request.items[0]!.name,
      customer: billet.customer,
      expireAt: billet.expire_at,
    });
    if (billet.customer.email)
      this.emails.push({ to: billet.customer.email, chargeIds: [charge.id], kind: 'boleto' });
    return charge;
  }

  carnet(request: EfiCarnetRequest): { carnet: EmulatedCarnet; charges: EmulatedCharge[] } {
    this.checkCustomer(request.customer, '/customer');
    this.checkDueDate(request.expire_at, '/expire_at');
    if (request.repeats < 1 || request.repeats > 24)
      throw validationError('/repeats', 'O número de parcelas (repeats) deve estar entre 1 e 24.');
    const itemsCents = request.items.reduce((sum, item) => sum + item.value * item.amount, 0);
    // split_items divides the items among the parcelas (the remainder on the first); otherwise each repeats them.
    const base = request.split_items ? Math.floor(itemsCents / request.repeats) : itemsCents;
    const remainder = request.split_items ? itemsCents - base * request.repeats : 0;
    if (base < MIN_CHARGE_CENTS)
      throw validationError('/items', `O valor mínimo de uma parcela é R$ 5,00 (recebido ${base} centavos).`);
    const carnet: EmulatedCarnet = {
      id: this.nextCarnetId++,
      customId: request.metadata?.custom_id ?? null,
      chargeIds: [],
    };
    const charges = Array.from({ length: request.repeats }, (_, index) =>
      this.newCharge({
        customId: carnet.customId,
        notificationUrl: request.metadata?.notification_url ?? null,
        totalCents: base + (index === 0 ? remainder : 0),
        itemName: request.items[0]!.name,
        customer: request.customer,
        expireAt: addMonths(request.expire_at, index),
        carnet: { id: carnet.id, parcel: index + 1, repeats: request.repeats },
      }),
    );
    carnet.chargeIds = charges.map((c) => c.id);
    this.carnets.set(carnet.id, carnet);
    if (request.customer.email)
      this.emails.push({ to: request.customer.email, chargeIds: carnet.chargeIds, kind: 'carnê' });
    return { carnet, charges };
  }

  charge(id: string | number): EmulatedCharge {
    const charge = this.charges.get(Number(id));
    if (!charge) throw notFound(`Cobrança ${id}`);
    return charge;
  }

  updateBillet(id: string, expireAt: string): EmulatedCharge {
    const charge = this.charge(id);
    if (charge.carnet)
      throw statusError('Parcela de carnê: altere o vencimento pelo carnê (/v1/carnet/:id/parcel/:parcel).');
    if (!['waiting', 'unpaid'].includes(charge.status))
      throw statusError(
        `O vencimento só pode ser alterado em boleto não pago (status atual: ${charge.status}).`,
      );
    this.checkDueDate(expireAt, '/expire_at');
    charge.expireAt = expireAt;
    charge.messages.push({
      message: `Vencimento alterado para ${expireAt}`,
      created_at: this.clock.timestamp(),
    });
    if (charge.status === 'unpaid') this.changeStatus(charge, 'waiting');
    return charge;
  }

  cancel(id: string): EmulatedCharge {
    const charge = this.charge(id);
    if (!['new', 'waiting', 'unpaid', 'link'].includes(charge.status))
      throw statusError(`A cobrança não pode ser cancelada (status atual: ${charge.status}).`);
    this.changeStatus(charge, 'canceled');
    return charge;
  }

  settle(id: string): EmulatedCharge {
    const charge = this.charge(id);
    if (!['waiting', 'unpaid'].includes(charge.status))
      throw statusError(`A cobrança não pode ser marcada como paga (status atual: ${charge.status}).`);
    this.changeStatus(charge, 'settled');
    return charge;
  }

  resend(id: string, email: string): void {
    const charge = this.charge(id);
    if (['canceled', 'paid', 'settled'].includes(charge.status))
      throw statusError(`Não é possível reenviar o boleto (status atual: ${charge.status}).`);
    this.emails.push({ to: email, chargeIds: [charge.id], kind: 'reenvio' });
  }

  /** A payment at the bank (control route): Efí's entry carries the paid value and the bank's date. */
  pay(id: string, paidCents?: number): EmulatedCharge {
    const charge = this.charge(id);
    if (!['waiting', 'unpaid'].includes(charge.status))
      throw statusError(`A cobrança não pode ser paga (status atual: ${charge.status}).`);
    const cents = paidCents ?? charge.totalCents;
    charge.paid = { cents, on: this.clock.today() };
    this.changeStatus(charge, 'paid', { value: cents, received_by_bank_at: charge.paid.on });
    return charge;
  }

  /** The due date passed without payment (control route). */
  expire(id: string): EmulatedCharge {
    const charge = this.charge(id);
    if (charge.status !== 'waiting')
      throw statusError(`Só um boleto aguardando pagamento vence (status: ${charge.status}).`);
    this.changeStatus(charge, 'unpaid');
    return charge;
  }

  notification(token: string): EfiNotificationEntry[] {
    const charge = this.byToken.get(token);
    if (!charge) throw notFound(`Notificação ${token}`);
    return charge.history;
  }

  chargeOfToken(token: string): EmulatedCharge | undefined {
    return this.byToken.get(token);
  }
}
