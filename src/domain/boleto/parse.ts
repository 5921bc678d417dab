import { todayInSaoPaulo, type CalendarDate } from '../dates.js';
import {
  BANK_LINE_FIELDS,
  bankBarcodeDv,
  bankBarcodeFromLine,
  bankLineFromBarcode,
  formatBankLine,
} from './barcode.js';
import { BANKS, findBank } from './banks.js';
import type { CheckIssue } from './bank-rules.js';
import {
  collectionBarcodeDv,
  collectionBarcodeFromLine,
  collectionDv,
  collectionLineFromBarcode,
  collectionModulo,
  COLLECTION_SEGMENTS,
  formatCollectionLine,
} from './collection.js';
import { mod10 } from './digits.js';
import { dateFromFactor } from './due-date-factor.js';

export interface ParseBoletoOptions {
  /** "Today" in São Paulo, the centre of the fator de vencimento window. */
  today?: CalendarDate;
}

export interface ParsedBoleto {
  /** True when every check digit of the barcode/line is right. */
  valid: boolean;
  kind: 'bank' | 'collection' | null;
  /** What the text was. */
  input: 'barcode' | 'line' | null;
  /** Bank code (bank boletos). */
  bank?: string;
  bankName?: string;
  /** Amount in centavos; null when the slip carries a reference value or none. */
  amountCents: number | null;
  /** Bank boletos: ISO due date, null when factor 0000 or outside the window. */
  dueDate?: CalendarDate | null;
  dueDateFactor?: number;
  campoLivre?: string;
  /** Fields read from the campo livre by the bank's rules, when the bank is known. */
  campoLivreFields?: Record<string, string>;
  /** Collection slips: segment digit and name, value identifier, company id. */
  segment?: string;
  segmentName?: string;
  valueId?: string;
  companyId?: string;
  barcode: string;
  line: string;
  formattedLine: string;
  /** Failed check digits and malformed input; `valid` is false when there is any. */
  errors: CheckIssue[];
  /** Things that do not make the numbers wrong: unknown bank, due date outside the window, campo livre DVs. */
  warnings: CheckIssue[];
}

function invalid(errors: CheckIssue[], digits = ''): ParsedBoleto {
  return {
    valid: false,
    kind: null,
    input: null,
    amountCents: null,
    barcode: '',
    line: digits,
    formattedLine: '',
    errors,
    warnings: [],
  };
}

/**
 * Reads any boleto given as barcode or linha digitável, with or without punctuation (spaces, dots, hyphens):
 * 44 digits = barcode (starting with 8 = collection slip), 47 = bank line, 48 = collection line.
 */
export function parseBoleto(text: string, options: ParseBoletoOptions = {}): ParsedBoleto {
  const today = options.today ?? todayInSaoPaulo();
  const stripped = String(text ?? '').replace(/[\s.-]/g, '');
  if (!/^\d*$/.test(stripped))
    return invalid([
      {
        code: 'invalid-characters',
        message: 'código: use apenas dígitos (pontos, espaços e hífens são ignorados)',
      },
    ]);
  switch (stripped.length) {
    case 44:
      return stripped.startsWith('8')
        ? parseCollection(stripped, 'barcode')
        : parseBank(stripped, 'barcode', today);
    case 47:
      return parseBank(stripped, 'line', today);
    case 48:
      return parseCollection(stripped, 'line');
    default:
      return invalid(
        [
          {
            code: 'invalid-length',
            message:
              `código: tem ${stripped.length} dígitos; o código de barras tem 44, a linha digitável de boleto ` +
              'bancário 47 e a de arrecadação/convênio 48',
          },
        ],
        stripped,
      );
  }
}

function parseBank(digits: string, input: 'barcode' | 'line', today: CalendarDate): ParsedBoleto {
  const errors: CheckIssue[] = [];
  const warnings: CheckIssue[] = [];
  let barcode: string;
  let line: string;
  if (input === 'line') {
    line = digits;
    for (const [index, field] of BANK_LINE_FIELDS.entries()) {
      const expected = mod10(line.slice(field.start, field.dvAt));
      const found = line[field.dvAt];
      if (found !== String(expected))
        errors.push({
          code: `field${index + 1}-dv`,
          message: `linha digitável, ${field.name}: dígito verificador ${found} não confere (calculado ${expected}, módulo 10)`,
        });
    }
    barcode = bankBarcodeFromLine(line);
  } else {
    barcode = digits;
    line = bankLineFromBarcode(barcode);
  }
  const generalDv = bankBarcodeDv(barcode.slice(0, 4) + barcode.slice(5));
  if (barcode[4] !== String(generalDv))
    errors.push({
      code: 'barcode-dv',
      message:
        `dígito verificador geral ${barcode[4]} não confere (calculado ${generalDv}, módulo 11; posição 5 do ` +
        'código de barras, campo 4 da linha digitável)',
    });
  const currency = barcode[3];
  if (currency !== '9' && currency !== '0')
    errors.push({ code: 'currency', message: `moeda: ${currency} não existe (9 = real, 0 = outras moedas)` });

  const bankCode = barcode.slice(0, 3);
  const factor = Number(barcode.slice(5, 9));
  let dueDate: CalendarDate | null = null;
  if (factor !== 0) {
    if (factor < 1000)
      warnings.push({
        code: 'due-date-factor',
        message: `fator de vencimento ${factor} não existe (mínimo 1000)`,
      });
    else {
      dueDate = dateFromFactor(factor, today);
      if (dueDate === null)
        warnings.push({
          code: 'due-date-factor',
          message: `fator de vencimento ${factor}: nenhuma data na janela de 3000 dias antes a 5500 dias depois de ${today}`,
        });
    }
  }
  const campoLivre = barcode.slice(19, 44);
  const bank = findBank(bankCode);
  let campoLivreFields: Record<string, string> | undefined;
  if (!bank)
    warnings.push({
      code: 'unknown-bank',
      message: `banco ${bankCode}: sem regras de campo livre aqui (conhecidos: ${BANKS.map((b) => b.code).join(', ')})`,
    });
  else if (bank.readCampoLivre) {
    const reading = bank.readCampoLivre(campoLivre);
    campoLivreFields = reading.fields;
    warnings.push(...reading.errors);
  }
  return {
    valid: errors.length === 0,
    kind: 'bank',
    input,
    bank: bankCode,
    ...(bank ? { bankName: bank.name } : {}),
    amountCents: Number(barcode.slice(9, 19)),
    dueDate,
    dueDateFactor: factor,
    campoLivre,
    ...(campoLivreFields ? { campoLivreFields } : {}),
    barcode,
    line,
    formattedLine: formatBankLine(line),
    errors,
    warnings,
  };
}

function parseCollection(digits: string, input: 'barcode' | 'line'): ParsedBoleto {
  const errors: CheckIssue[] = [];
  const valueId = digits[2] ?? '';
  const modulo = collectionModulo(valueId);
  const barcode = input === 'line' ? collectionBarcodeFromLine(digits) : digits;
  if (modulo === null) {
    errors.push({
      code: 'value-id',
      message: `identificador de valor ${valueId} (posição 3) não existe: use 6 ou 7 (módulo 10), 8 ou 9 (módulo 11)`,
    });
  } else {
    if (input === 'line') {
      for (let block = 0; block < 4; block++) {
        const start = block * 12;
        const expected = collectionDv(digits.slice(start, start + 11), modulo);
        const found = digits[start + 11];
        if (found !== String(expected))
          errors.push({
            code: `block${block + 1}-dv`,
            message: `linha digitável, bloco ${block + 1}: dígito verificador ${found} não confere (calculado ${expected}, módulo ${modulo})`,
          });
      }
    }
    const general = collectionBarcodeDv(barcode, modulo);
    if (barcode[3] !== String(general))
      errors.push({
        code: 'barcode-dv',
        message: `dígito verificador geral ${barcode[3]} não confere (calculado ${general}, módulo ${modulo}; posição 4 do código de barras)`,
      });
  }
  const segment = barcode[1] ?? '';
  if (barcode[0] !== '8')
    errors.push({ code: 'product', message: 'arrecadação: a primeira posição deve ser 8' });
  const line = input === 'line' ? digits : collectionLineFromBarcode(barcode, modulo ?? 10);
  const effective = valueId === '6' || valueId === '8';
  return {
    valid: errors.length === 0,
    kind: 'collection',
    input,
    amountCents: effective ? Number(barcode.slice(4, 15)) : null,
    segment,
    segmentName: COLLECTION_SEGMENTS[segment] ?? 'segmento desconhecido',
    valueId,
    companyId: segment === '6' ? barcode.slice(15, 23) : barcode.slice(15, 19),
    barcode,
    line,
    formattedLine: formatCollectionLine(line),
    errors,
    warnings: [],
  };
}
