/**
 * Rules every CNAB 400 layout keeps: one remessa and one retorno per bank, the checker's cover of 1-400, the file
 * name pattern, and liquidação ≠ baixa in the occurrence tables (a write-off without payment never reads as paid).
 */
import { describe, expect, it } from 'vitest';
import { checkLayout } from '../../../../src/domain/cnab/check.js';
import { layouts400 } from '../../../../src/domain/cnab/layouts/400/index.js';
import { writeRemessa } from '../../../../src/domain/cnab/writer.js';

const banks = ['001', '033', '041', '104', '237', '341', '756'];

describe('CNAB 400 layouts', () => {
  it('has one remessa and one retorno layout per bank, each passing the layout checker', () => {
    for (const bank of banks)
      for (const direction of ['remessa', 'retorno'] as const) {
        const found = layouts400.filter((l) => l.bank === bank && l.direction === direction);
        expect(found.map((l) => l.id)).toEqual([`${bank}-400-${direction}`]);
        expect(() => checkLayout(found[0]!)).not.toThrow();
      }
  });

  it('maps every written-off-without-payment description away from "paid"', () => {
    for (const layout of layouts400.filter((l) => l.direction === 'retorno')) {
      for (const [code, info] of Object.entries(layout.occurrences ?? {})) {
        const writeOff = /baixa|devolu|franco/i.test(info.description);
        const payment = /liquida|pagamento|pago|crédito em c\/c/i.test(info.description);
        if (writeOff && !payment) expect(`${layout.bank} ${code} ${info.kind}`).not.toMatch(/paid$/);
      }
    }
  });

  it('maps every liquidação description to "paid" (the other direction of the rule above)', () => {
    // A liquidação is money received, whatever came before it (Bradesco 17: liquidação após baixa). Not payments:
    // a reversal (estorno), a tariff or cost about liquidações, a "baixa por ter sido liquidado" notice (the
    // payment came with its own code), and Banrisul 30 "liquidação em trânsito" (cobrança a creditar, not yet in).
    const notPayment = /estorno|baixa por ter sido|tarifa|custas|em tr[aâ]nsito/i;
    const misread: string[] = [];
    for (const layout of layouts400.filter((l) => l.direction === 'retorno'))
      for (const [code, info] of Object.entries(layout.occurrences ?? {}))
        if (
          /liquida[cç][aã]o/i.test(info.description) &&
          !notPayment.test(info.description) &&
          info.kind !== 'paid'
        )
          misread.push(`${layout.bank} ${code} ${info.kind}: ${info.description}`);
    expect(misread).toEqual([]);
  });

  it('reads liquidação em cartório as paid in every bank that has it', () => {
    const cartorio: Record<string, string> = {
      '001': '15',
      '033': '17',
      '041': '15',
      '104': '22',
      '237': '15',
      '341': '08',
      '756': '15',
    };
    for (const [bank, code] of Object.entries(cartorio)) {
      const layout = layouts400.find((l) => l.bank === bank && l.direction === 'retorno');
      expect(layout?.occurrences?.[code], `${bank} ${code}`).toMatchObject({ kind: 'paid' });
    }
  });

  it('names remessa files <prefixo><DD><MM><NN>.REM with the file of the day', () => {
    const prefixes: Record<string, string> = {
      '001': 'BB',
      '033': 'ST',
      '041': 'BR',
      '104': 'CX',
      '237': 'CB',
      '341': 'CB',
      '756': 'SC',
    };
    for (const layout of layouts400.filter((l) => l.direction === 'remessa')) {
      const name = layout.remessa?.fileName({
        fileNumber: 123,
        fileOfDay: 4,
        generatedOn: '2026-01-31',
        convenio: '',
      });
      expect(name).toBe(`${prefixes[layout.bank]}310104.REM`);
    }
  });

  it('refuses an empty remessa input in pt-BR naming the field', () => {
    expect(() =>
      writeRemessa({
        bank: '237',
        layout: 400,
        fileNumber: 1,
        generatedOn: '2026-11-23',
        portador: { companyName: 'X', companyDocument: '12345678000195', agency: '1', account: '1' },
        titulos: [],
      }),
    ).toThrow(/titulos/);
  });
});
