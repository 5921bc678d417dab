/** Field-level encoding and decoding shared by the one reader and the one writer. */
import type { FieldSpec, Value } from './layout.js';

export class CnabFieldError extends Error {
  override name = 'CnabFieldError';
  constructor(
    readonly field: string,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

/** A value the layout cannot carry in the form given: thrown by a bank's `remessa.values` hook, naming the field. */
export function refuse(field: string, reason: string): never {
  throw new CnabFieldError(field, 0, `campo ${field}: ${reason}`);
}

/**
 * ASCII only, one column per character: accents removed (NFKD + combining marks dropped), anything still outside
 * printable ASCII becomes a space. Applied before padding, so a multibyte character can never widen a line.
 */
export function toCnabAscii(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, ' ');
}

const DIGITS = /^\d+$/;

const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * dd, mm, yy|yyyy (digit strings) → ISO date, or null when not a calendar date (year 0000 is none). Two-digit
 * years pivot at 70: 00-69 → 20xx, 70-99 → 19xx (CNAB 400 files from the 1990s still exist in archives). The one
 * calendar rule of every decoding path (plain, per-field and generated).
 */
export function isoDate(dd: string, mm: string, year: string): string | null {
  const d = Number(dd);
  const m = Number(mm);
  let y = Number(year);
  if (year.length === 2) y += y < 70 ? 2000 : 1900;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m]!) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return `${String(y).padStart(4, '0')}-${mm}-${dd}`;
}

/**
 * Decodes one field from an already-padded line. Numeric fields with `decimals` read as integers (blank = 0);
 * other numeric fields read as digit strings (blank = null). Blank or all-zero dates read as null. Throws CnabFieldError with a pt-BR message naming the field and column.
 */
export function decodeField(line: string, field: FieldSpec): Value | null {
  const raw = line.slice(field.start - 1, field.end);
  if (field.type === 'alpha') {
    const text = raw.trim();
    if (field.required && text === '')
      throw new CnabFieldError(field.name, field.start, `campo ${field.name} obrigatório está em branco`);
    if (field.format === 'codes2') return splitCodes(raw);
    return text;
  }
  if (!DIGITS.test(raw)) {
    if (raw.trim() === '') {
      if (field.required)
        throw new CnabFieldError(field.name, field.start, `campo ${field.name} obrigatório está em branco`);
      if (field.format === 'codes2') return [];
      return field.format || field.decimals === undefined ? null : 0;
    }
    if (field.format === 'codes2') return splitCodes(raw);
    const bad = [...raw].findIndex((c) => c < '0' || c > '9');
    throw new CnabFieldError(
      field.name,
      field.start + bad,
      `campo ${field.name} (posições ${field.start}-${field.end}) deveria ser numérico e contém "${raw}"`,
    );
  }
  switch (field.format) {
    case 'DDMMAAAA':
    case 'DDMMAA': {
      if (/^0+$/.test(raw)) return null;
      const iso = isoDate(raw.slice(0, 2), raw.slice(2, 4), raw.slice(4));
      if (!iso)
        throw new CnabFieldError(
          field.name,
          field.start,
          `campo ${field.name} (posições ${field.start}-${field.end}): "${raw}" não é uma data válida (${field.format})`,
        );
      return iso;
    }
    case 'HHMMSS':
      return `${raw.slice(0, 2)}:${raw.slice(2, 4)}:${raw.slice(4, 6)}`;
    case 'codes2':
      return splitCodes(raw);
    default:
      // Amounts (implied decimals) become integers; identifiers, codes and counts stay digit strings ("01", CEPs).
      return field.decimals === undefined ? raw : Number(raw);
  }
}

export function splitCodes(raw: string): string[] {
  const codes: string[] = [];
  for (let i = 0; i + 2 <= raw.length; i += 2) {
    const code = raw.slice(i, i + 2);
    if (code.trim() !== '' && code !== '00') codes.push(code.trim());
  }
  return codes;
}

function dateText(value: string, format: 'DDMMAA' | 'DDMMAAAA', field: FieldSpec): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match)
    throw new CnabFieldError(
      field.name,
      field.start,
      `campo ${field.name}: "${value}" não é uma data AAAA-MM-DD`,
    );
  const [, y = '', m = '', d = ''] = match;
  return format === 'DDMMAA' ? `${d}${m}${y.slice(2)}` : `${d}${m}${y}`;
}

/** Encodes one field to exactly its width. Numbers that do not fit are an error; text is cut at the width. */
export function encodeField(field: FieldSpec, value: Value | null): string {
  const width = field.end - field.start + 1;
  let v: Value | null = field.constant ?? value;
  if (v === undefined || v === null || v === '') v = field.default;
  if (v === undefined || v === null) {
    if (field.required)
      throw new CnabFieldError(
        field.name,
        field.start,
        `campo ${field.name} é obrigatório e não foi informado`,
      );
    return field.type === 'num' && field.name !== '_' ? '0'.repeat(width) : ' '.repeat(width);
  }
  let text: string;
  if (Array.isArray(v)) text = v.map((c) => c.padStart(2, '0')).join('');
  else if (field.format === 'DDMMAA' || field.format === 'DDMMAAAA')
    text = v === 0 ? '' : dateText(String(v), field.format, field);
  else if (field.format === 'HHMMSS') text = String(v).replace(/:/g, '');
  else if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new CnabFieldError(
        field.name,
        field.start,
        `campo ${field.name}: ${v} não é um inteiro não negativo`,
      );
    text = String(v);
  } else text = toCnabAscii(v);
  const pad = field.pad ?? (field.type === 'num' ? 'left-zero' : 'right-space');
  if (field.type === 'num' && pad === 'left-zero') {
    if (!DIGITS.test(text) && text !== '') {
      // Digits with punctuation (CNPJ "12.345.678/0001-90", CEP "01310-100") are accepted and reduced to digits.
      const digits = text.replace(/[.\-/\s]/g, '');
      if (!DIGITS.test(digits))
        throw new CnabFieldError(
          field.name,
          field.start,
          `campo ${field.name}: "${text}" deveria ser numérico`,
        );
      text = digits;
    }
    if (text.length > width)
      throw new CnabFieldError(
        field.name,
        field.start,
        `campo ${field.name}: "${text}" não cabe em ${width} posições (${field.start}-${field.end})`,
      );
    return text.padStart(width, '0');
  }
  if (field.type === 'alpha' && field.upper !== false) text = text.toUpperCase();
  if (pad === 'left-zero') {
    // An alphanumeric identifier (documentField): punctuation dropped, zero-filled, never cut.
    text = text.replace(/[.\-/\s]/g, '');
    if (!/^[0-9A-Za-z]*$/.test(text) || text.length > width)
      throw new CnabFieldError(
        field.name,
        field.start,
        `campo ${field.name}: "${text}" não cabe em ${width} posições alfanuméricas (${field.start}-${field.end})`,
      );
    return text.padStart(width, '0');
  }
  if (text.length > width) text = text.slice(0, width);
  return pad === 'left-space' ? text.padStart(width, ' ') : text.padEnd(width, ' ');
}

/** Returned by a compiled decoder when the field is invalid; `decodeField` then produces the pt-BR error. */
export const DECODE_FAIL: unique symbol = Symbol('cnab-decode-fail');
export type FastDecoder = (line: string) => Value | null | typeof DECODE_FAIL;

/** Digits at [s, e) as an integer, or -1 when any is not a digit (up to 15 digits stay exact). */
function digitsAt(line: string, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = line.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function blankAt(line: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (line.charCodeAt(i) !== 32) return false;
  return true;
}

/** `decodeField` with its error turned into DECODE_FAIL, for the formats the fast path does not specialise. */
function plainDecoder(field: FieldSpec): FastDecoder {
  return (line) => {
    try {
      return decodeField(line, field);
    } catch (error) {
      if (error instanceof CnabFieldError) return DECODE_FAIL;
      throw error;
    }
  };
}

/**
 * A decoder specialised for one field, for the hot path of the reader: no regex, no exceptions, no slices for
 * numbers. Same results as `decodeField`; on anything unusual it returns DECODE_FAIL and the caller asks
 * `decodeField` for the exact error.
 */
export function compileDecoder(field: FieldSpec): FastDecoder {
  const s = field.start - 1;
  const e = field.end;
  if (field.type === 'alpha' && field.format !== 'codes2') {
    if (field.required) return plainDecoder(field);
    return (line) => line.slice(s, e).trim();
  }
  if (field.format === 'codes2') return plainDecoder(field);
  if (field.format === 'DDMMAAAA' || field.format === 'DDMMAA')
    return (line) => {
      const all = digitsAt(line, s, e);
      if (all < 0) return blankAt(line, s, e) && !field.required ? null : DECODE_FAIL;
      if (all === 0) return null;
      return isoDate(line.slice(s, s + 2), line.slice(s + 2, s + 4), line.slice(s + 4, e)) ?? DECODE_FAIL;
    };
  if (field.format === 'HHMMSS') return plainDecoder(field);
  if (field.decimals !== undefined)
    return (line) => {
      // Up to 15 digits are summed exactly; wider amounts (CNAB 240 batch totals, 17 digits) go through Number.
      const n =
        e - s <= 15 ? digitsAt(line, s, e) : DIGITS.test(line.slice(s, e)) ? Number(line.slice(s, e)) : -1;
      if (n >= 0) return n;
      return blankAt(line, s, e) && !field.required ? 0 : DECODE_FAIL;
    };
  return (line) => {
    if (digitsAt(line, s, e) >= 0 || (e - s > 15 && /^\d+$/.test(line.slice(s, e)))) return line.slice(s, e);
    return blankAt(line, s, e) && !field.required ? null : DECODE_FAIL;
  };
}
