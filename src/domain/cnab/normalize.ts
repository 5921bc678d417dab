/** Normalization: the decoded values of one event's records become one CnabDetailEvent. */
import type { CnabDetailEvent } from './events.js';
import type { EventField } from './fields.js';
import type { CnabLayout, Value } from './layout.js';
import { describeReason } from './occurrences.js';

export const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : String(v));
const centsOf = (v: unknown): number => (typeof v === 'number' ? v : 0);
export const dateOf = (v: unknown): string | null => (typeof v === 'string' && v.length === 10 ? v : null);

function allZeros(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 48) return false;
  return true;
}

/** The decoded values of one record, as normalization may read them: only event fields (a typo does not compile). */
type EventValues = Readonly<Partial<Record<EventField, Value>>>;

const NO_REASONS: { code: string; description?: string }[] = Object.freeze([]) as never;
const occurrenceCache = new WeakMap<CnabLayout, Map<string, { code: string; description: string }>>();

/** One frozen `{code, description}` per layout and code, shared by every event that carries it. */
function occurrenceOf(
  layout: CnabLayout,
  code: string,
  description: string,
): { code: string; description: string } {
  let byCode = occurrenceCache.get(layout);
  if (!byCode) occurrenceCache.set(layout, (byCode = new Map()));
  let o = byCode.get(code);
  if (!o) byCode.set(code, (o = Object.freeze({ code, description })));
  return o;
}

/**
 * Turns the start record's values (240: T) plus the continuation's (240: U) into the normalized event. The start
 * record's value wins; the continuation fills what it lacks (each amount comes from the segment that has it). A code
 * the layout's occurrence table lacks is reported as it came, with no description: what it does is the return
 * commands' business, not the reader's.
 */
export function normalize(
  layout: CnabLayout,
  line: number,
  t: EventValues,
  u: EventValues | undefined,
): CnabDetailEvent {
  const x = u ?? t;
  const code = str(t.occurrenceCode ?? x.occurrenceCode);
  const rawReasons = t.reasons ?? x.reasons;
  const reasons =
    Array.isArray(rawReasons) && rawReasons.length > 0
      ? rawReasons.map((r) => {
          const description = describeReason(layout.reasons, code, r);
          return description ? { code: r, description } : { code: r };
        })
      : NO_REASONS;
  // All-zero identifiers are "not informed" (banks zero-fill alphanumeric fields).
  const companyUseRaw = str(t.companyUse ?? x.companyUse);
  const companyUse = allZeros(companyUseRaw) ? '' : companyUseRaw;
  const documentNumber = str(t.documentNumber ?? x.documentNumber);
  return {
    type: 'detail',
    line,
    bank: layout.bank,
    layout: layout.width,
    layoutId: layout.id,
    occurrence: occurrenceOf(layout, code, layout.occurrences?.[code] ?? ''),
    reasons,
    nossoNumero: str(t.nossoNumero ?? x.nossoNumero),
    seuNumero: companyUse !== '' ? companyUse : allZeros(documentNumber) ? '' : documentNumber,
    documentNumber,
    dueDate: dateOf(t.dueDate ?? x.dueDate),
    occurredOn: dateOf(t.occurredOn ?? x.occurredOn),
    creditedOn: dateOf(t.creditedOn ?? x.creditedOn),
    amounts: {
      titleCents: centsOf(t.titleCents ?? x.titleCents),
      paidCents: centsOf(t.paidCents ?? x.paidCents),
      interestCents: centsOf(t.interestCents ?? x.interestCents),
      discountCents: centsOf(t.discountCents ?? x.discountCents),
      rebateCents: centsOf(t.rebateCents ?? x.rebateCents),
      feeCents: centsOf(t.feeCents ?? x.feeCents),
      otherCostsCents: centsOf(t.otherCostsCents ?? x.otherCostsCents),
      iofCents: centsOf(t.iofCents ?? x.iofCents),
      otherCreditsCents: centsOf(t.otherCreditsCents ?? x.otherCreditsCents),
      netCents: centsOf(t.netCents ?? x.netCents),
    },
  };
}
