/**
 * Every layout of every bank profile (src/domain/banks), checked once at load time (a broken layout fails at import,
 * naming layout, record and field).
 */
import { listBanks } from '../banks/registry.js';
import { checkLayout } from './check.js';
import type { CnabDirection, CnabLayout, CnabWidth } from './layout.js';

export const layouts: CnabLayout[] = [240, 400]
  .flatMap((width) =>
    listBanks().flatMap((bank) => {
      const pair = width === 240 ? bank.cnab240 : bank.cnab400;
      return pair ? [pair.remessa, pair.retorno] : [];
    }),
  )
  .map(checkLayout);

const ids = new Set<string>();
for (const layout of layouts) {
  if (ids.has(layout.id)) throw new Error(`layout CNAB repetido: ${layout.id}`);
  ids.add(layout.id);
}

export function findLayout(
  bank: string,
  width: CnabWidth,
  direction: CnabDirection,
  from: CnabLayout[] = layouts,
): CnabLayout | undefined {
  return from.find((l) => l.bank === bank && l.width === width && l.direction === direction);
}

export function listLayouts(): {
  id: string;
  bank: string;
  bankName: string;
  width: CnabWidth;
  direction: CnabDirection;
  source: string;
}[] {
  return layouts.map(({ id, bank, bankName, width, direction, source }) => ({
    id,
    bank,
    bankName,
    width,
    direction,
    source,
  }));
}
