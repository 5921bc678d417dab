/**
 * Splits a stream of chunks into lines, one batch of [start, end) ranges per chunk, so a million-line file costs no
 * per-line promise hop and no per-line string: the reader decodes each line in place inside its chunk. Handles a
 * UTF-8 BOM, CRLF, LF, lone CR, and a last line without a newline. Bytes are decoded as UTF-8; invalid bytes (e.g.
 * Latin-1 accents) become one U+FFFD each, which keeps one column per byte.
 */
/** One chunk's complete lines as [start, end) ranges into `text` (line ends excluded): no per-line strings. */
export interface LineRanges {
  text: string;
  starts: number[];
  ends: number[];
}

/**
 * Yields, per input chunk, the ranges of its complete lines (the rest waits for the next chunk); ranges point into the
 * chunk's text so the reader can decode lines in place.
 */
export async function* splitLineRanges(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): AsyncGenerator<LineRanges> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let first = true;
  for await (const chunk of chunks as AsyncIterable<string | Uint8Array>) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    text = rest + text;
    const starts: number[] = [];
    const ends: number[] = [];
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      let end = nl;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      pushRange(text, start, end, starts, ends);
      start = nl + 1;
    }
    rest = text.slice(start);
    if (starts.length > 0) yield { text, starts, ends };
  }
  let tail = rest + decoder.decode();
  if (tail.endsWith('\r')) tail = tail.slice(0, -1);
  if (tail.length > 0) {
    const starts: number[] = [];
    const ends: number[] = [];
    pushRange(tail, 0, tail.length, starts, ends);
    yield { text: tail, starts, ends };
  }
}

/** A lone CR (old Mac line end) inside a range splits it further. */
function pushRange(text: string, start: number, end: number, starts: number[], ends: number[]): void {
  let s = start;
  for (;;) {
    const cr = text.indexOf('\r', s);
    if (cr < 0 || cr >= end) break;
    starts.push(s);
    ends.push(cr);
    s = cr + 1;
  }
  starts.push(s);
  ends.push(end);
}
