/**
 * The integration editor's state and its translation to the API's IntegrationInput (pure, shared by the editor and
 * the setup wizard). Secrets are only what the user typed now: an empty secret keeps the stored one.
 */
import { formatBRL, MoneyError, parseReais } from '../../../domain/money.js';
import type { Company, Integration, IntegrationInput, PortadorOption } from '../../contracts.js';

export interface IntegrationForm {
  companyId: string;
  portadorId: string;
  chargeType: 'boleto' | 'hybrid';
  environment: 'sandbox' | 'production';
  endpointUrl: string;
  realtime: boolean;
  referenceDate: string;
  active: boolean;
  options: Record<string, string>;
  secrets: Record<string, string>;
  /** Tarifa por pagamento as typed, in reais ("1,99"). */
  fee: string;
  receiptHistoryCode: string;
  entriesHistoryCode: string;
  feesHistoryCode: string;
}

export const CHARGE_TYPE_LABELS = { boleto: 'Boleto', hybrid: 'Boleto Híbrido' } as const;
export const ENVIRONMENT_LABELS = { sandbox: 'Homologação', production: 'Produção' } as const;

const OPTION_LABELS: Record<string, string> = {
  clientId: 'Client ID',
  clientSecret: 'Client Secret',
  environment: 'Ambiente da plataforma',
  platformUrl: 'URL da plataforma',
  registryEndpoint: 'Endpoint do registry',
  usageMode: 'Tipo de uso',
};

export function optionLabel(name: string): string {
  return OPTION_LABELS[name] ?? name;
}

/** Centavos from "1,99" (the domain's parser); null when the text is not an amount of reais. */
function feeCentsOf(text: string): number | null {
  if (text.trim() === '') return 0;
  try {
    const cents = parseReais(text, 'tarifa');
    return cents < 0 ? null : cents;
  } catch (error) {
    if (error instanceof MoneyError) return null;
    throw error;
  }
}

export function emptyForm(companyId: string, today: string): IntegrationForm {
  return {
    companyId,
    portadorId: '',
    chargeType: 'boleto',
    environment: 'sandbox',
    endpointUrl: '',
    realtime: false,
    referenceDate: today,
    active: true,
    options: {},
    secrets: {},
    fee: '0,00',
    receiptHistoryCode: '',
    entriesHistoryCode: '',
    feesHistoryCode: '',
  };
}

export function formOf(integration: Integration): IntegrationForm {
  return {
    companyId: integration.companyId,
    portadorId: integration.portadorId,
    chargeType: integration.chargeType,
    environment: integration.environment,
    endpointUrl: integration.endpointUrl ?? '',
    realtime: integration.realtime,
    referenceDate: integration.referenceDate,
    active: integration.active,
    options: Object.fromEntries(Object.entries(integration.options).map(([k, v]) => [k, String(v)])),
    secrets: {},
    fee: formatBRL(integration.feeCents).replace(/^R\$\s*/, ''),
    receiptHistoryCode: integration.receiptHistoryCode ?? '',
    entriesHistoryCode: integration.entriesHistoryCode ?? '',
    feesHistoryCode: integration.feesHistoryCode ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const filled = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''));

/** The body to send, or the field errors found before sending (an amount that is not one). */
export function toInput(
  form: IntegrationForm,
  platform: string,
): { input: IntegrationInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!form.portadorId) errors.portadorId = 'escolha o portador';
  if (!form.referenceDate) errors.referenceDate = 'informe a data de referência (dd/mm/aaaa)';
  const feeCents = feeCentsOf(form.fee);
  if (feeCents === null) errors.feeCents = 'tarifa: informe um valor em reais, como 1,99';
  if (feeCents === null || Object.keys(errors).length > 0) return { errors };
  const secrets = filled(form.secrets);
  return {
    input: {
      companyId: form.companyId,
      portadorId: form.portadorId,
      platform: platform as IntegrationInput['platform'],
      chargeType: form.chargeType,
      environment: form.environment,
      endpointUrl: orNull(form.endpointUrl),
      realtime: form.realtime,
      referenceDate: form.referenceDate,
      active: form.active,
      options: filled(form.options),
      ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
      feeCents,
      receiptHistoryCode: orNull(form.receiptHistoryCode),
      entriesHistoryCode: orNull(form.entriesHistoryCode),
      feesHistoryCode: orNull(form.feesHistoryCode),
    },
  };
}

/** The API's `error.fields` by path ("secrets.clientSecret"), the first message of each. */
export function errorsByPath(fields: readonly { path: string; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) errors[field.path] ??= field.message;
  return errors;
}

/** Efí takes carteira portadores (no bank account); banks and the credit platform take bank portadores. */
export function portadoresFor(platform: string, portadores: PortadorOption[], companyId: string) {
  const serves = (p: PortadorOption) =>
    platform === 'efi' ? p.bankCode === null : platform === 'cnab' ? p.bankCode !== null : true;
  return portadores.filter((p) => p.companyId === companyId && serves(p));
}

/** Companies where a new integration may live: the chosen one, or each child of a consolidated one. */
export function editableCompanies(company: Company, companies: Company[]): Company[] {
  if (company.kind !== 'consolidated') return [company];
  return companies.filter((c) => c.parentCompanyId === company.id || c.id === company.id);
}
