/** Detection: which layout reads a file, from its first line (width, bank, direction), and the file header event. */
import { compileLayout, type CompiledLayout } from './compile.js';
import { decodeLine, errorEvent } from './decode.js';
import type { CnabErrorEvent, CnabHeaderEvent } from './events.js';
import type { CnabDirection, CnabLayout, CnabWidth } from './layout.js';
import { dateOf, str } from './normalize.js';
import { findLayout, layouts as allLayouts } from './registry.js';

export interface ReadOptions {
  /** Force the bank (3 digits); otherwise read from the header. */
  bank?: string;
  /** Force the layout width; otherwise detected from the header. */
  width?: CnabWidth;
  /** Layouts to choose from (default: the registry). */
  layouts?: CnabLayout[];
}

/** Detects width, bank and direction from the first line. */
export function detectHeader(
  line: string,
  options: ReadOptions = {},
):
  | { width: CnabWidth; bank: string; direction: CnabDirection }
  | { error: string; column: number; field: string } {
  const looks240 = /^\d{3}0000 ?0/.test(line.slice(0, 8)) && line.charAt(7) === '0';
  const looks400 = line.charAt(0) === '0' && (line.charAt(1) === '1' || line.charAt(1) === '2');
  const width: CnabWidth | undefined =
    options.width ?? (looks240 && line.length <= 240 ? 240 : looks400 ? 400 : looks240 ? 240 : undefined);
  if (!width)
    return {
      error: 'cabeçalho não reconhecido: não é um header de arquivo CNAB 240 nem CNAB 400',
      column: 1,
      field: 'header',
    };
  const bank = options.bank ?? (width === 240 ? line.slice(0, 3) : line.slice(76, 79));
  if (!/^\d{3}$/.test(bank))
    return {
      error: `código do banco "${bank}" inválido no header (posições ${width === 240 ? '1-3' : '77-79'})`,
      column: width === 240 ? 1 : 77,
      field: 'bankCode',
    };
  const directionChar = width === 240 ? line.charAt(142) : line.charAt(1);
  const direction: CnabDirection = directionChar === '1' ? 'remessa' : 'retorno';
  return { width, bank, direction };
}

/**
 * Opens a retorno at its first line: the compiled layout (unless the file cannot be read at all: `stop`) and the
 * events of that line (the header, and errors such as a remessa given as retorno).
 */
export function openRetorno(
  raw: string,
  lineNo: number,
  options: ReadOptions,
): { compiled?: CompiledLayout; events: (CnabHeaderEvent | CnabErrorEvent)[]; stop: boolean } {
  const detected = detectHeader(raw, options);
  if ('error' in detected) {
    const { column, field, error } = detected;
    return { events: [errorEvent(lineNo, raw, { type: 'error', column, field, error })], stop: true };
  }
  const layout = findLayout(detected.bank, detected.width, 'retorno', options.layouts ?? allLayouts);
  if (!layout)
    return {
      events: [
        errorEvent(lineNo, raw, {
          type: 'error',
          column: detected.width === 240 ? 1 : 77,
          field: 'bankCode',
          error: `banco ${detected.bank} não tem layout de retorno CNAB ${detected.width} cadastrado`,
        }),
      ],
      stop: true,
    };
  const compiled = compileLayout(layout);
  const decoded = decodeLine(compiled, raw);
  if (!decoded.ok) return { compiled, events: [errorEvent(lineNo, raw, decoded.error)], stop: false };
  if (decoded.record.role !== 'fileHeader')
    return {
      events: [
        errorEvent(lineNo, raw, {
          type: 'error',
          column: 1,
          field: 'header',
          error: 'a primeira linha não é o header do arquivo',
        }),
      ],
      stop: true,
    };
  const events: (CnabHeaderEvent | CnabErrorEvent)[] = [];
  if (detected.direction === 'remessa')
    events.push(
      errorEvent(lineNo, raw, {
        type: 'error',
        column: layout.width === 240 ? 143 : 2,
        field: 'fileDirection',
        error: 'o header indica arquivo de REMESSA, não de retorno',
      }),
    );
  const { values } = decoded;
  events.push({
    type: 'header',
    line: lineNo,
    bank: layout.bank,
    layout: layout.width,
    layoutId: layout.id,
    direction: detected.direction,
    fileNumber: values.fileNumber === undefined ? null : Number(values.fileNumber),
    generatedOn: dateOf(values.generatedOn),
    companyName: str(values.companyName),
  });
  return { compiled, events, stop: false };
}
