/**
 * CPF and CNPJ: validation, normalization and formatting, including the alphanumeric CNPJ that the
 * Receita Federal issues from July 2026 (IN RFB nº 2.229/2024; "CNPJ Alfanumérico" technical note).
 *
 * CNPJ rule (both forms): 14 characters; the first 12 (root + order) are A–Z or 0–9, the last two are
 * numeric check digits. Each character is worth its ASCII code minus 48 ('0'→0 … '9'→9, 'A'→17 … 'Z'→42).
 * DV1 = mod 11 over the 12 characters with weights 5,4,3,2,9,8,7,6,5,4,3,2; DV2 = mod 11 over the
 * 12 characters + DV1 with weights 6,5,4,3,2,9,8,7,6,5,4,3,2; a remainder below 2 gives 0, otherwise 11 − remainder.
 * A purely numeric CNPJ computes exactly as before, so the old and new forms share one routine.
 */

export type DocumentKind = 'cpf' | 'cnpj';

export interface ParsedDocument {
  valid: boolean;
  /** 'cpf' for 11 characters, 'cnpj' for 14; undefined when the length fits neither. */
  kind?: DocumentKind;
  /** The document without punctuation, letters in upper case. */
  digits: string;
  /** "123.456.789-09" / "12.ABC.345/01DE-35"; only when valid. */
  formatted?: string;
  /** pt-BR reason when invalid. */
  error?: string;
}

const CPF_WEIGHTS_1 = [10, 9, 8, 7, 6, 5, 4, 3, 2];
const CPF_WEIGHTS_2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** Punctuation people type around documents: dots, slash, hyphen, spaces. */
const SEPARATORS = /[.\-/\s]/g;

/** Strips punctuation and upper-cases letters: " 12.abc.345/01de-35 " → "12ABC34501DE35". */
export function normalizeDocument(text: string): string {
  return text.replace(SEPARATORS, '').toUpperCase();
}

function charValue(char: string): number {
  return char.charCodeAt(0) - 48;
}

function mod11Digit(body: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += charValue(body[i] ?? '0') * (weights[i] ?? 0);
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/** The two check digits of a CPF from its first 9 digits. */
export function cpfCheckDigits(base9: string): string {
  if (!/^\d{9}$/.test(base9)) throw new Error(`CPF: base "${base9}" deve ter 9 dígitos`);
  const d1 = mod11Digit(base9, CPF_WEIGHTS_1);
  const d2 = mod11Digit(base9 + d1, CPF_WEIGHTS_2);
  return `${d1}${d2}`;
}

/** The two check digits of a CNPJ (numeric or alphanumeric) from its first 12 characters. */
export function cnpjCheckDigits(base12: string): string {
  const base = base12.toUpperCase();
  if (!/^[0-9A-Z]{12}$/.test(base))
    throw new Error(`CNPJ: base "${base12}" deve ter 12 caracteres (letras A–Z ou dígitos)`);
  const d1 = mod11Digit(base, CNPJ_WEIGHTS_1);
  const d2 = mod11Digit(base + d1, CNPJ_WEIGHTS_2);
  return `${d1}${d2}`;
}

function cpfError(digits: string): string | undefined {
  if (!/^\d{11}$/.test(digits)) return 'CPF deve ter 11 dígitos numéricos';
  if (/^(\d)\1{10}$/.test(digits)) return 'CPF com todos os dígitos iguais não é válido';
  if (cpfCheckDigits(digits.slice(0, 9)) !== digits.slice(9)) return 'CPF com dígito verificador inválido';
  return undefined;
}

function cnpjError(digits: string): string | undefined {
  if (!/^[0-9A-Z]{12}\d{2}$/.test(digits))
    return 'CNPJ deve ter 14 caracteres: 12 letras (A–Z) ou dígitos seguidos de 2 dígitos verificadores';
  if (/^(.)\1{13}$/.test(digits)) return 'CNPJ com todos os caracteres iguais não é válido';
  if (cnpjCheckDigits(digits.slice(0, 12)) !== digits.slice(12))
    return 'CNPJ com dígito verificador inválido';
  return undefined;
}

export function validateCpf(text: string): boolean {
  return cpfError(normalizeDocument(text)) === undefined;
}

export function validateCnpj(text: string): boolean {
  return cnpjError(normalizeDocument(text)) === undefined;
}

/** "12345678909" → "123.456.789-09"; "12ABC34501DE35" → "12.ABC.345/01DE-35". Throws when the length fits neither. */
export function formatDocument(text: string): string {
  const d = normalizeDocument(text);
  if (d.length === 11) return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
  if (d.length === 14)
    return `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}/${d.slice(8, 12)}-${d.slice(12)}`;
  throw new Error(`documento "${text}" não tem 11 (CPF) nem 14 (CNPJ) caracteres`);
}

/**
 * Reads a CPF or CNPJ as typed (with or without punctuation, lower- or upper-case letters). The kind comes
 * from the length after normalization: 11 → CPF, 14 → CNPJ. Characters other than letters, digits and the
 * usual punctuation make it invalid.
 */
export function parseDocument(text: string): ParsedDocument {
  const digits = normalizeDocument(text);
  if (digits.length === 0) return { valid: false, digits, error: 'documento vazio' };
  if (/[^0-9A-Z]/.test(digits))
    return { valid: false, digits, error: `documento "${text}" contém caracteres inválidos` };
  if (digits.length === 11) {
    const error = cpfError(digits);
    return error
      ? { valid: false, kind: 'cpf', digits, error }
      : { valid: true, kind: 'cpf', digits, formatted: formatDocument(digits) };
  }
  if (digits.length === 14) {
    const error = cnpjError(digits);
    return error
      ? { valid: false, kind: 'cnpj', digits, error }
      : { valid: true, kind: 'cnpj', digits, formatted: formatDocument(digits) };
  }
  return {
    valid: false,
    digits,
    error: `documento com ${digits.length} caracteres: CPF tem 11 e CNPJ tem 14`,
  };
}

/** Builds a valid CPF from 9 base digits (test data, seeds). */
export function makeCpf(base9: string): string {
  return base9 + cpfCheckDigits(base9);
}

/** Builds a valid CNPJ from 12 base characters (test data, seeds). */
export function makeCnpj(base12: string): string {
  return base12.toUpperCase() + cnpjCheckDigits(base12);
}
