/**
 * Splits a stream of chunks into lines, in batches (one array per chunk) so a million-line file costs a million
 * string slices and not a million promise hops. Handles a UTF-8 BOM, CRLF, LF, lone CR, and a last line without a
 * newline. Bytes are decoded as UTF-8; invalid bytes (e.g. Latin-1 accents) become one U+FFFD each, which keeps
 * one column per byte.
 */
export async function* splitLines(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): AsyncGenerator<string[]> {
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
    const out: string[] = [];
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      let end = nl;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      pushLine(out, text.slice(start, end));
      start = nl + 1;
    }
    rest = text.slice(start);
    // A trailing CR may be half of a CRLF split across chunks: keep it in `rest` (it is stripped above).
    if (out.length > 0) yield out;
  }
  const tail = rest + decoder.decode();
  if (tail.length > 0) {
    const out: string[] = [];
    pushLine(out, tail.endsWith('\r') ? tail.slice(0, -1) : tail);
    yield out;
  }
}

/** Lone CRs (old Mac line ends) inside a "line" split it further. */
function pushLine(out: string[], line: string): void {
  if (line.indexOf('\r') < 0) {
    out.push(line);
    return;
  }
  for (const part of line.split('\r')) out.push(part);
}
