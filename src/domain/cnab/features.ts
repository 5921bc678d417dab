/**
 * What a título can ask of a remessa beyond its amount and dates, each named by the input field that gives it. A
 * layout with no column for one of these refuses the título naming that field (`RemessaPlan.refuses`); it never
 * writes the file without it. test/domain/cnab/no-silent-drop.test.ts proves, per layout, that each feature either
 * changes the written file or is refused.
 */
import { addDays } from '../dates.js';
import type { TituloData } from './remessa-input.js';

export const tituloFeatures = [
  'interest',
  'interestFrom',
  'fine',
  'fineFrom',
  'discount',
  'rebate',
  'iof',
  'protest',
  'writeOff',
  'drawer',
  'pix',
  'messages',
] as const;
export type TituloFeature = (typeof tituloFeatures)[number];

/** The input field (remessa JSON path) that asks for each feature, as error messages name it. */
export const featureField: Record<TituloFeature, string> = {
  interest: 'interest',
  interestFrom: 'interest.from',
  fine: 'fine',
  fineFrom: 'fine.from',
  discount: 'discount',
  rebate: 'rebateCents',
  iof: 'iofCents',
  protest: 'protestDays',
  writeOff: 'writeOffDays',
  drawer: 'drawer',
  pix: 'pix',
  messages: 'messages',
};

/** Features the título asks for. A start date equal to the day after due (the banks' default) asks for nothing. */
export function featuresOf(t: TituloData): TituloFeature[] {
  const dayAfterDue = addDays(t.dueDate, 1);
  const given: Record<TituloFeature, boolean> = {
    interest: t.interest.type !== 'exempt',
    interestFrom:
      t.interest.type !== 'exempt' && t.interest.from !== undefined && t.interest.from !== dayAfterDue,
    fine: t.fine !== undefined,
    fineFrom: t.fine?.from !== undefined && t.fine.from !== dayAfterDue,
    discount: t.discount !== undefined,
    rebate: t.rebateCents > 0,
    iof: t.iofCents > 0,
    protest: t.protestDays !== undefined,
    writeOff: t.writeOffDays !== undefined,
    drawer: t.drawer !== undefined,
    pix: t.pix !== undefined,
    messages: t.messages.some((m) => m.trim() !== ''),
  };
  return tituloFeatures.filter((f) => given[f]);
}
