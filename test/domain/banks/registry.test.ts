/** The bank registry: one folder per bank, each registered once, named `<code>-<slug>`, its parts about that bank. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bankProfile, listBanks } from '../../../src/domain/banks/registry.js';

const banksDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src/domain/banks');

describe('bank registry', () => {
  it('registers every bank folder, and only those, under its <code>-<slug> name', () => {
    const folders = readdirSync(banksDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(listBanks().map((bank) => `${bank.code}-${bank.slug}`)).toEqual(folders);
  });

  it('finds a bank by its code, padded or not', () => {
    expect(bankProfile('237')?.name).toBe('Bradesco');
    expect(bankProfile('1')?.code).toBe('001');
    expect(bankProfile('999')).toBeUndefined();
  });

  it("keeps each part of a profile about that bank's code", () => {
    for (const bank of listBanks()) {
      if (bank.boleto) expect(bank.boleto.code).toBe(bank.code);
      for (const [width, pair] of [
        [240, bank.cnab240],
        [400, bank.cnab400],
      ] as const) {
        if (!pair) continue;
        expect(pair.remessa).toMatchObject({ bank: bank.code, width, direction: 'remessa' });
        expect(pair.retorno).toMatchObject({ bank: bank.code, width, direction: 'retorno' });
      }
    }
  });
});
