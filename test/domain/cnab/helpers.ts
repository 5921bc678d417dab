/** Shared helpers for CNAB tests (240 and 400). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CnabDetailEvent, CnabErrorEvent, CnabReadEvent } from '../../../src/domain/cnab/events.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const samplesDir = path.resolve(repoRoot, '..', 'shared', 'cnab-samples');
export const samplesPresent = existsSync(samplesDir);
export const SAMPLES_ABSENT = `pasta de amostras CNAB ausente (${samplesDir}): testes com arquivos reais pulados`;

/** A sample file as the bank wrote it (bytes → latin1 text keeps one column per byte). */
export function sample(name: string): string {
  return readFileSync(path.join(samplesDir, name), 'latin1');
}

export const details = (events: CnabReadEvent[]): CnabDetailEvent[] =>
  events.filter((e): e is CnabDetailEvent => e.type === 'detail');
export const errors = (events: CnabReadEvent[]): CnabErrorEvent[] =>
  events.filter((e): e is CnabErrorEvent => e.type === 'error');

/** Puts `text` at 1-based position `start` of a line of `width` blanks/zeros built by the caller. */
export function put(line: string, start: number, text: string): string {
  return line.slice(0, start - 1) + text + line.slice(start - 1 + text.length);
}
