/**
 * A bank account's PIX key, checked against the type the user declares (the DICT's five kinds): CPF and CNPJ
 * (numeric or alphanumeric) with valid check digits, e-mail (at most 77 characters), Brazilian phone in E.164
 * (+55, DDD and number) and random key (EVP, a UUID). Returns the key in the form the DICT stores it, or a pt-BR
 * message naming what is wrong.
 */
import { parseDocument } from '../documents/index.js';
import type { PixKeyType } from '../pix/index.js';

export type { PixKeyType };
export const PIX_KEY_TYPES = [
  'cpf',
  'cnpj',
  'email',
  'phone',
  'evp',
] as const satisfies readonly PixKeyType[];

export const PIX_KEY_TYPE_LABELS: Readonly<Record<PixKeyType, string>> = {
  cpf: 'CPF',
  cnpj: 'CNPJ',
  email: 'e-mail',
  phone: 'telefone',
  evp: 'chave aleatória',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EVP = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** +55, a DDD (two digits 1–9) and 8 (fixed line) or 9 (mobile) digits. */
const BR_PHONE = /^\+55[1-9]{2}\d{8,9}$/;

export type PixKeyCheck = { key: string } | { error: string };

function documentKey(type: 'cpf' | 'cnpj', key: string): PixKeyCheck {
  const parsed = parseDocument(key);
  if (parsed.kind !== type)
    return {
      error: `chave do tipo ${PIX_KEY_TYPE_LABELS[type]} deve ter ${type === 'cpf' ? '11 dígitos' : '14 caracteres'}: "${key}"`,
    };
  return parsed.valid
    ? { key: parsed.digits }
    : { error: `chave ${PIX_KEY_TYPE_LABELS[type]} inválida: ${parsed.error}` };
}

function phoneKey(key: string): PixKeyCheck {
  const digits = key.replace(/[\s().-]/g, '');
  // Typed without the country code: "(11) 98765-4321" is taken as a Brazilian number.
  const e164 = digits.startsWith('+') ? digits : /^\d{10,11}$/.test(digits) ? `+55${digits}` : `+${digits}`;
  return BR_PHONE.test(e164)
    ? { key: e164 }
    : { error: `chave telefone "${key}" deve ser +55, DDD e número (ex.: +5511987654321)` };
}

export function checkPixKey(type: PixKeyType, raw: string): PixKeyCheck {
  const key = raw.trim();
  if (key === '') return { error: 'chave PIX vazia' };
  switch (type) {
    case 'cpf':
    case 'cnpj':
      return documentKey(type, key);
    case 'phone':
      return phoneKey(key);
    case 'email': {
      const email = key.toLowerCase();
      if (email.length > 77) return { error: `chave e-mail com ${email.length} caracteres; o máximo é 77` };
      return EMAIL.test(email) ? { key: email } : { error: `chave e-mail "${key}" não é um e-mail válido` };
    }
    case 'evp': {
      const evp = key.toLowerCase();
      return EVP.test(evp)
        ? { key: evp }
        : { error: `chave aleatória "${key}" deve ser um UUID (ex.: 123e4567-e12b-12d1-a456-426655440000)` };
    }
  }
}
