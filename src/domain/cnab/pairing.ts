/**
 * Pairing of records into events: a start record (240: T; 400: the detail) opens an event, continuation records
 * (240: U) add to it, and the next start, a batch/file record or the end of the file closes it.
 */
import type { CompiledLayout } from './compile.js';
import { errorEvent } from './decode.js';
import type { CnabReadEvent } from './events.js';
import type { Values } from './layout.js';
import { normalize } from './normalize.js';

interface OpenEvent {
  line: number;
  /** The opening line stays in its chunk's text ([start, end)) until an error needs it. */
  text: string;
  start: number;
  end: number;
  values: Values;
  extra?: Values;
  continued: boolean;
}

export class EventPairing {
  private open: OpenEvent | undefined;

  constructor(private readonly compiled: CompiledLayout) {}

  /** A record that opens an event: the open one closes first. */
  start(out: CnabReadEvent[], line: number, text: string, start: number, end: number, values: Values): void {
    this.close(out);
    this.open = { line, text, start, end, values, continued: false };
  }

  /** A continuation record: false when no event is open to continue. */
  continue(out: CnabReadEvent[], values: Values): boolean {
    const open = this.open;
    if (!open) return false;
    open.extra = open.extra ? { ...open.extra, ...values } : values;
    open.continued = true;
    if (!this.compiled.multiContinue) this.close(out);
    return true;
  }

  /** A line of a paired event could not be read: its error stands for the whole event, so the open half goes too. */
  drop(): void {
    if (this.compiled.hasContinue) this.open = undefined;
  }

  /** Emits the open event (or why it cannot be one). */
  close(out: CnabReadEvent[]): void {
    const p = this.open;
    if (!p) return;
    this.open = undefined;
    if (this.compiled.hasContinue && !p.continued) {
      out.push(
        errorEvent(p.line, p.text.slice(p.start, p.end), {
          type: 'error',
          column: 14,
          field: 'segmento',
          error: `registro da linha ${p.line} sem o registro complementar (segmento U) que deveria segui-lo`,
        }),
      );
      return;
    }
    out.push(normalize(this.compiled.layout, p.line, p.values, p.extra));
  }
}
