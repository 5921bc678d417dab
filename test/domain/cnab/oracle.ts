/**
 * Independent oracle: the cnab_yaml layouts (andersondanilo/cnab_yaml, the positions CnabPHP uses, shipped as
 * @banco-br/cnab_yaml) read by @banco-br/nodejs-cnab's own parser (parseRemessaCnab). Bank files there are
 * overrides of the generic FEBRABAN ones, so a line is parsed with both and the bank's fields win.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

interface NodejsCnab {
  BANK: Record<string, { code: string; retorno?: Record<number, string[]> }>;
  generateRemessaCnab(
    files: Record<string, Record<string, string | number>>,
    cnabtype: number,
    bankcode: string,
  ): string | undefined;
  parseRemessaCnab(
    files: string[],
    cnabtype: number,
    bankcode: string,
    retorno: string,
  ): Record<string, string>[] | undefined;
}
const lib = require('@banco-br/nodejs-cnab') as NodejsCnab;

/** The cnab_yaml package folder (cnab240/, cnab400/), wherever npm put it. */
export const cnabYamlDir = path.dirname(require.resolve('@banco-br/cnab_yaml/package.json'));
const yamlDir240 = path.join(cnabYamlDir, 'cnab240');

/**
 * Runs the library from the folder whose node_modules holds cnab_yaml: it opens its YAML files by the relative
 * path ./node_modules/@banco-br/cnab_yaml, so the comparisons work wherever vitest was started. The library logs
 * and swallows its own errors; an empty answer is turned into a failure here so that a comparison never passes
 * vacuously.
 */
function fromPackageRoot<T>(what: string, call: () => T | undefined): T {
  const root = path.resolve(cnabYamlDir, '..', '..', '..');
  const previous = process.cwd();
  process.chdir(root);
  try {
    const result = call();
    if (result === undefined) throw new Error(`nodejs-cnab não respondeu (${what}); veja o erro acima`);
    return result;
  } finally {
    process.chdir(previous);
  }
}

/** The library's bank table (which YAML files make up each bank's 400 retorno). */
export const oracleBanks = lib.BANK;

/** The library's writer: one line per YAML record file, CRLF-joined. */
export function oracleGenerate(
  files: Record<string, Record<string, string | number>>,
  cnabtype: number,
  bankcode: string,
): string {
  return fromPackageRoot(`gerar ${bankcode}/${cnabtype}`, () =>
    lib.generateRemessaCnab(files, cnabtype, bankcode),
  );
}

/** The library's reader: one object per YAML record file, reading the text's lines in order. */
export function oracleParseLines(
  files: string[],
  cnabtype: number,
  bankcode: string,
  text: string,
): Record<string, string>[] {
  return fromPackageRoot(`ler ${bankcode}/${cnabtype}`, () =>
    lib.parseRemessaCnab(files, cnabtype, bankcode, text),
  );
}

function parseWith(relativeYaml: string, line: string): Record<string, string> {
  // parseRemessaCnab reads `cnab240/<bank>/retorno/<name>.yml`; generic/retorno exists, so ../../ reaches any file.
  const [result] = oracleParseLines([`../../${relativeYaml}`], 240, 'generic', line);
  if (!result) throw new Error(`nodejs-cnab não leu a linha com ${relativeYaml}`);
  return result;
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
  const bankFile = candidates.find((f) => existsSync(path.join(yamlDir240, `${f}.yml`)));
  const bank = bankFile ? parseWith(bankFile, line) : {};
  return { ...generic, ...bank };
}
