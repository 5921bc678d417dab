/** Every layout, checked once at load time (a broken layout fails at import, naming layout, record and field). */
import { checkLayout } from './check.js';
import type { CnabDirection, CnabLayout, CnabWidth } from './layout.js';
import { layouts240 } from './layouts/240/index.js';
import { layouts400 } from './layouts/400/index.js';

export const layouts: CnabLayout[] = [...layouts240, ...layouts400].map(checkLayout);

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
