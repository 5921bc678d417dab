/**
 * CNAB 240 batch trailer of the remessa, per bank manual: 18-23 quantidade de registros do lote (G057) everywhere;
 * 24-29 quantidade and 30-46 valor dos títulos em cobrança simples (C070/C071) filled by Banrisul, CAIXA (SIGCB 050),
 * Itaú and Sicoob; zeros at Banco do Brasil and Sicredi (totals only in their retorno); Santander's trailer is the
 * count followed by 217 blanks. Cross-checked with eduardokum/laravel-boleto Remessa/Cnab240/Banco/*.php
 * `trailerLote` and kivanio/brcobranca remessa/cnab240/*.rb `complemento_trailer`.
 */
import { describe, expect, it } from 'vitest';
import { writeRemessa } from '../../../src/domain/cnab/writer.js';
import { bankLayoutCases, inputFor, plainTitulo } from './bank-cases.js';

const at = (line: string, start: number, end: number) => line.slice(start - 1, end);

const expected: Record<string, { totals: 'filled' | 'zeros' | 'blank'; after: string }> = {
  '001': { totals: 'zeros', after: '0'.repeat(69) },
  '033': { totals: 'blank', after: ' '.repeat(69) },
  '041': { totals: 'filled', after: '0'.repeat(69) },
  '104': { totals: 'filled', after: '0'.repeat(46) + ' '.repeat(23) },
  '341': { totals: 'filled', after: '0'.repeat(69) },
  '748': { totals: 'zeros', after: '0'.repeat(69) },
  '756': { totals: 'filled', after: '0'.repeat(69) },
};

describe.each(bankLayoutCases.filter((c) => c.layout === 240))('CNAB 240 $bank: trailer de lote', (c) => {
  const written = writeRemessa(
    inputFor(c, [
      plainTitulo(c, { amountCents: 123456 }),
      plainTitulo(c, {
        amountCents: 100,
        seuNumero: 'NF2026-0002',
        fine: { type: 'percent', basisPoints: 200 },
      }),
    ]),
  );
  const trailer = written.lines.at(-2)!;
  const { totals, after } = expected[c.bank]!;

  it('counts the batch records: header, P+Q (+R) per título, trailer', () => {
    expect(at(trailer, 8, 8)).toBe('5');
    expect(Number(at(trailer, 18, 23))).toBe(written.lines.length - 2);
  });

  it(`writes the cobrança simples totals as the manual says (${totals})`, () => {
    const text = at(trailer, 24, 46);
    if (totals === 'filled') expect(text).toBe('000002' + '00000000000123556');
    else if (totals === 'zeros') expect(text).toBe('0'.repeat(23));
    else expect(text).toBe(' '.repeat(23));
    expect(at(trailer, 47, 115)).toBe(after);
    expect(at(trailer, 124, 240)).toBe(' '.repeat(117));
  });
});
