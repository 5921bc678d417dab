/**
 * Rules every CNAB 400 layout keeps: one remessa and one retorno per bank, the checker's cover of 1-400, the file
 * name pattern, and liquidação ≠ baixa in the occurrence tables (a write-off without payment never reads as paid).
 */
import { describe, expect, it } from 'vitest';
import { defaultReturnCommands } from '../../../src/domain/banks/registry.js';
import { checkLayout } from '../../../src/domain/cnab/check.js';
import { findReturnCommand } from '../../../src/domain/settlement/return-commands.js';
import { layouts } from '../../../src/domain/cnab/registry.js';

const layouts400 = layouts.filter((l) => l.width === 400);
import { writeRemessa } from '../../../src/domain/cnab/writer.js';

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

  it('gives every occurrence code a default command, and never settles a written-off-without-payment one', () => {
    for (const layout of layouts400.filter((l) => l.direction === 'retorno')) {
      const commands = defaultReturnCommands(layout.bank, 400);
      expect(commands.map((c) => c.code)).toEqual(Object.keys(layout.occurrences ?? {}).sort());
      for (const { code, description, action } of commands) {
        const writeOff = /baixa|devolu|franco/i.test(description);
        const payment = /liquida|pagamento|pago|crédito em c\/c/i.test(description);
        if (writeOff && !payment) expect(`${layout.bank} ${code} ${action}`).not.toMatch(/settle$/);
      }
    }
  });

  it('settles every liquidação description (the other direction of the rule above)', () => {
    // A liquidação is money received, whatever came before it (Bradesco 17: liquidação após baixa). Not payments:
    // a reversal (estorno), a tariff or cost about liquidações, a "baixa por ter sido liquidado" notice (the
    // payment came with its own code), and Banrisul 30 "liquidação em trânsito" (cobrança a creditar, not yet in).
    const notPayment = /estorno|baixa por ter sido|tarifa|custas|em tr[aâ]nsito/i;
    const misread: string[] = [];
    for (const layout of layouts.filter((l) => l.width === 400 && l.direction === 'retorno'))
      for (const command of defaultReturnCommands(layout.bank, 400))
        if (
          /liquida[cç][aã]o/i.test(command.description) &&
          !notPayment.test(command.description) &&
          command.action !== 'settle'
        )
          misread.push(`${layout.bank} ${command.code} ${command.action}: ${command.description}`);
    expect(misread).toEqual([]);
  });

  it('settles liquidação em cartório in every bank that has it', () => {
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
      const command = findReturnCommand(defaultReturnCommands(bank, 400), code);
      expect(command, `${bank} ${code}`).toMatchObject({ action: 'settle' });
      expect(command?.description).toMatch(/cart[óo]rio/i);
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
