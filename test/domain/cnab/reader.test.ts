/**
 * The reader on real-world damage: BOM, trimmed trailing blanks, mixed line ends, no final newline, chunk splits,
 * and malformed input (cut lines, wrong record types, letters in numbers, bad dates, unknown bank, empty file, a
 * file cut mid-line): every problem is an error event with line, column and field, never a crash or a silent skip.
 */
import { describe, expect, it } from 'vitest';
import { readRetorno, readRetornoText } from '../../../src/domain/cnab/reader.js';
import { details, errors, put, retorno240Lines } from './helpers.js';

const file = (lines: string[], eol = '\r\n') => lines.join(eol) + eol;

describe('tolerated real-file quirks', () => {
  const good = retorno240Lines(3);

  it('reads a clean file: one event per T+U, no errors', async () => {
    const events = await readRetornoText(file(good));
    expect(errors(events)).toEqual([]);
    expect(details(events).map((d) => [d.line, d.nossoNumero, d.amounts.paidCents])).toEqual([
      [3, '0000000001', 10000],
      [5, '0000000002', 10001],
      [7, '0000000003', 10002],
    ]);
  });

  it('UTF-8 BOM, LF / CRLF / CR mixed, no final newline', async () => {
    const text = '\ufeff' + good[0] + '\n' + good.slice(1, 4).join('\r\n') + '\r' + good.slice(4).join('\n');
    const events = await readRetornoText(text);
    expect(errors(events)).toEqual([]);
    expect(details(events)).toHaveLength(3);
  });

  it('lines whose trailing blanks were trimmed are padded', async () => {
    const events = await readRetornoText(file(good.map((l) => l.trimEnd())));
    expect(errors(events)).toEqual([]);
    expect(details(events)).toHaveLength(3);
  });

  it('streams byte chunks split anywhere (inside lines, inside CRLF, inside a multibyte char)', async () => {
    const bytes = new TextEncoder().encode(file(good).replace('EMPRESA', 'EMPRESA AÇÚCAR'.slice(0, 7)));
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.slice(i, i + 7));
    async function* gen() {
      yield* chunks;
    }
    const events = [];
    for await (const e of readRetorno(gen())) events.push(e);
    expect(errors(events)).toEqual([]);
    expect(details(events)).toHaveLength(3);
  });
});

describe('malformed input gives error events', () => {
  const good = retorno240Lines(2);

  it('a line cut short inside data (amounts of U missing)', async () => {
    const lines = [...good];
    lines[3] = lines[3]!.slice(0, 90);
    const events = await readRetornoText(file(lines));
    const [error] = errors(events);
    expect(error).toMatchObject({ line: 4, column: 91, field: 'paidCents' });
    expect(error?.error).toMatch(/cortada/);
    expect(error?.raw).toBe(lines[3]);
    // The T whose U is unreadable must not become a half-imported event.
    expect(details(events).map((d) => d.line)).toEqual([5]);
  });

  it('wrong record type / unknown segment', async () => {
    const lines = [...good];
    lines[2] = put(lines[2]!, 14, 'X');
    const events = await readRetornoText(file(lines));
    expect(errors(events)[0]).toMatchObject({ line: 3, column: 8, field: 'tipoRegistro' });
    expect(errors(events)[1]).toMatchObject({ line: 4, field: 'segmento' });
  });

  it('letters in a numeric field', async () => {
    const lines = [...good];
    lines[3] = put(lines[3]!, 80, 'A1');
    const [error] = errors(await readRetornoText(file(lines)));
    expect(error).toMatchObject({ line: 4, column: 80, field: 'paidCents' });
    expect(error?.error).toMatch(/numérico/);
  });

  it('an impossible date', async () => {
    const lines = [...good];
    lines[3] = put(lines[3]!, 138, '31022026');
    const [error] = errors(await readRetornoText(file(lines)));
    expect(error).toMatchObject({ line: 4, column: 138, field: 'occurredOn' });
    expect(error?.error).toMatch(/data válida/);
  });

  it('unknown bank', async () => {
    const lines = good.map((l) => '999' + l.slice(3));
    const events = await readRetornoText(file(lines));
    expect(details(events)).toEqual([]);
    expect(errors(events)).toEqual([
      expect.objectContaining({ line: 1, column: 1, field: 'bankCode', error: expect.stringMatching(/999/) }),
    ]);
  });

  it('an occurrence code missing from the bank table is a normal event, kept whole for the return commands', async () => {
    const lines = [...good];
    lines[2] = put(lines[2]!, 16, '98');
    const events = await readRetornoText(file(lines));
    expect(errors(events)).toEqual([]);
    const [unknown, known] = details(events);
    expect(unknown).toMatchObject({
      line: 3,
      occurrence: { code: '98', description: '' },
      nossoNumero: '0000000001',
      amounts: { paidCents: 10000 },
      action: undefined,
    });
    expect(known).toMatchObject({ occurrence: { code: '06', description: 'Liquidação' }, action: 'settle' });
  });

  it('empty file and blank-only file', async () => {
    expect(errors(await readRetornoText(''))).toEqual([
      expect.objectContaining({ field: 'arquivo', error: 'arquivo vazio' }),
    ]);
    expect(errors(await readRetornoText('\r\n  \r\n'))).toEqual([
      expect.objectContaining({ field: 'arquivo' }),
    ]);
  });

  it('not a CNAB file', async () => {
    const [error] = errors(await readRetornoText('name,amount\nfoo,1\n'));
    expect(error).toMatchObject({ line: 1, field: 'header' });
  });

  it('file cut mid-line: the cut line and the missing trailer are both reported', async () => {
    const text = file(good).slice(0, 240 * 3 + 6 + 100);
    const events = await readRetornoText(text);
    expect(errors(events).map((e) => [e.line, e.field])).toEqual([
      [4, 'netCents'], // U cut after column 100: net amount (93-107) is the first field lost
      [5, 'trailer'],
    ]);
    expect(details(events)).toEqual([]);
  });

  it('T without its U', async () => {
    const lines = [...good.slice(0, 3), ...good.slice(4)];
    const events = await readRetornoText(file(lines));
    expect(errors(events)[0]).toMatchObject({ line: 3, field: 'segmento' });
    expect(details(events)).toHaveLength(1);
  });

  it('trailer record count that disagrees with the file', async () => {
    const lines = [...good];
    lines[lines.length - 1] = put(lines[lines.length - 1]!, 24, '000099');
    const events = await readRetornoText(file(lines));
    expect(errors(events)).toEqual([
      expect.objectContaining({ field: 'fileRecordCount', error: expect.stringMatching(/99/) }),
    ]);
  });

  it('a line longer than the layout with data past column 240', async () => {
    const lines = [...good];
    lines[2] = lines[2] + 'XYZ';
    expect(errors(await readRetornoText(file(lines)))[0]).toMatchObject({
      line: 3,
      column: 241,
      field: 'linha',
    });
  });

  it('a remessa given as retorno', async () => {
    const lines = [...good];
    lines[0] = put(lines[0]!, 143, '1');
    expect(errors(await readRetornoText(file(lines)))[0]).toMatchObject({
      line: 1,
      column: 143,
      field: 'fileDirection',
    });
  });
});

describe('optional segments', () => {
  it('a Y segment (e.g. Santander Y-01 cheque data) between T+U pairs is read and ignored', async () => {
    const good = retorno240Lines(2);
    const y = good[3]!.slice(0, 8) + '00003Y 0601' + ' '.repeat(240 - 19);
    const lines = [...good.slice(0, 4), y, ...good.slice(4)];
    lines[lines.length - 1] = put(lines[lines.length - 1]!, 24, '000009');
    const events = await readRetornoText(lines.join('\r\n'));
    expect(errors(events)).toEqual([]);
    expect(details(events)).toHaveLength(2);
  });
});
