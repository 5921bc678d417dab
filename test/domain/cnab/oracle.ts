/**
 * Independent oracle: the cnab_yaml layouts (andersondanilo/cnab_yaml, the positions CnabPHP uses, shipped as
 * @banco-br/cnab_yaml) read by @banco-br/nodejs-cnab's own parser (parseRemessaCnab). Bank files there are
 * overrides of the generic FEBRABAN ones, so a line is parsed with both and the bank's fields win.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './helpers.js';

const require = createRequire(import.meta.url);
const lib = require('@banco-br/nodejs-cnab') as {
  parseRemessaCnab: (
    files: string[],
    cnabtype: number,
    bankcode: string,
    retorno: string,
  ) => Record<string, string>[];
};

const yamlDir = path.join(repoRoot, 'node_modules', '@banco-br', 'cnab_yaml', 'cnab240');

/** The library resolves YAML paths from the working directory: it must be the repo root (vitest's default). */
export const oracleAvailable = existsSync(yamlDir) && process.cwd() === repoRoot;

function parseWith(relativeYaml: string, line: string): Record<string, string> {
  // parseRemessaCnab reads `cnab240/<bank>/retorno/<name>.yml`; generic/retorno exists, so ../../ reaches any file.
  const [result] = lib.parseRemessaCnab([`../../${relativeYaml}`], 240, 'generic', line) ?? [];
  return result ?? {};
}

/** Parses one 240 line: generic `<dir>/<segment>` merged with the bank's `<dir>/<segment>` or `<segment>` file. */
export function oracleParse(
  line: string,
  dir: 'remessa' | 'retorno',
  segment: string,
  bankDir?: string,
): Record<string, string> {
  const generic = parseWith(`generic/${dir}/${segment}`, line);
  const candidates = bankDir ? [`${bankDir}/${dir}/${segment}`, `${bankDir}/${segment}`] : [];
  const bankFile = candidates.find((f) => existsSync(path.join(yamlDir, `${f}.yml`)));
  const bank = bankFile ? parseWith(bankFile, line) : {};
  return { ...generic, ...bank };
}
