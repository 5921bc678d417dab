/**
 * Default return commands: every bank ships one for each CNAB retorno it reads, covering every occurrence code of
 * that layout once, and a command naming a code the layout lacks (a typo) fails when the table is built.
 */
import { describe, expect, it } from 'vitest';
import { defaultReturnCommands, listBanks } from '../../../src/domain/banks/registry.js';
import { occurrenceCommands } from '../../../src/domain/cnab/occurrences.js';
import { returnCommandActions } from '../../../src/domain/settlement/return-commands.js';

describe('default return commands', () => {
  for (const bank of listBanks())
    for (const [width, pair] of [
      [240, bank.cnab240],
      [400, bank.cnab400],
    ] as const)
      if (pair)
        it(`${bank.code}-${bank.slug} CNAB ${width}: one command per occurrence code, with its wording`, () => {
          const commands = defaultReturnCommands(bank.code, width);
          const occurrences = pair.retorno.occurrences ?? {};
          expect(commands.map((c) => c.code)).toEqual(Object.keys(occurrences).sort());
          for (const c of commands) {
            expect(c.description).toBe(occurrences[c.code]);
            expect(returnCommandActions).toContain(c.action);
          }
          // Every bank's table confirms, settles and writes off something: a table without them is a broken default.
          const actions = new Set(commands.map((c) => c.action));
          for (const needed of ['confirm_registration', 'settle', 'write_off'] as const)
            expect(actions).toContain(needed);
        });

  it('refuses a command for a code the occurrence table lacks, or one code given twice', () => {
    const table = { '02': 'Entrada confirmada', '06': 'Liquidação' };
    expect(occurrenceCommands(table, { settle: ['06'] })).toEqual([
      { code: '02', description: 'Entrada confirmada', action: 'informative' },
      { code: '06', description: 'Liquidação', action: 'settle' },
    ]);
    expect(() => occurrenceCommands(table, { settle: ['6'] })).toThrow(/comando de retorno 6 \(settle\)/);
    expect(() => occurrenceCommands(table, { settle: ['06'], write_off: ['06'] })).toThrow(/06/);
  });

  it('has none for a bank without that layout', () => {
    expect(defaultReturnCommands('237', 240)).toEqual([]);
    expect(defaultReturnCommands('999', 400)).toEqual([]);
  });
});
