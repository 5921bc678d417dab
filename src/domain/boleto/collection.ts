/**
 * Collection slips (arrecadação / convênio: utilities, taxes, fines). Source: FEBRABAN "Layout Padrão de
 * Arrecadação/Recebimento com Utilização do Código de Barras", versão 5, 01/08/2016.
 *
 * barcode (44): "8" + segment(1) + value identifier(1) + general DV(1) + value(11) + company/agency id(4, or the
 *   first 8 digits of the CNPJ in segment 6) + free field.
 * value identifier: 6 = effective value in reais, DV módulo 10; 7 = reference value (quantity), módulo 10;
 *   8 = effective value in reais, módulo 11; 9 = reference value, módulo 11.
 * line (48): the barcode in 4 blocks of 11 digits, each followed by its own DV in the same módulo.
 * Módulo 11 here: weights 2..9 from the right; remainder 0 or 1 → DV 0, remainder 10 → DV 1, else 11 − remainder.
 */
import { mod10, mod11Remainder } from './digits.js';

export const COLLECTION_SEGMENTS: Readonly<Record<string, string>> = {
  '1': 'prefeituras',
  '2': 'saneamento',
  '3': 'energia elétrica e gás',
  '4': 'telecomunicações',
  '5': 'órgãos governamentais',
  '6': 'carnês e assemelhados ou demais empresas identificadas pelo CNPJ',
  '7': 'multas de trânsito',
  '9': 'uso exclusivo do banco',
};

export type CollectionModulo = 10 | 11;

export function collectionModulo(valueId: string): CollectionModulo | null {
  if (valueId === '6' || valueId === '7') return 10;
  if (valueId === '8' || valueId === '9') return 11;
  return null;
}

export function collectionDv(digits: string, modulo: CollectionModulo): number {
  if (modulo === 10) return mod10(digits);
  const r = mod11Remainder(digits);
  return r <= 1 ? 0 : 11 - r;
}

/** General DV (position 4) of a collection barcode, over the other 43 digits. */
export function collectionBarcodeDv(barcode: string, modulo: CollectionModulo): number {
  return collectionDv(barcode.slice(0, 3) + barcode.slice(4), modulo);
}

export function collectionLineFromBarcode(barcode: string, modulo: CollectionModulo): string {
  let line = '';
  for (let i = 0; i < 44; i += 11) {
    const block = barcode.slice(i, i + 11);
    line += block + String(collectionDv(block, modulo));
  }
  return line;
}

export function collectionBarcodeFromLine(line: string): string {
  return line.slice(0, 11) + line.slice(12, 23) + line.slice(24, 35) + line.slice(36, 47);
}

/** "XXXXXXXXXXX-X XXXXXXXXXXX-X XXXXXXXXXXX-X XXXXXXXXXXX-X" */
export function formatCollectionLine(line: string): string {
  const blocks = [];
  for (let i = 0; i < 48; i += 12) blocks.push(`${line.slice(i, i + 11)}-${line.slice(i + 11, i + 12)}`);
  return blocks.join(' ');
}
