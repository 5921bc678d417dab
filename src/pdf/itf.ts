/**
 * ITF (Interleaved 2 of 5) for the boleto barcode. bwip-js (BWIPP) encodes the digits into bar/space
 * widths; we draw them as vector rectangles at the FEBRABAN size: narrow element 0.254 mm (10 mils),
 * wide element 3× narrow, height 13 mm. 44 digits = start (4 narrow) + 22 pairs × 18 modules + stop (5)
 * = 405 narrow modules = 102.87 mm (the norm's "≈ 103 mm"). Quiet zones are left white by the layout.
 */
import bwipjs from 'bwip-js';

export const MM = 72 / 25.4;
export const ITF_NARROW_MM = 0.254;
export const ITF_RATIO = 3;
export const ITF_HEIGHT_MM = 13;
/** Quiet zone each side: at least 10 narrow modules; FEBRABAN layouts leave ~5 mm. */
export const ITF_QUIET_MM = 5;

export interface ItfElement {
  bar: boolean;
  wide: boolean;
}

/** The element sequence (bar, space, bar, …) of a 44-digit boleto barcode. */
export function itfElements(digits: string): ItfElement[] {
  // bwip-js silently left-pads odd-length input, so insist on exactly 44 digits here.
  if (!/^\d{44}$/.test(digits)) throw new Error(`código de barras deve ter 44 dígitos, veio "${digits}"`);
  // includecheck stays off: the boleto's check digit (position 5) is already part of the 44 digits.
  const raw = bwipjs.raw('interleaved2of5', digits, { includecheck: false });
  const first = raw[0];
  if (!first || !('sbs' in first)) throw new Error('bwip-js não devolveu as larguras do ITF');
  const narrow = Math.min(...first.sbs);
  const elements = first.sbs.map((width, index) => ({ bar: index % 2 === 0, wide: width > narrow }));
  // BWIPP ends the sequence with a trailing space; the symbol itself ends with the stop pattern's last bar.
  while (elements.length > 0 && !elements[elements.length - 1]?.bar) elements.pop();
  return elements;
}

/** Total width in points of a drawn ITF for the given elements. */
export function itfWidth(elements: readonly ItfElement[], narrowPt = ITF_NARROW_MM * MM): number {
  return elements.reduce((sum, e) => sum + (e.wide ? ITF_RATIO : 1) * narrowPt, 0);
}

/** Draws the bars at (x, y) (top-left) as one filled path. Returns the width drawn. */
export function drawItf(
  doc: PDFKit.PDFDocument,
  digits: string,
  x: number,
  y: number,
  options: { narrowPt?: number; heightPt?: number } = {},
): number {
  const narrowPt = options.narrowPt ?? ITF_NARROW_MM * MM;
  const heightPt = options.heightPt ?? ITF_HEIGHT_MM * MM;
  const elements = itfElements(digits);
  let cursor = x;
  doc.save().fillColor('black');
  for (const element of elements) {
    const width = (element.wide ? ITF_RATIO : 1) * narrowPt;
    if (element.bar) doc.rect(round(cursor), round(y), round(width), round(heightPt));
    cursor += width;
  }
  doc.fill();
  doc.restore();
  return cursor - x;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
