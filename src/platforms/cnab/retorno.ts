/**
 * A retorno file read through the CNAB engine's reader and turned into PlatformEvents. A detail's event id is a
 * hash of bank, nosso número, occurrence, date and the detail's own lines, so the same file imported twice yields
 * the same ids while two files reporting different things never collide.
 */
import { createHash } from 'node:crypto';
import { PlatformError, type PlatformEvent, type RetornoRead } from '../adapter.js';
import type { CnabDetailEvent } from '../../domain/cnab/events.js';
import { readRetornoText } from '../../domain/cnab/reader.js';
import type { CnabOptions } from './options.js';

function lines(content: string): string[] {
  return content.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
}

/** The lines of one detail: the record that opens it, and for CNAB 240 the U segment that follows. */
function detailLines(all: readonly string[], detail: CnabDetailEvent): string {
  const count = detail.layout === 240 ? 2 : 1;
  return all.slice(detail.line - 1, detail.line - 1 + count).join('\n');
}

export function cnabEventId(detail: CnabDetailEvent, raw: string): string {
  return createHash('sha256')
    .update([detail.bank, detail.nossoNumero, detail.occurrence.code, detail.occurredOn ?? '', raw].join('|'))
    .digest('hex');
}

function nonZero(amounts: PlatformEvent['amounts']): PlatformEvent['amounts'] {
  return Object.fromEntries(Object.entries(amounts).filter(([, cents]) => cents)) as PlatformEvent['amounts'];
}

function toEvent(detail: CnabDetailEvent, raw: string): PlatformEvent {
  const a = detail.amounts;
  return {
    eventId: cnabEventId(detail, raw),
    // The nosso número as a key: banks pad it to their field's width (with or without its DV).
    chargeId: detail.nossoNumero.trim().replace(/^0+(?=.)/, ''),
    ...(detail.seuNumero ? { customId: detail.seuNumero } : {}),
    occurrence: { ...detail.occurrence },
    // The bank reports a calendar date; midnight in São Paulo (UTC−3) stands for it.
    occurredAt: new Date(`${detail.occurredOn ?? '1970-01-01'}T00:00:00-03:00`).toISOString(),
    // A payment's occurrence date is the day the bank received it (data de entrada).
    ...(a.paidCents > 0 && detail.occurredOn ? { paidOn: detail.occurredOn } : {}),
    ...(detail.creditedOn ? { creditedOn: detail.creditedOn } : {}),
    amounts: nonZero({
      paidCents: a.paidCents,
      interestCents: a.interestCents,
      discountCents: a.discountCents,
      rebateCents: a.rebateCents,
      feeCents: a.feeCents,
      otherCostsCents: a.otherCostsCents,
    }),
    raw: { ...detail, lines: raw },
  };
}

/** Reads a retorno of the integration's bank; a file of another bank is refused as a whole. */
export async function retornoEvents(options: CnabOptions, content: string): Promise<RetornoRead> {
  const read = await readRetornoText(content);
  const header = read.find((e) => e.type === 'header');
  if (header && header.bank !== options.bank)
    throw new PlatformError(
      'validation',
      `O arquivo é um retorno do banco ${header.bank}; este portador é do banco ${options.bank}.`,
      { property: 'bank' },
    );
  const all = lines(content);
  const result: RetornoRead = { events: [], errors: [] };
  for (const event of read) {
    if (event.type === 'detail') result.events.push(toEvent(event, detailLines(all, event)));
    else if (event.type === 'error')
      result.errors.push({
        line: event.line,
        column: event.column,
        field: event.field,
        message: event.error,
        raw: event.raw,
      });
  }
  return result;
}
