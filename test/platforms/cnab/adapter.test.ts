/**
 * The CNAB adapter: registration is a line in a remessa (checked at the positions of the Itaú CNAB 400 manual,
 * "Cobrança — layout de arquivos CNAB 400", registro de transação tipo 1), and a retorno comes back as events
 * through the engine's reader. The real Itaú retorno comes from the shared samples (brcobranca, MIT); expected
 * values are sliced from its lines at the manual's positions, not taken from the reader.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PlatformError, type ChargeRequest, type PlatformAdapter } from '../../../src/platforms/adapter.js';
import { cnabDefinition } from '../../../src/platforms/cnab/adapter.js';
import { platformDefinition } from '../../../src/platforms/registry.js';

const samplesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/cnab-samples',
);
const itauRetorno = path.join(samplesDir, 'brcobranca-CNAB400ITAU.RET');

const options = {
  bank: '341',
  layout: 400,
  portador: {
    companyName: 'Comércio de Peças São João Ltda',
    companyDocument: '11222333000181',
    agency: '1234',
    account: '12345',
    accountDigit: '6',
    carteira: '109',
  },
};

const adapter: PlatformAdapter = cnabDefinition.create(cnabDefinition.optionsSchema.parse(options), {
  environment: 'production',
});

const charge = (customId: string, amountCents: number, dueDate: string): ChargeRequest => ({
  customId,
  kind: 'boleto',
  description: 'Duplicata',
  amountCents,
  issueDate: '2026-12-01',
  dueDate,
  payer: {
    name: 'José da Conceição',
    document: '94271564656',
    address: {
      street: 'Rua das Acácias',
      number: '120',
      district: 'Centro',
      city: 'Ouro Preto',
      state: 'MG',
      postalCode: '35400-000',
    },
  },
});

/** 1-based inclusive positions, as the manuals list them. */
const at = (line: string, from: number, to: number) => line.slice(from - 1, to);

async function rejection(run: () => unknown): Promise<PlatformError> {
  const error = await Promise.resolve()
    .then(run)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe('definition', () => {
  it('declares registerBoleto and cnabFiles only, and offers writeRemessa/readRetorno instead of register', () => {
    const enabled = Object.entries(cnabDefinition.capabilities)
      .filter(([, on]) => on)
      .map(([name]) => name);
    expect(enabled).toEqual(['registerBoleto', 'cnabFiles']);
    expect(adapter.register).toBeUndefined();
    expect(adapter.writeRemessa).toBeTypeOf('function');
    expect(adapter.readRetorno).toBeTypeOf('function');
    expect(platformDefinition('cnab')).toBe(cnabDefinition);
    expect(cnabDefinition.secretOptions).toEqual([]);
  });

  it('refuses a bank without a CNAB layout of that width', () => {
    const parsed = cnabDefinition.optionsSchema.safeParse({ ...options, bank: '999' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['layout']);
  });
});

describe('remessa', () => {
  it('one detail per título, fields at the Itaú manual’s positions, 400 columns, CRLF', () => {
    const file = adapter.writeRemessa!({
      fileNumber: 12,
      generatedOn: '2026-12-02',
      titulos: [
        { nossoNumero: '00001234', charge: charge('NF1001-1', 150_075, '2026-12-20') },
        { nossoNumero: '00001235', charge: charge('NF1001-2', 150_075, '2027-01-20') },
      ],
    });
    const lines = file.content.split('\r\n');
    expect(lines.at(-1)).toBe('');
    const records = lines.slice(0, -1);
    expect(file.lineCount).toBe(records.length);
    expect(records.every((l) => l.length === 400)).toBe(true);
    expect(at(records[0]!, 1, 19)).toBe('01REMESSA01COBRANCA');
    expect(at(records[0]!, 77, 79)).toBe('341');
    const details = records.filter((l) => l.startsWith('1'));
    expect(details).toHaveLength(2);
    const [first] = details;
    expect(at(first!, 38, 62).trimEnd()).toBe('NF1001-1');
    expect(at(first!, 63, 70)).toBe('00001234');
    expect(at(first!, 121, 126)).toBe('201226');
    expect(at(first!, 127, 139)).toBe('0000000150075');
    expect(at(first!, 221, 234)).toBe('00094271564656');
    expect(at(first!, 235, 264).trimEnd()).toBe('JOSE DA CONCEICAO');
    expect(records.at(-1)!.startsWith('9')).toBe(true);
    expect(file.fileName).toMatch(/\.REM$/i);
  });

  it('a boleto híbrido without the portador’s PIX key is a validation error naming the título', async () => {
    const error = await rejection(() =>
      adapter.writeRemessa!({
        fileNumber: 1,
        generatedOn: '2026-12-02',
        titulos: [
          { nossoNumero: '00000001', charge: { ...charge('H-1', 1_000, '2026-12-20'), kind: 'hybrid' } },
        ],
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(/H-1: boleto híbrido exige chave PIX/);
  });

  it('what the layout cannot carry is a validation error naming the título', async () => {
    const error = await rejection(() =>
      adapter.writeRemessa!({
        fileNumber: 1,
        generatedOn: '2026-12-02',
        titulos: [{ nossoNumero: '123456789', charge: charge('LONGO-1', 1_000, '2026-12-20') }],
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(/LONGO-1/);
  });
});

describe.skipIf(!existsSync(itauRetorno))('retorno (real Itaú CNAB 400 file)', () => {
  const text = existsSync(itauRetorno) ? readFileSync(itauRetorno, 'latin1') : '';
  const detailLines = text.split(/\r?\n/).filter((l) => l.startsWith('1'));

  it('one event per detail record, amounts and dates from the manual’s positions', async () => {
    const read = await adapter.readRetorno!(text);
    expect(read.errors).toEqual([]);
    expect(read.events).toHaveLength(detailLines.length);
    read.events.forEach((event, index) => {
      const line = detailLines[index]!;
      // The nosso número as a key: the field's zero padding is not part of it.
      expect(event.chargeId).toBe(at(line, 63, 70).replace(/^0+(?=.)/, ''));
      expect(event.occurrence.code).toBe(at(line, 109, 110));
      const date = at(line, 111, 116);
      expect(event.occurredAt.slice(0, 10)).toBe(
        `20${date.slice(4, 6)}-${date.slice(2, 4)}-${date.slice(0, 2)}`,
      );
      expect(event.amounts.paidCents ?? 0).toBe(Number(at(line, 254, 266)));
      expect(event.amounts.feeCents ?? 0).toBe(Number(at(line, 176, 188)));
    });
  });

  it('event ids are unique in the file and the same when the file is read again', async () => {
    const first = (await adapter.readRetorno!(text)).events.map((e) => e.eventId);
    const again = (await adapter.readRetorno!(text)).events.map((e) => e.eventId);
    expect(new Set(first).size).toBe(first.length);
    expect(again).toEqual(first);
  });

  it('round trip: a título sent in our remessa comes back with its custom id and nosso número', async () => {
    const sent = adapter.writeRemessa!({
      fileNumber: 13,
      generatedOn: '2026-12-02',
      titulos: [{ nossoNumero: '00004321', charge: charge('NF2002-1', 4_000, '2026-12-20') }],
    });
    const detail = sent.content.split('\r\n').find((l) => l.startsWith('1'))!;
    // The bank echoes "uso da empresa" (38-62) and the nosso número (63-70, again at 86-93) in its retorno detail.
    const lines = text.split(/\r?\n/);
    const index = lines.findIndex((l) => l.startsWith('1'));
    const original = lines[index]!;
    const nossoNumero = at(detail, 63, 70);
    lines[index] =
      at(original, 1, 37) + at(detail, 38, 70) + at(original, 71, 85) + nossoNumero + original.slice(93);
    const read = await adapter.readRetorno!(lines.join('\n'));
    expect(read.events[0]).toMatchObject({
      customId: 'NF2002-1',
      chargeId: '4321',
      occurrence: { code: '06' },
    });
  });

  it('a damaged line is an error with its line number, never skipped', async () => {
    const lines = text.split(/\r?\n/);
    // Letters in the valor do título (Itaú 400: columns 153–165, numeric). An unknown occurrence code is no longer
    // an error: it is a normal event that processing marks "comando de retorno não cadastrado".
    lines[2] = lines[2]!.slice(0, 152) + 'XX' + lines[2]!.slice(154);
    const read = await adapter.readRetorno!(lines.join('\n'));
    expect(read.errors.map((e) => [e.line, e.column])).toEqual([[3, 153]]);
    expect(read.events).toHaveLength(detailLines.length - 1);
  });

  it('a retorno of another bank is refused for this portador', async () => {
    const bb = cnabDefinition.create(cnabDefinition.optionsSchema.parse({ ...options, bank: '237' }), {
      environment: 'production',
    });
    const error = await rejection(() => bb.readRetorno!(text));
    expect(error.message).toBe('O arquivo é um retorno do banco 341; este portador é do banco 237.');
  });
});
