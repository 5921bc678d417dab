import { centsToDecimalString, type Cents } from './money.js';

/**
 * CSV as Excel and LibreOffice read it in a pt-BR locale: `;` between fields (the comma is the decimal
 * separator), CRLF line ends, fields quoted only when they hold `;`, `"` or a line break (RFC 4180 quoting).
 */
export const CSV_BOM = '\uFEFF';

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(';')}\r\n`;
}

/** "1234,56": centavos with a decimal comma and no thousands separator, so spreadsheets read a number. */
export function csvDecimal(cents: Cents): string {
  return centsToDecimalString(cents).replace('.', ',');
}
