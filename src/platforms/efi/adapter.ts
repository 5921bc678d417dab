/**
 * Efí (ex-Gerencianet) through its API Cobranças: boletos and boletos híbridos (Bolix: the PIX QR comes with the
 * boleto when the Efí account has a PIX key), carnês under Efí's rules (carne-plan.ts), due-date change, cancel,
 * manual settle, resend by e-mail, notifications fetched by token and status queries.
 */
import { z } from 'zod';
import {
  capabilities,
  PlatformError,
  type AdapterRuntime,
  type CarneRequest,
  type ChargeRequest,
  type PlatformAdapter,
  type PlatformDefinition,
  type RegisteredCharge,
} from '../adapter.js';
import { addDays, formatDateBR, todayInSaoPaulo } from '../../domain/dates.js';
import { planCarne } from './carne-plan.js';
import { efiReturnCommands } from './return-commands.js';
import { EfiClient } from './client.js';
import {
  carnetBody,
  eventFromDetail,
  eventsFromNotification,
  fromCarnet,
  fromListed,
  fromOneStep,
  oneStepBody,
  parcelCharge,
} from './mapping.js';
import {
  carnetResponse,
  chargeDetailResponse,
  codeResponse,
  efiHosts,
  listChargesResponse,
  notificationPost,
  notificationResponse,
  oneStepResponse,
} from './wire.js';

export const efiOptionsSchema = z.object({
  clientId: z.string().trim().min(1, 'informe o Client ID da aplicação Efí'),
  clientSecret: z.string().trim().min(1, 'informe o Client Secret da aplicação Efí'),
});
export type EfiOptions = z.infer<typeof efiOptionsSchema>;

const DEFAULT_TIMEOUT_MS = 15_000;
/** How far back findByCustomId looks: GET /v1/charges needs a creation-date window. */
const LOOKUP_WINDOW_DAYS = 400;

/** The token of a webhook body: `notification=<token>` as text, form fields, or an already parsed object. */
export function notificationToken(body: unknown): string {
  const fields =
    typeof body === 'string' || Buffer.isBuffer(body)
      ? Object.fromEntries(new URLSearchParams(body.toString()))
      : body instanceof URLSearchParams
        ? Object.fromEntries(body)
        : body;
  const parsed = notificationPost.safeParse(fields);
  if (!parsed.success)
    throw new PlatformError('validation', 'Notificação da Efí sem o campo "notification" (token).', {
      property: 'notification',
    });
  return parsed.data.notification;
}

class EfiAdapter implements PlatformAdapter {
  readonly platform = 'efi' as const;
  readonly capabilities = efiDefinition.capabilities;
  private readonly client: EfiClient;

  constructor(
    options: EfiOptions,
    private readonly runtime: AdapterRuntime,
  ) {
    this.client = new EfiClient({
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      baseUrl: runtime.baseUrl ?? efiHosts[runtime.environment],
      timeoutMs: runtime.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(runtime.onExchange ? { onExchange: runtime.onExchange } : {}),
    });
  }

  async testConnection() {
    const where = this.runtime.environment === 'sandbox' ? 'homologação' : 'produção';
    try {
      await this.client.authorize();
      return { ok: true, message: `Autenticado na Efí (${where}).` };
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      return { ok: false, message: error.message };
    }
  }

  async register(charge: ChargeRequest): Promise<RegisteredCharge> {
    const body = oneStepBody(charge, this.runtime.notificationUrl);
    const answer = await this.client.call(
      'registrar boleto',
      'POST',
      '/v1/charge/one-step',
      oneStepResponse,
      body,
    );
    return fromOneStep(charge, answer.data);
  }

  async registerCarne(
    carne: CarneRequest,
    options: { lookUpFirst?: boolean } = {},
  ): Promise<RegisteredCharge[]> {
    const plan = planCarne(carne);
    const byCustomId = new Map<string, RegisteredCharge>();
    for (const parcel of plan.boletos) {
      const charge = parcelCharge(carne, parcel);
      const found = options.lookUpFirst ? await this.findByCustomId(parcel.customId) : null;
      byCustomId.set(parcel.customId, found ?? (await this.register(charge)));
    }
    if (plan.carne.length > 0) {
      const found = options.lookUpFirst ? await this.findCarne(carne, plan.carne) : null;
      const charges = found ?? (await this.createCarnet(carne, plan.carne));
      for (const charge of charges) byCustomId.set(charge.customId, charge);
    }
    return carne.parcels.map((parcel) => byCustomId.get(parcel.customId)!);
  }

  private async createCarnet(
    carne: CarneRequest,
    parcels: CarneRequest['parcels'],
  ): Promise<RegisteredCharge[]> {
    const body = carnetBody(carne, parcels, this.runtime.notificationUrl);
    const answer = await this.client.call('registrar carnê', 'POST', '/v1/carnet', carnetResponse, body);
    return fromCarnet(carne, parcels, answer.data);
  }

  private async listByCustomId(chargeType: 'billet' | 'carnet', customId: string) {
    const today = todayInSaoPaulo();
    const query = new URLSearchParams({
      charge_type: chargeType,
      begin_date: addDays(today, -LOOKUP_WINDOW_DAYS),
      end_date: addDays(today, 1),
      custom_id: customId,
    });
    const answer = await this.client.call(
      'consultar por custom_id',
      'GET',
      `/v1/charges?${query.toString()}`,
      listChargesResponse,
    );
    return answer.data.filter((charge) => charge.custom_id === customId && charge.status !== 'canceled');
  }

  async findByCustomId(customId: string): Promise<RegisteredCharge | null> {
    const [found] = await this.listByCustomId('billet', customId);
    return found ? fromListed(customId, found) : null;
  }

  /** The carnê's parcelas under the group's custom id, when all of them are there. */
  private async findCarne(
    carne: CarneRequest,
    parcels: CarneRequest['parcels'],
  ): Promise<RegisteredCharge[] | null> {
    const listed = await this.listByCustomId('carnet', carne.customId);
    const byParcel = new Map(
      listed.flatMap((charge) =>
        charge.payment?.payment_method === 'carnet' ? [[charge.payment.carnet.parcel, charge] as const] : [],
      ),
    );
    if (byParcel.size === 0) return null;
    return parcels.map((parcel, index) => {
      const charge = byParcel.get(index + 1);
      if (!charge)
        throw new PlatformError(
          'validation',
          `O carnê ${carne.customId} existe na Efí sem a parcela ${index + 1}; confira no painel da Efí.`,
        );
      return fromListed(parcel.customId, charge);
    });
  }

  async changeDueDate(chargeId: string, dueDate: string, today: string): Promise<void> {
    if (dueDate <= today)
      throw new PlatformError(
        'validation',
        `Vencimento ${formatDateBR(dueDate)} recusado: a Efí só aceita nova data de vencimento posterior a hoje (${formatDateBR(today)}).`,
        { property: 'dueDate' },
      );
    await this.client.call('alterar vencimento', 'PUT', `/v1/charge/${chargeId}/billet`, codeResponse, {
      expire_at: dueDate,
    });
  }

  async cancel(chargeId: string): Promise<void> {
    await this.client.call('cancelar', 'PUT', `/v1/charge/${chargeId}/cancel`, codeResponse);
  }

  async settleManually(chargeId: string): Promise<void> {
    await this.client.call(
      'baixa manual (marcar como pago)',
      'PUT',
      `/v1/charge/${chargeId}/settle`,
      codeResponse,
    );
  }

  async resendEmail(chargeId: string, email: string): Promise<void> {
    await this.client.call(
      'reenviar por e-mail',
      'POST',
      `/v1/charge/${chargeId}/billet/resend`,
      codeResponse,
      {
        email,
      },
    );
  }

  async fetchNotification(body: unknown) {
    const token = notificationToken(body);
    const answer = await this.client.call(
      'consultar notificação',
      'GET',
      `/v1/notification/${encodeURIComponent(token)}`,
      notificationResponse,
    );
    return eventsFromNotification(answer.data);
  }

  async queryStatus(chargeId: string) {
    const answer = await this.client.call(
      'consultar cobrança',
      'GET',
      `/v1/charge/${chargeId}`,
      chargeDetailResponse,
    );
    return [eventFromDetail(answer.data)];
  }
}

export const efiDefinition: PlatformDefinition<EfiOptions> = {
  platform: 'efi',
  label: 'Efí (ex-Gerencianet)',
  capabilities: capabilities([
    'registerBoleto',
    'hybridBoleto',
    'carne',
    'changeDueDate',
    'cancel',
    'settleManually',
    'resendEmail',
    'webhooks',
    'statusQuery',
  ]),
  optionsSchema: efiOptionsSchema,
  secretOptions: ['clientSecret'] satisfies (keyof EfiOptions)[],
  returnCommands: efiReturnCommands,
  create: (options, runtime) => new EfiAdapter(efiOptionsSchema.parse(options), runtime),
};
