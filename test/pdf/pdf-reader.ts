/**
 * A small reader for the PDFs our renderer writes: it pulls the page content streams (inflating them when
 * compressed), groups filled rectangles by painting operation, decodes ITF bars from rectangle geometry and
 * QR codes by rasterizing their squares and running jsQR. Independent of bwip-js and qrcode (the encoders).
 */
import { inflateSync } from 'node:zlib';
import jsQRImport from 'jsqr';

// jsqr is CommonJS with an ES-style `export default` in its typings: under NodeNext the default import is
// the module object for the type checker, while at run time it may be the function itself.
type JsQr = typeof jsQRImport.default;
export const jsQR: JsQr =
  (jsQRImport as unknown as { default?: JsQr }).default ?? (jsQRImport as unknown as JsQr);

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PageContent {
  /** Rectangles of each painted path, with the painting operator ('f', 'S', …). */
  paths: { op: string; rects: Rect[] }[];
  /** Text shown on the page (hex and literal strings of Tj/TJ, decoded as WinAnsi/Latin-1). */
  text: string;
  /** The same text piece by piece, each at the origin its text matrix (Tm) put it (PDF units, y up). */
  texts: { text: string; x: number; y: number }[];
}

export function pageContents(pdf: Buffer): PageContent[] {
  const binary = pdf.toString('latin1');
  const pages: PageContent[] = [];
  const streamRe = /<<([^]*?)>>\s*stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamRe.exec(binary))) {
    const dict = match[1] ?? '';
    const start = match.index + match[0].length;
    const end = binary.indexOf('endstream', start);
    let raw = Buffer.from(binary.slice(start, end), 'latin1');
    if (/\/FlateDecode/.test(dict)) raw = inflateSync(raw);
    const content = raw.toString('latin1');
    if (/\/Subtype\s*\/Image|\/Length1|\/Type\s*\/XObject/.test(dict)) continue;
    pages.push(readContent(content));
  }
  return pages;
}

function readContent(content: string): PageContent {
  const tokens = content.match(/<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|[^\s[\]<>()]+/g) ?? [];
  const paths: PageContent['paths'] = [];
  let rects: Rect[] = [];
  const stack: string[] = [];
  const texts: PageContent['texts'] = [];
  let origin = { x: 0, y: 0 };
  let array: string[] | null = null;
  for (const token of tokens) {
    if (token === '[') {
      array = [];
      continue;
    }
    if (token === ']') {
      stack.push(`[${(array ?? []).join('')}]`);
      array = null;
      continue;
    }
    if (array) {
      if (token.startsWith('<') || token.startsWith('(')) array.push(decodeString(token));
      continue;
    }
    if (
      /^[-+]?\d*\.?\d+$/.test(token) ||
      token.startsWith('/') ||
      token.startsWith('<') ||
      token.startsWith('(')
    ) {
      stack.push(token);
      continue;
    }
    switch (token) {
      case 're': {
        const [x, y, w, h] = stack.slice(-4).map(Number);
        rects.push({ x: x ?? 0, y: y ?? 0, w: w ?? 0, h: h ?? 0 });
        break;
      }
      case 'f':
      case 'F':
      case 'f*':
      case 'S':
      case 's':
      case 'B':
      case 'b':
      case 'n':
        paths.push({ op: token, rects });
        rects = [];
        break;
      case 'Tm': {
        const [x, y] = stack.slice(-2).map(Number);
        origin = { x: x ?? 0, y: y ?? 0 };
        break;
      }
      case 'Tj': {
        const last = stack.at(-1) ?? '';
        texts.push({ text: last.startsWith('[') ? last.slice(1, -1) : decodeString(last), ...origin });
        break;
      }
      case 'TJ': {
        const last = stack.at(-1) ?? '[]';
        texts.push({ text: last.slice(1, -1), ...origin });
        break;
      }
    }
    stack.length = 0;
  }
  return { paths, text: texts.map((t) => t.text).join('\n'), texts };
}

function decodeString(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s/g, '');
    return Buffer.from(hex, 'hex').toString('latin1');
  }
  return token.slice(1, -1).replace(/\\([()\\])/g, '$1');
}

/** Interleaved 2 of 5 patterns (N narrow, W wide) per digit, from the ITF symbology (ISO/IEC 16390). */
const ITF_PATTERNS: Readonly<Record<string, string>> = {
  NNWWN: '0',
  WNNNW: '1',
  NWNNW: '2',
  WWNNN: '3',
  NNWNW: '4',
  WNWNN: '5',
  NWWNN: '6',
  NNNWW: '7',
  WNNWN: '8',
  NWNWN: '9',
};

export interface DecodedItf {
  digits: string;
  narrow: number;
  wide: number;
  width: number;
  height: number;
  x: number;
  y: number;
}

/** Decodes one ITF symbol from the bars of a filled path (bars sorted left to right; gaps are the spaces). */
export function decodeItf(bars: readonly Rect[]): DecodedItf {
  const sorted = [...bars].sort((a, b) => a.x - b.x);
  const widths: number[] = [];
  sorted.forEach((bar, i) => {
    widths.push(bar.w);
    const next = sorted[i + 1];
    if (next) widths.push(next.x - (bar.x + bar.w));
  });
  const min = Math.min(...widths);
  const max = Math.max(...widths);
  const threshold = (min + max) / 2;
  const kinds = widths.map((w) => (w > threshold ? 'W' : 'N')).join('');
  if (!kinds.startsWith('NNNN')) throw new Error(`início do ITF inválido: ${kinds.slice(0, 4)}`);
  if (!kinds.endsWith('WNN')) throw new Error(`fim do ITF inválido: ${kinds.slice(-3)}`);
  const body = kinds.slice(4, -3);
  if (body.length % 10 !== 0) throw new Error(`ITF com ${body.length} elementos no corpo`);
  let digits = '';
  for (let i = 0; i < body.length; i += 10) {
    const chunk = body.slice(i, i + 10);
    const barsPattern = [0, 2, 4, 6, 8].map((k) => chunk[k]).join('');
    const spacesPattern = [1, 3, 5, 7, 9].map((k) => chunk[k]).join('');
    const a = ITF_PATTERNS[barsPattern];
    const b = ITF_PATTERNS[spacesPattern];
    if (a === undefined || b === undefined) throw new Error(`par ITF inválido: ${chunk}`);
    digits += a + b;
  }
  const first = sorted[0];
  const last = sorted.at(-1);
  return {
    digits,
    narrow: min,
    wide: max,
    width: last && first ? last.x + last.w - first.x : 0,
    height: first?.h ?? 0,
    x: first?.x ?? 0,
    y: first?.y ?? 0,
  };
}

/** Barcodes on a page: filled paths whose rectangles are all bars of one height (13 mm ≈ 36.85 pt). */
export function barcodesOnPage(page: PageContent): DecodedItf[] {
  return page.paths
    .filter((p) => p.op === 'f' && p.rects.length > 40 && p.rects.every((r) => Math.abs(r.h - 36.85) < 0.1))
    .map((p) => decodeItf(p.rects));
}

/** Every QR code on a page, decoded with jsQR from a rasterization of its filled squares. */
export function qrCodesOnPage(page: PageContent): string[] {
  const found: string[] = [];
  for (const path of page.paths) {
    if (path.op !== 'f' || path.rects.length < 30) continue;
    if (path.rects.every((r) => Math.abs(r.h - 36.85) < 0.1)) continue;
    const module = Math.min(...path.rects.map((r) => r.h));
    const minX = Math.min(...path.rects.map((r) => r.x));
    const minY = Math.min(...path.rects.map((r) => r.y));
    const maxX = Math.max(...path.rects.map((r) => r.x + r.w));
    const maxY = Math.max(...path.rects.map((r) => r.y + r.h));
    const scale = 4 / module;
    const margin = 16;
    const width = Math.ceil((maxX - minX) * scale) + 2 * margin;
    const height = Math.ceil((maxY - minY) * scale) + 2 * margin;
    const pixels = new Uint8ClampedArray(width * height * 4).fill(255);
    for (const r of path.rects) {
      const x0 = Math.round((r.x - minX) * scale) + margin;
      const y0 = Math.round((r.y - minY) * scale) + margin;
      const x1 = Math.round((r.x + r.w - minX) * scale) + margin;
      const y1 = Math.round((r.y + r.h - minY) * scale) + margin;
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) {
          const i = (y * width + x) * 4;
          pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
        }
    }
    const code = jsQR(pixels, width, height);
    if (code) found.push(code.data);
  }
  return found;
}
