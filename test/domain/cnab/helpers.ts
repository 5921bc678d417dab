/** Shared helpers for CNAB tests (240 and 400). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultReturnCommands } from '../../../src/domain/banks/registry.js';
import type { CnabDetailEvent, CnabErrorEvent, CnabReadEvent } from '../../../src/domain/cnab/events.js';
import {
  findReturnCommand,
  type ReturnCommandAction,
} from '../../../src/domain/settlement/return-commands.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const samplesDir = path.resolve(repoRoot, '..', 'shared', 'cnab-samples');
export const samplesPresent = existsSync(samplesDir);
export const SAMPLES_ABSENT = `pasta de amostras CNAB ausente (${samplesDir}): testes com arquivos reais pulados`;

/** A sample file as the bank wrote it (bytes → latin1 text keeps one column per byte). */
export function sample(name: string): string {
  return readFileSync(path.join(samplesDir, name), 'latin1');
}

/** A detail event with the action its bank's default return commands give its code (undefined: none). */
export type ClassifiedDetail = CnabDetailEvent & { action: ReturnCommandAction | undefined };

export const details = (events: CnabReadEvent[]): ClassifiedDetail[] =>
  events
    .filter((e): e is CnabDetailEvent => e.type === 'detail')
    .map((e) => ({
      ...e,
      action: findReturnCommand(defaultReturnCommands(e.bank, e.layout), e.occurrence.code)?.action,
    }));
export const errors = (events: CnabReadEvent[]): CnabErrorEvent[] =>
  events.filter((e): e is CnabErrorEvent => e.type === 'error');

/** Puts `text` at 1-based position `start` of a line of `width` blanks/zeros built by the caller. */
export function put(line: string, start: number, text: string): string {
  return line.slice(0, start - 1) + text + line.slice(start - 1 + text.length);
}

/** Builds a line of `width` blanks, placing each text at its 1-based position (as a manual's table lists it). */
export function buildLine(width: number, parts: [number, string][]): string {
  let line = ' '.repeat(width);
  for (const [start, text] of parts)
    line = line.slice(0, start - 1) + text + line.slice(start - 1 + text.length);
  return line;
}

const z = (n: number, v: number | string) => String(v).padStart(n, '0');

/** A valid FEBRABAN 240 retorno (bank 001 by default) with `pairs` T+U pairs, as an array of lines. */
export function retorno240Lines(pairs = 2, bank = '001'): string[] {
  const lines = [
    buildLine(240, [
      [1, bank],
      [4, '0000'],
      [8, '0'],
      [73, 'EMPRESA'],
      [143, '2'],
      [144, '23112026'],
      [158, '000077'],
    ]),
    buildLine(240, [
      [1, bank],
      [4, '0001'],
      [8, '1'],
      [9, 'T'],
    ]),
  ];
  for (let i = 0; i < pairs; i++) {
    lines.push(
      buildLine(240, [
        [1, bank],
        [4, '0001'],
        [8, '3'],
        [9, z(5, 2 * i + 1)],
        [14, 'T'],
        [16, '06'],
        [38, z(10, i + 1)],
        [74, '21122026'],
        [82, z(15, 10000 + i)],
        [106, `TIT-${i}`],
        [199, z(15, 150)],
      ]),
      buildLine(240, [
        [1, bank],
        [4, '0001'],
        [8, '3'],
        [9, z(5, 2 * i + 2)],
        [14, 'U'],
        [16, '06'],
        [18, z(15, 0)],
        [33, z(15, 0)],
        [48, z(15, 0)],
        [63, z(15, 0)],
        [78, z(15, 10000 + i)],
        [93, z(15, 9850 + i)],
        [108, z(15, 0)],
        [123, z(15, 0)],
        [138, '22122026'],
        [146, '23122026'],
      ]),
    );
  }
  lines.push(
    buildLine(240, [
      [1, bank],
      [4, '0001'],
      [8, '5'],
      [18, z(6, pairs * 2 + 2)],
    ]),
  );
  lines.push(
    buildLine(240, [
      [1, bank],
      [4, '9999'],
      [8, '9'],
      [18, '000001'],
      [24, z(6, pairs * 2 + 4)],
    ]),
  );
  return lines;
}
