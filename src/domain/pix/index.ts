/**
 * PIX BR Code (EMV® QRCPS "Merchant-Presented Mode" as profiled by the Banco Central do Brasil).
 *
 * Sources: BCB "Manual de Padrões para Iniciação do Pix" (Anexo I / section "QR Code"), and the
 * "Manual do BR Code". Each field is TLV: 2-digit id, 2-digit length, value. The Pix profile:
 *   00 payload format indicator "01" (first) · 01 point of initiation "11" static / "12" dynamic (optional)
 *   26 merchant account information, Pix template: 00 GUI "br.gov.bcb.pix", 01 chave, 02 infoAdicional,
 *      25 URL of the dynamic payload (without "https://"); the whole value at most 99 characters
 *   52 MCC "0000" · 53 currency "986" · 54 amount (optional, "." decimal, up to 13 chars) · 58 country "BR"
 *   59 merchant name (≤ 25) · 60 merchant city (≤ 15) · 61 postal code (optional)
 *   62 additional data: 05 txid ("***" or [A-Za-z0-9]{1,25})
 *   63 CRC16-CCITT (poly 0x1021, init 0xFFFF) over everything up to and including "6304", 4 upper-case hex (last)
 *   80–99 unreserved templates (e.g. Pix Automático in 80) are accepted and kept.
 */
import { centsToDecimalString, parseReais } from '../money.js';
import { parseDocument } from '../documents/index.js';

export const PIX_GUI = 'br.gov.bcb.pix';

/** Human names (pt-BR) of the tags, used in every error message so the user knows which field is wrong. */
export const TAG_NAMES: Readonly<Record<string, string>> = {
  '00': 'indicador de formato do payload',
  '01': 'método de iniciação',
  '26': 'informações da conta Pix',
  '26-00': 'GUI do arranjo',
  '26-01': 'chave Pix',
  '26-02': 'informação adicional',
  '26-25': 'URL do payload dinâmico',
  '52': 'categoria do estabelecimento (MCC)',
  '53': 'moeda',
  '54': 'valor',
  '58': 'país',
  '59': 'nome do recebedor',
  '60': 'cidade do recebedor',
  '61': 'CEP',
  '62': 'dados adicionais',
  '62-05': 'txid',
  '63': 'CRC',
};

export class PixError extends Error {
  override name = 'PixError';
}

function tagLabel(tag: string): string {
  const name = TAG_NAMES[tag];
  return name ? `tag ${tag} (${name})` : `tag ${tag}`;
}

function tagError(tag: string, message: string): string {
  return `${tagLabel(tag)}: ${message}`;
}

/** CRC16-CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no xor-out) as 4 upper-case hex digits. */
export function crc16Ccitt(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** Removes accents and anything outside printable ASCII, collapses spaces: "São Paulo" → "Sao Paulo". */
export function toPixText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new PixError(tagError(id, `valor com ${value.length} caracteres, máximo 99`));
  return `${id}${value.length.toString().padStart(2, '0')}${value}`;
}

export type PixKeyType = 'cpf' | 'cnpj' | 'email' | 'phone' | 'evp';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9]\d{1,14}$/;
const EVP = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The kind of a Pix key as the DICT stores it: CPF (11 digits) and CNPJ (14 characters, alphanumeric allowed)
 * without punctuation and with valid check digits, e-mail (≤ 77), phone "+55…" (E.164), random key (EVP, UUID).
 * Returns an error message (without the tag prefix) when the key fits none.
 */
export function classifyPixKey(key: string): { type: PixKeyType } | { error: string } {
  if (key.length === 0) return { error: 'chave vazia' };
  if (key.length > 77) return { error: `chave com ${key.length} caracteres, máximo 77` };
  if (/^\d{11}$/.test(key)) {
    const doc = parseDocument(key);
    return doc.valid ? { type: 'cpf' } : { error: `chave CPF inválida (${doc.error})` };
  }
  if (/^[0-9A-Z]{12}\d{2}$/.test(key)) {
    const doc = parseDocument(key);
    return doc.valid ? { type: 'cnpj' } : { error: `chave CNPJ inválida (${doc.error})` };
  }
  if (PHONE.test(key)) return { type: 'phone' };
  if (EVP.test(key)) return { type: 'evp' };
  if (EMAIL.test(key)) return { type: 'email' };
  return {
    error:
      'chave não é CPF nem CNPJ (só dígitos/letras, sem pontuação), e-mail, telefone (+55DDDNÚMERO) ou chave aleatória (UUID)',
  };
}

/**
 * Normalizes a key as people type it: CPF/CNPJ with punctuation → digits (upper case), phone without "+"
 * but with 55 → "+55…", e-mail lower-cased, EVP lower-cased.
 */
export function normalizePixKey(key: string): string {
  const trimmed = key.trim();
  if (
    /^[\d.\-/]+$/.test(trimmed) ||
    /^[0-9A-Za-z]{2}\.[0-9A-Za-z]{3}\.[0-9A-Za-z]{3}\/[0-9A-Za-z]{4}-\d{2}$/.test(trimmed)
  ) {
    const digits = trimmed.replace(/[.\-/]/g, '').toUpperCase();
    if (digits.length === 11 || digits.length === 14) return digits;
  }
  // An alphanumeric CNPJ typed in lower case without punctuation ("12abc34501de35").
  if (/^[0-9A-Za-z]{12}\d{2}$/.test(trimmed) && parseDocument(trimmed).valid) return trimmed.toUpperCase();
  if (/^\+[\d\s()-]+$/.test(trimmed)) return '+' + trimmed.replace(/\D/g, '');
  if (EVP.test(trimmed) || EMAIL.test(trimmed)) return trimmed.toLowerCase();
  return trimmed;
}

export interface StaticPixInput {
  key: string;
  /** Centavos; omitted means the payer types the amount. */
  amountCents?: number;
  merchantName: string;
  merchantCity: string;
  /** [A-Za-z0-9]{1,25} or "***" (default). */
  txid?: string;
  /** Tag 26-02 ("infoAdicional"), shown to the payer. */
  description?: string;
  postalCode?: string;
}

export interface DynamicPixInput {
  /** Location of the charge payload (tag 26-25), with or without "https://" (it is stored without). */
  url: string;
  amountCents?: number;
  merchantName: string;
  merchantCity: string;
  postalCode?: string;
}

function merchantFields(name: string, city: string, errors: string[]): { name: string; city: string } {
  const cleanName = toPixText(name);
  const cleanCity = toPixText(city);
  if (cleanName.length === 0) errors.push(tagError('59', 'obrigatório'));
  if (cleanName.length > 25)
    errors.push(tagError('59', `"${cleanName}" tem ${cleanName.length} caracteres, máximo 25`));
  if (cleanCity.length === 0) errors.push(tagError('60', 'obrigatório'));
  if (cleanCity.length > 15)
    errors.push(tagError('60', `"${cleanCity}" tem ${cleanCity.length} caracteres, máximo 15`));
  return { name: cleanName, city: cleanCity };
}

function amountField(amountCents: number | undefined, errors: string[]): string {
  if (amountCents === undefined) return '';
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    errors.push(tagError('54', `valor deve ser positivo em centavos inteiros (recebido ${amountCents})`));
    return '';
  }
  const text = centsToDecimalString(amountCents);
  if (text.length > 13) {
    errors.push(tagError('54', `valor ${text} tem mais de 13 caracteres`));
    return '';
  }
  return tlv('54', text);
}

function postalField(postalCode: string | undefined, errors: string[]): string {
  if (postalCode === undefined || postalCode === '') return '';
  const digits = postalCode.replace(/\D/g, '');
  if (digits.length !== 8) {
    errors.push(tagError('61', `"${postalCode}" deve ter 8 dígitos`));
    return '';
  }
  return tlv('61', digits);
}

function finish(body: string): string {
  const withHeader = `${body}6304`;
  return withHeader + crc16Ccitt(withHeader);
}

/** Builds a static BR Code ("Pix copia e cola"). Throws PixError naming every offending tag. */
export function makeStaticPix(input: StaticPixInput): string {
  const errors: string[] = [];
  const key = normalizePixKey(input.key);
  const keyCheck = classifyPixKey(key);
  if ('error' in keyCheck) errors.push(tagError('26-01', keyCheck.error));
  const description = input.description === undefined ? '' : toPixText(input.description);
  const txid = input.txid === undefined || input.txid === '' ? '***' : input.txid;
  if (txid !== '***' && !/^[A-Za-z0-9]{1,25}$/.test(txid))
    errors.push(
      tagError('62-05', `"${txid}" deve ter de 1 a 25 letras ou dígitos (sem espaços nem símbolos), ou ***`),
    );
  // Length of tag 26's value: GUI, key and description, each with its 4-character id + length header.
  const accountLength = 4 + PIX_GUI.length + 4 + key.length + (description ? 4 + description.length : 0);
  if (accountLength > 99)
    errors.push(
      tagError(
        '26',
        `GUI + chave + descrição ocupam ${accountLength} caracteres, máximo 99 (encurte a descrição)`,
      ),
    );
  const merchant = merchantFields(input.merchantName, input.merchantCity, errors);
  const amount = amountField(input.amountCents, errors);
  const postal = postalField(input.postalCode, errors);
  if (errors.length > 0) throw new PixError(errors.join('; '));
  const account = tlv('00', PIX_GUI) + tlv('01', key) + (description ? tlv('02', description) : '');
  return finish(
    tlv('00', '01') +
      tlv('26', account) +
      tlv('52', '0000') +
      tlv('53', '986') +
      amount +
      tlv('58', 'BR') +
      tlv('59', merchant.name) +
      tlv('60', merchant.city) +
      postal +
      tlv('62', tlv('05', txid)),
  );
}

/** Builds a dynamic BR Code (point of initiation 12, payload location in 26-25, txid "***"). */
export function makeDynamicPix(input: DynamicPixInput): string {
  const errors: string[] = [];
  const url = input.url.trim().replace(/^https:\/\//i, '');
  if (url.length === 0) errors.push(tagError('26-25', 'obrigatória'));
  if (url.length > 77) errors.push(tagError('26-25', `URL com ${url.length} caracteres, máximo 77`));
  if (/^[a-z]+:\/\//i.test(url) || /\s/.test(url) || /[^\x21-\x7e]/.test(url))
    errors.push(tagError('26-25', `"${input.url}" não é uma URL https válida (informe sem "http://")`));
  const account = tlv('00', PIX_GUI) + (url.length <= 99 ? tlv('25', url) : '');
  const merchant = merchantFields(input.merchantName, input.merchantCity, errors);
  const amount = amountField(input.amountCents, errors);
  const postal = postalField(input.postalCode, errors);
  if (errors.length > 0) throw new PixError(errors.join('; '));
  return finish(
    tlv('00', '01') +
      tlv('01', '12') +
      tlv('26', account) +
      tlv('52', '0000') +
      tlv('53', '986') +
      amount +
      tlv('58', 'BR') +
      tlv('59', merchant.name) +
      tlv('60', merchant.city) +
      postal +
      tlv('62', tlv('05', '***')),
  );
}

export interface TlvField {
  id: string;
  value: string;
}

/** Splits TLV text into fields; returns an error (naming the tag and position) when lengths do not add up. */
export function splitTlv(text: string, parentTag?: string): { fields: TlvField[]; error?: string } {
  const fields: TlvField[] = [];
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const lengthText = text.slice(i + 2, i + 4);
    const where = parentTag ? `${parentTag}-${id}` : id;
    if (!/^\d{2}$/.test(id))
      return {
        fields,
        error: `posição ${i + 1}${parentTag ? ` da ${tagLabel(parentTag)}` : ''}: "${id}" não é um identificador de tag (2 dígitos)`,
      };
    if (!/^\d{2}$/.test(lengthText))
      return { fields, error: tagError(where, `tamanho "${lengthText}" na posição ${i + 3} não é numérico`) };
    const length = Number(lengthText);
    if (i + 4 + length > text.length)
      return {
        fields,
        error: tagError(where, `declara ${length} caracteres mas só restam ${text.length - i - 4}`),
      };
    fields.push({ id, value: text.slice(i + 4, i + 4 + length) });
    i += 4 + length;
  }
  return { fields };
}

export interface ParsedPix {
  valid: boolean;
  errors: string[];
  type?: 'static' | 'dynamic';
  pointOfInitiation?: 'static' | 'dynamic';
  key?: string;
  keyType?: PixKeyType;
  url?: string;
  description?: string;
  merchantCategoryCode?: string;
  currency?: string;
  /** Centavos. */
  amountCents?: number;
  amount?: string;
  country?: string;
  merchantName?: string;
  merchantCity?: string;
  postalCode?: string;
  txid?: string;
  crc?: string;
  /** Every top-level tag in order, for inspection (including unreserved templates 80–99). */
  fields: TlvField[];
}

const PRINTABLE = /^[\x20-\x7e]*$/;

/** Parses and validates any BR Code. Never throws: problems go to `errors`, each naming its tag. */
export function parsePix(payload: string): ParsedPix {
  const text = payload.trim();
  const errors: string[] = [];
  const result: ParsedPix = { valid: false, errors, fields: [] };
  if (text.length === 0) {
    errors.push('BR Code vazio');
    return result;
  }
  if (!PRINTABLE.test(text))
    errors.push('BR Code contém caracteres fora do ASCII imprimível (acentos não são permitidos)');
  const { fields, error } = splitTlv(text);
  result.fields = fields;
  if (error) errors.push(error);

  const seen = new Map<string, string>();
  for (const field of fields) {
    if (seen.has(field.id)) errors.push(tagError(field.id, 'aparece mais de uma vez'));
    seen.set(field.id, field.value);
    if (!PRINTABLE.test(field.value))
      errors.push(
        tagError(field.id, 'contém caracteres fora do ASCII imprimível (acentos não são permitidos)'),
      );
  }

  // 00 first, 63 last with the CRC over everything before its value.
  if (fields[0]?.id !== '00') errors.push(tagError('00', 'deve ser a primeira tag'));
  else if (fields[0].value !== '01') errors.push(tagError('00', `deve ser "01", veio "${fields[0].value}"`));

  const crcField = fields.at(-1);
  if (!seen.has('63')) errors.push(tagError('63', 'ausente'));
  else if (crcField?.id !== '63') errors.push(tagError('63', 'deve ser a última tag'));
  else {
    result.crc = crcField.value;
    if (!/^[0-9A-Fa-f]{4}$/.test(crcField.value))
      errors.push(tagError('63', `"${crcField.value}" deve ter 4 dígitos hexadecimais`));
    else {
      const expected = crc16Ccitt(text.slice(0, text.length - 4));
      if (crcField.value.toUpperCase() !== expected)
        errors.push(tagError('63', `CRC ${crcField.value} não confere; o calculado é ${expected}`));
    }
  }

  const poi = seen.get('01');
  if (poi !== undefined) {
    if (poi === '11') result.pointOfInitiation = 'static';
    else if (poi === '12') result.pointOfInitiation = 'dynamic';
    else errors.push(tagError('01', `deve ser "11" (estático) ou "12" (dinâmico), veio "${poi}"`));
  }

  const account = seen.get('26');
  if (account === undefined) errors.push(tagError('26', 'ausente (o BR Code não é Pix)'));
  else {
    if (account.length > 99) errors.push(tagError('26', `${account.length} caracteres, máximo 99`));
    const sub = splitTlv(account, '26');
    if (sub.error) errors.push(sub.error);
    const subs = new Map(sub.fields.map((f) => [f.id, f.value]));
    const gui = subs.get('00');
    if (gui === undefined) errors.push(tagError('26-00', 'ausente'));
    else if (gui.toLowerCase() !== PIX_GUI)
      errors.push(tagError('26-00', `deve ser "${PIX_GUI}", veio "${gui}"`));
    const key = subs.get('01');
    const url = subs.get('25');
    const description = subs.get('02');
    if (key !== undefined) {
      result.key = key;
      const kind = classifyPixKey(key);
      if ('error' in kind) errors.push(tagError('26-01', kind.error));
      else result.keyType = kind.type;
    }
    if (url !== undefined) {
      result.url = url;
      if (url.length === 0 || url.length > 77)
        errors.push(tagError('26-25', `URL com ${url.length} caracteres, deve ter de 1 a 77`));
    }
    if (key !== undefined && url !== undefined)
      errors.push(tagError('26', 'tem chave (01) e URL (25) ao mesmo tempo; use uma só'));
    if (key === undefined && url === undefined)
      errors.push(tagError('26', 'sem chave (26-01) nem URL (26-25)'));
    if (description !== undefined) result.description = description;
    result.type = url !== undefined ? 'dynamic' : 'static';
    // 01 = 12 only says the code is single-use; banks also issue single-use codes with a key, so no rule here.
  }

  const mcc = seen.get('52');
  if (mcc === undefined) errors.push(tagError('52', 'ausente'));
  else {
    result.merchantCategoryCode = mcc;
    if (!/^\d{4}$/.test(mcc)) errors.push(tagError('52', `"${mcc}" deve ter 4 dígitos ("0000")`));
  }
  const currency = seen.get('53');
  if (currency === undefined) errors.push(tagError('53', 'ausente'));
  else {
    result.currency = currency;
    if (currency !== '986') errors.push(tagError('53', `deve ser "986" (real), veio "${currency}"`));
  }
  const amount = seen.get('54');
  if (amount !== undefined) {
    result.amount = amount;
    if (amount.length > 13) errors.push(tagError('54', `"${amount}" tem mais de 13 caracteres`));
    if (!/^\d+(\.\d{1,2})?$/.test(amount))
      errors.push(tagError('54', `"${amount}" não é um valor com ponto decimal e até 2 casas (ex.: 10.50)`));
    else result.amountCents = parseReais(amount);
  }
  const country = seen.get('58');
  if (country === undefined) errors.push(tagError('58', 'ausente'));
  else {
    result.country = country;
    if (country !== 'BR') errors.push(tagError('58', `deve ser "BR", veio "${country}"`));
  }
  const name = seen.get('59');
  if (name === undefined) errors.push(tagError('59', 'ausente'));
  else {
    result.merchantName = name;
    if (name.length === 0) errors.push(tagError('59', 'vazio'));
    if (name.length > 25) errors.push(tagError('59', `mais de 25 caracteres (${name.length})`));
  }
  const city = seen.get('60');
  if (city === undefined) errors.push(tagError('60', 'ausente'));
  else {
    result.merchantCity = city;
    if (city.length === 0) errors.push(tagError('60', 'vazio'));
    if (city.length > 15) errors.push(tagError('60', `mais de 15 caracteres (${city.length})`));
  }
  const postal = seen.get('61');
  if (postal !== undefined) result.postalCode = postal;

  const additional = seen.get('62');
  if (additional === undefined) errors.push(tagError('62', 'ausente (deve conter o txid na 62-05)'));
  else {
    const sub = splitTlv(additional, '62');
    if (sub.error) errors.push(sub.error);
    const txid = sub.fields.find((f) => f.id === '05')?.value;
    if (txid === undefined) errors.push(tagError('62-05', 'ausente (use *** quando não houver)'));
    else {
      result.txid = txid;
      if (txid !== '***' && !/^[A-Za-z0-9]{1,25}$/.test(txid))
        errors.push(tagError('62-05', `"${txid}" deve ter de 1 a 25 letras ou dígitos, ou ***`));
    }
  }

  for (const field of fields) {
    const n = Number(field.id);
    const known = ['00', '01', '26', '52', '53', '54', '58', '59', '60', '61', '62', '63'].includes(field.id);
    // 02–51 are merchant account templates of other arrangements, 64 language template, 65–79 RFU by EMV,
    // 80–99 unreserved templates: all allowed and kept as-is.
    if (!known && !(n >= 2 && n <= 51) && !(n >= 64 && n <= 99))
      errors.push(tagError(field.id, 'identificador desconhecido'));
  }

  result.valid = errors.length === 0;
  return result;
}
