/** The layout contract, its load-time check, variants by patch, and the writer's text rules. */
import { describe, expect, it } from 'vitest';
import { checkLayout, CnabLayoutError } from '../../../src/domain/cnab/check.js';
import { decodeField, encodeField, toCnabAscii } from '../../../src/domain/cnab/codec.js';
import {
  alpha,
  blank,
  cents,
  date6,
  num,
  patchRecord,
  type CnabLayout,
  type FieldSpec,
  type RecordSpec,
} from '../../../src/domain/cnab/layout.js';
import { readRecords } from '../../../src/domain/cnab/reader.js';
import { layouts } from '../../../src/domain/cnab/registry.js';
import type { RemessaInput } from '../../../src/domain/cnab/remessa-input.js';
import { CnabWriteError, writeRemessa } from '../../../src/domain/cnab/writer.js';
import { segmentP } from '../../../src/domain/cnab/febraban-240.js';

const record = (fields: RecordSpec['fields']): RecordSpec => ({
  name: 'detail',
  role: 'detail',
  event: 'start',
  match: [{ start: 1, value: '1' }],
  fields,
});
const layout = (records: RecordSpec[]): CnabLayout => ({
  id: 'teste-400-retorno',
  bank: '999',
  bankName: 'TESTE',
  width: 400,
  direction: 'retorno',
  source: 'teste',
  records,
});

describe('checkLayout', () => {
  it('accepts every registered layout (they are checked at import)', () => {
    expect(layouts.length).toBeGreaterThanOrEqual(14);
    for (const l of layouts) expect(checkLayout(l)).toBe(l);
  });

  it('names layout, record and field for a gap', () => {
    const bad = layout([record([num('serviceType', 1, 1), alpha('companyName', 3, 400)])]);
    expect(() => checkLayout(bad)).toThrow(CnabLayoutError);
    expect(() => checkLayout(bad)).toThrow(
      /layout teste-400-retorno, registro detail, campo companyName \(3-400\): lacuna nas posições 2-2/,
    );
  });

  it('names the overlap and a wrong total width', () => {
    expect(() =>
      checkLayout(layout([record([num('serviceType', 1, 2), alpha('companyName', 2, 400)])])),
    ).toThrow(/campo companyName \(2-400\): sobrepõe serviceType \(1-2\)/);
    expect(() =>
      checkLayout(layout([record([num('serviceType', 1, 1), alpha('companyName', 2, 240)])])),
    ).toThrow(/cobre 240 posições, o layout exige exatamente 400/);
    expect(() =>
      checkLayout(layout([record([num('serviceType', 1, 1), date6('generatedOn', 2, 9), blank(10, 400)])])),
    ).toThrow(/DDMMAA precisa de 6/);
  });

  it('refuses a field name outside fields.ts: a typo cannot silently drop an amount', () => {
    // A layout that escapes the type check (JSON, a cast) is still caught when it loads.
    const typo = { ...cents('paidCents', 2, 14), name: 'paidCent' } as unknown as FieldSpec;
    expect(() => checkLayout(layout([record([num('serviceType', 1, 1), typo, blank(15, 400)])]))).toThrow(
      /campo paidCent \(2-14\): nome de campo desconhecido/,
    );
    // @ts-expect-error a misspelled canonical name does not type-check
    cents('paidCent', 2, 14);
  });
});

describe('patchRecord (a variant states only what differs)', () => {
  it('replaces by position and keeps leftovers as filler, so the record still covers 1-240', () => {
    const patched = patchRecord(segmentP, [num('nossoNumero', 38, 47), num('installment', 48, 49)]);
    const byName = Object.fromEntries(
      patched.fields.filter((f) => f.name !== '_').map((f) => [f.name, [f.start, f.end]]),
    );
    expect(byName.nossoNumero).toEqual([38, 47]);
    expect(byName.installment).toEqual([48, 49]);
    expect(patched.fields.find((f) => f.start === 50)).toMatchObject({ name: '_', end: 57 });
    expect(() => checkLayout({ ...layout([patched]), width: 240, direction: 'remessa' })).not.toThrow();
  });
});

describe('field codec', () => {
  it('removes accents and keeps one column per character', () => {
    expect(toCnabAscii('Ação São João — Ñandú ½ ﬁm')).toBe('Acao Sao Joao   Nandu 1 2 fim');
    const field = alpha('companyName', 1, 10);
    expect(encodeField(field, 'Conceição Ltda')).toBe('CONCEICAO ');
    expect(encodeField(field, 'çççççççççççç')).toHaveLength(10);
  });

  it('numbers: left zeros, punctuation of documents dropped, overflow is an error naming the field', () => {
    expect(encodeField(num('payerZip', 1, 8), '01035-100')).toBe('01035100');
    expect(encodeField(cents('amountCents', 1, 13), 123456)).toBe('0000000123456');
    expect(() => encodeField(num('agency', 1, 4), '123456')).toThrow(
      /agency: "123456" não cabe em 4 posições/,
    );
    expect(() => encodeField(num('agency', 1, 4), 'ABCD')).toThrow(/deveria ser numérico/);
  });

  it('dates: DDMMAA with the 1970 pivot, zeros read as no date, invalid dates rejected', () => {
    const f = date6('dueDate', 1, 6);
    expect(decodeField('201126', f)).toBe('2026-11-20');
    expect(decodeField('311299', f)).toBe('1999-12-31');
    expect(decodeField('000000', f)).toBeNull();
    expect(() => decodeField('310226', f)).toThrow(/não é uma data válida/);
    expect(encodeField(f, '2026-11-20')).toBe('201126');
  });
});

const base: RemessaInput = {
  bank: '756',
  layout: 240,
  fileNumber: 1,
  generatedOn: '2026-11-23',
  portador: {
    companyName: 'Ótica Visão Ltda',
    companyDocument: '11222333000181',
    agency: '4327',
    account: '36668',
    accountDigit: '8',
  },
  titulos: [
    {
      nossoNumero: '0000429715',
      seuNumero: 'A1',
      issueDate: '2026-11-20',
      dueDate: '2026-12-20',
      amountCents: 100,
      payer: {
        name: 'Ñandú Ação Ônibus Çedilha Ümlaut Émile Ãngela Õlga Ícaro Úrsula',
        document: '12345678909',
        address: 'Praça da Sé',
        city: 'São Paulo',
        state: 'SP',
      },
    },
  ],
};

describe('writeRemessa', () => {
  it('multibyte characters never make a line longer than 240', () => {
    const written = writeRemessa(base);
    expect(written.lines.every((l) => l.length === 240)).toBe(true);
    expect(Buffer.byteLength(written.content, 'utf8')).toBe(written.lines.length * 242);
    expect(written.lines[3]!.slice(33, 73)).toBe('NANDU ACAO ONIBUS CEDILHA UMLAUT EMILE A');
  });

  it('rejects invalid input with pt-BR messages naming the field (zod boundary)', () => {
    const bad = { ...base, titulos: [{ ...base.titulos[0]!, dueDate: '2026-02-30', amountCents: -1 }] };
    expect(() => writeRemessa(bad)).toThrow(CnabWriteError);
    expect(() => writeRemessa(bad)).toThrow(/titulos\.0\.dueDate: data inválida/);
  });

  it('rejects a movement the bank does not accept, naming the título', () => {
    const bad = {
      ...base,
      bank: '341',
      titulos: [{ ...base.titulos[0]!, nossoNumero: '123456780', movement: 'grantDiscount' as const }],
    };
    expect(() => writeRemessa(bad)).toThrow(
      /títulos\[0\] \(seu número A1\): o banco 341 .* não aceita o movimento grantDiscount/,
    );
  });

  it('rejects a value that does not fit its field instead of cutting digits', () => {
    const bad = { ...base, titulos: [{ ...base.titulos[0]!, nossoNumero: '123456789012' }] };
    expect(() => writeRemessa(bad)).toThrow(
      /registro P: campo nossoNumero: "123456789012" não cabe em 10 posições/,
    );
  });

  it('writes the movement codes for due-date change, write-off and rebate', () => {
    const t = base.titulos[0]!;
    const written = writeRemessa({
      ...base,
      titulos: [
        { ...t, movement: 'changeDueDate' },
        { ...t, movement: 'writeOff' },
        { ...t, movement: 'grantRebate', rebateCents: 500 },
      ],
    });
    const ps = readRecords(written.layout, written.content).flatMap((r) =>
      'record' in r && r.record === 'P' ? [r.values] : [],
    );
    // FEBRABAN C004: 06 alteração de vencimento, 02 pedido de baixa, 04 concessão de abatimento.
    expect(ps.map((p) => p.movementCode)).toEqual(['06', '02', '04']);
    expect(ps[2]?.rebateCents).toBe(500);
  });

  it('adds the Y-03 PIX segment for a boleto híbrido', () => {
    const written = writeRemessa({
      ...base,
      bank: '001',
      portador: { ...base.portador, convenio: '1234567', carteira: '17', variation: '019' },
      titulos: [
        {
          ...base.titulos[0]!,
          nossoNumero: '12345670000000001',
          pix: { keyType: 'evp', key: '123e4567-e89b-12d3-a456-426614174000', txid: 'TX123' },
        },
      ],
    });
    const y = readRecords(written.layout, written.content).find((r) => 'record' in r && r.record === 'Y03');
    expect(y && 'values' in y ? y.values : {}).toMatchObject({
      pixKeyType: '5',
      pixKey: '123e4567-e89b-12d3-a456-426614174000',
      pixTxid: 'TX123',
    });
  });
});
