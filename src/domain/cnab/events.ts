import type { Cents } from '../money.js';
import type { CnabDirection, CnabWidth } from './layout.js';

export interface CnabAmounts {
  titleCents: Cents;
  paidCents: Cents;
  interestCents: Cents;
  discountCents: Cents;
  rebateCents: Cents;
  feeCents: Cents;
  otherCostsCents: Cents;
  iofCents: Cents;
  otherCreditsCents: Cents;
  netCents: Cents;
}

/**
 * One normalized retorno detail (240: one T+U pair; 400: one detail record). `occurrence` objects and an empty
 * `reasons` array are shared between events and frozen: copy before changing them.
 */
export interface CnabDetailEvent {
  type: 'detail';
  /** 1-based line of the record that opened the event (T in 240). */
  line: number;
  bank: string;
  layout: CnabWidth;
  layoutId: string;
  /**
   * The occurrence as the file states it, with the bank manual's wording ('' for a code the layout's table lacks).
   * What it does to the título is not the reader's call: see `defaultReturnCommands` (src/domain/banks/registry.ts).
   */
  occurrence: { code: string; description: string };
  reasons: { code: string; description?: string }[];
  nossoNumero: string;
  /** Our título key: "uso da empresa" when filled, otherwise the document number (seu número). */
  seuNumero: string;
  documentNumber: string;
  dueDate: string | null;
  occurredOn: string | null;
  creditedOn: string | null;
  amounts: CnabAmounts;
}

/** A line (or the file) that could not be read: never silently skipped. `error` is pt-BR. */
export interface CnabErrorEvent {
  type: 'error';
  line: number;
  column: number;
  field: string;
  error: string;
  raw: string;
}

/** Emitted once, after the file header is read. */
export interface CnabHeaderEvent {
  type: 'header';
  line: number;
  bank: string;
  layout: CnabWidth;
  layoutId: string;
  direction: CnabDirection;
  fileNumber: number | null;
  generatedOn: string | null;
  companyName: string;
}

export type CnabReadEvent = CnabDetailEvent | CnabErrorEvent | CnabHeaderEvent;
