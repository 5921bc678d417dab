/**
 * Sicredi 748 CNAB 240: espécie do título (P 107-108) from Sicredi's own table, not FEBRABAN C015 — DMI 03, DSI 99,
 * NP 12, RC 17, outros 99 (eduardokum/laravel-boleto Boleto/Banco/Sicredi.php `especiesCodigo240`).
 */
import { describe, expect, it } from 'vitest';
import { writeRemessa } from '../../../../src/domain/cnab/writer.js';
import { bankLayoutCases, inputFor, plainTitulo } from '../../cnab/bank-cases.js';

const sicredi = bankLayoutCases.find((c) => c.bank === '748' && c.layout === 240)!;
const segmentP = (species: 'DM' | 'DS' | 'NP' | 'RC' | 'ME' | 'OU') =>
  writeRemessa(inputFor(sicredi, [plainTitulo(sicredi, { species })])).lines[2]!;

describe('Sicredi 748 CNAB 240 espécie', () => {
  it.each([
    ['DM', '03'],
    ['DS', '99'],
    ['NP', '12'],
    ['RC', '17'],
    ['OU', '99'],
  ] as const)('%s → %s', (species, code) => {
    const p = segmentP(species);
    expect(p.slice(13, 14)).toBe('P');
    expect(p.slice(106, 108)).toBe(code);
  });

  it('refuses a species Sicredi has no code for, naming the field', () => {
    expect(() => segmentP('ME')).toThrow(/campo species: o Sicredi não tem a espécie ME/);
  });
});
