/**
 * Every bank × CNAB 240: a remessa written and read back field by field (our reader and an independent one), a
 * retorno T+U pair built field by field from each manual's table and parsed to the expected values, file names.
 * Positions: FEBRABAN "Layout Padrão CNAB 240" v10 (segments P, Q, R, T, U); bank deltas as cited per layout
 * file (BB 083/042, Santander 040/030, CAIXA SIGCB 050, Itaú 040/030, Sicredi 081/040, Sicoob 081/040).
 */
import { describe, expect, it } from 'vitest';
import { defaultReturnCommands } from '../../../src/domain/banks/registry.js';
import type { Values } from '../../../src/domain/cnab/layout.js';
import { readRecords, readRetornoText } from '../../../src/domain/cnab/reader.js';
import { findLayout } from '../../../src/domain/cnab/registry.js';
import type { RemessaInput } from '../../../src/domain/cnab/remessa-input.js';
import { writeRemessa } from '../../../src/domain/cnab/writer.js';
import { sicrediFileName } from '../../../src/domain/banks/748-sicredi/cnab240.js';
import { details, errors, put, retorno240Lines } from './helpers.js';
import { oracleParse } from './oracle.js';

interface BankCase {
  bank: string;
  portador: RemessaInput['portador'];
  nossoNumero: string;
  /** nosso número as our reader returns it from P (the field the bank's manual defines). */
  nossoNumeroRead: string;
  /** cnab_yaml folder with this bank's overrides (absent: generic only). */
  yamlDir?: string;
  /** cnab_yaml's nosso_numero agrees with the bank manual for this bank. */
  oracleNossoNumero?: string;
  /** [cnab_yaml header field, expected text] for the bank's convênio placement. */
  oracleConvenio?: [string, string];
  fileName: RegExp;
}

const portador = {
  companyName: 'Distribuidora Ação & Cia Ltda',
  companyDocument: '11.222.333/0001-81',
  agency: '1234',
  agencyDigit: '5',
  account: '67890',
  accountDigit: '1',
};

const cases: BankCase[] = [
  {
    bank: '001',
    portador: { ...portador, convenio: '1234567', carteira: '17', variation: '019' },
    nossoNumero: '12345670000000042',
    nossoNumeroRead: '12345670000000042',
    yamlDir: '001',
    oracleNossoNumero: '12345670000000042',
    oracleConvenio: ['codigo_convenio', '001234567'],
    fileName: /^CB\d{4}\d{2}\.REM$/,
  },
  {
    bank: '033',
    portador: { ...portador, convenio: '123456789012345', account: '13000286', accountDigit: '2' },
    nossoNumero: '0000000014062',
    nossoNumeroRead: '0000000014062',
    yamlDir: '033',
    oracleNossoNumero: '0000000014062',
    oracleConvenio: ['codigo_transmissao', '123456789012345'],
    fileName: /^CB\d{6}\.REM$/,
  },
  {
    bank: '041',
    portador: { ...portador, convenio: '0010123456789' },
    nossoNumero: '0012345678',
    nossoNumeroRead: '0012345678',
    yamlDir: '041',
    oracleNossoNumero: '0012345678',
    oracleConvenio: ['codigo_convenio', '0010123456789'],
    fileName: /^CB\d{6}\.REM$/,
  },
  {
    bank: '104',
    portador: { ...portador, convenio: '123456' },
    nossoNumero: '000000000000123',
    nossoNumeroRead: '000000000000123',
    yamlDir: '104/sigcb',
    oracleNossoNumero: '000000000000123',
    fileName: /^CB\d{6}\.REM$/,
  },
  {
    bank: '341',
    portador: { ...portador, account: '12345', carteira: '109' },
    nossoNumero: '123456780',
    nossoNumeroRead: '123456780',
    fileName: /^CB\d{6}\.REM$/,
  },
  {
    bank: '748',
    portador: { ...portador, account: '00623', accountDigit: '8', convenio: '12345' },
    nossoNumero: '262000031',
    nossoNumeroRead: '262000031',
    fileName: /^12345[1-9OND]\d{2}\.CRM$/,
  },
  {
    bank: '756',
    portador: { ...portador, account: '36668', accountDigit: '8', variation: '01' },
    nossoNumero: '0000429715',
    nossoNumeroRead: '0000429715',
    yamlDir: '756',
    oracleNossoNumero: '000042971501014',
    fileName: /^CB\d{6}\.REM$/,
  },
];

const titulo = (nossoNumero: string): RemessaInput['titulos'][number] => ({
  nossoNumero,
  seuNumero: 'NF-2026/0001-A',
  issueDate: '2026-11-20',
  dueDate: '2026-12-21',
  amountCents: 123456,
  interest: { type: 'daily_amount', cents: 41 },
  fine: { type: 'percent', basisPoints: 200 },
  discount: { type: 'amount', cents: 1000, until: '2026-12-11' },
  protestDays: 10,
  payer: {
    name: 'João Conceição Araújo — Comércio de Peças e Serviços Automotivos',
    document: '123.456.789-09',
    address: 'Avenida São João, 1500, apto. 12',
    neighborhood: 'Centro Histórico',
    zip: '01035-100',
    city: 'São Paulo',
    state: 'SP',
  },
});

const byRecord = (records: ReturnType<typeof readRecords>, name: string): Values[] =>
  records.flatMap((r) => ('record' in r && r.record === name ? [r.values] : []));

describe.each(cases)('CNAB 240 banco $bank', (c) => {
  const input: RemessaInput = {
    bank: c.bank,
    layout: 240,
    fileNumber: 42,
    generatedOn: '2026-11-23',
    generatedAt: '09:30:00',
    portador: c.portador,
    titulos: [
      titulo(c.nossoNumero),
      { ...titulo(c.nossoNumero), movement: 'changeDueDate', dueDate: '2027-01-10', fine: undefined },
    ],
  };
  const written = writeRemessa(input);

  it('writes 240-column ASCII lines, CRLF, header/batch/P/Q/R/P/Q/trailers with sequence numbers', () => {
    expect(written.lines.every((l) => l.length === 240)).toBe(true);
    expect(written.content.endsWith('\r\n')).toBe(true);
    expect(written.content.split('\r\n')).toHaveLength(written.lines.length + 1);
    expect(/^[\x20-\x7e\r\n]*$/.test(written.content)).toBe(true);
    expect(written.lines.map((l) => (l[7] === '3' ? l[13] : l[7]))).toEqual([
      '0',
      '1',
      'P',
      'Q',
      'R',
      'P',
      'Q',
      '5',
      '9',
    ]);
    // G038: sequence within the batch; G057: batch records incl. its header and trailer; G056: file records.
    expect(written.lines.slice(2, 7).map((l) => l.slice(8, 13))).toEqual([
      '00001',
      '00002',
      '00003',
      '00004',
      '00005',
    ]);
    expect(written.lines[7]!.slice(17, 23)).toBe('000007');
    expect(written.lines[8]!.slice(17, 23)).toBe('000001');
    expect(written.lines[8]!.slice(23, 29)).toBe('000009');
    expect(written.lines.every((l) => l.startsWith(c.bank))).toBe(true);
  });

  it('reads back every título field from P, Q and R', () => {
    const records = readRecords(written.layout, written.content);
    expect(errors(records as never)).toEqual([]);
    const [p1, p2] = byRecord(records, 'P');
    expect(p1).toMatchObject({
      movementCode: '01',
      nossoNumero: c.nossoNumeroRead,
      dueDate: '2026-12-21',
      amountCents: 123456,
      issueDate: '2026-11-20',
      discountDate: '2026-12-11',
      iofCents: 0,
      rebateCents: 0,
      companyUse: 'NF-2026/0001-A',
      protestCode: '1',
      protestDays: '10',
    });
    expect(p2).toMatchObject({ movementCode: '06', dueDate: '2027-01-10' });
    const [q] = byRecord(records, 'Q');
    expect(q).toMatchObject({
      payerDocumentType: '1',
      payerDocument: '000012345678909',
      payerZip: '01035100',
      payerCity: 'SAO PAULO',
      payerState: 'SP',
      payerNeighborhood: 'CENTRO HISTORIC',
    });
    expect(String(q?.payerName)).toMatch(/^JOAO CONCEICAO ARAUJO/);
    const [r] = byRecord(records, 'R');
    expect(r).toMatchObject({ fineCode: '2', fineDate: '2026-12-22', fineValue: 200 });
    const [header] = byRecord(records, 'fileHeader');
    expect(header).toMatchObject({
      bankCode: c.bank,
      fileNumber: '000042',
      generatedOn: '2026-11-23',
      fileDirection: '1',
    });
  });

  it('is read with the same values by an independent reader (nodejs-cnab + cnab_yaml)', () => {
    const pLine = written.lines[2]!;
    const qLine = written.lines[3]!;
    const p = oracleParse(pLine, 'remessa', 'detalhe_segmento_p', c.yamlDir);
    const q = oracleParse(qLine, 'remessa', 'detalhe_segmento_q', c.yamlDir);
    expect(p.vencimento).toBe('21122026');
    expect(Number(p.valor_titulo)).toBe(123456);
    expect(p.data_emissao).toBe('20112026');
    expect(p.codigo_ocorrencia ?? pLine.slice(15, 17)).toBe('01');
    expect(p.uso_empresa?.trim()).toBe('NF-2026/0001-A');
    if (c.oracleNossoNumero) expect(p.nosso_numero?.trim()).toBe(c.oracleNossoNumero);
    expect(q.sacado_numero_inscricao).toBe('000012345678909');
    expect(q.nome?.trim()).toMatch(/^JOAO CONCEICAO ARAUJO/);
    expect(q.cep).toBe('01035100');
    expect(q.cidade?.trim()).toBe('SAO PAULO');
    expect(q.estado).toBe('SP');
  });

  it('names the file by the bank convention', () => {
    expect(written.fileName).toMatch(c.fileName);
  });
});

/** Builds a 240 line from blanks, placing each text at its 1-based position (as the manual's table lists it). */
function line240(parts: [number, string][]): string {
  let line = ' '.repeat(240);
  for (const [start, text] of parts)
    line = line.slice(0, start - 1) + text + line.slice(start - 1 + text.length);
  return line;
}

const z = (n: number, v: number | string) => String(v).padStart(n, '0');

interface RetornoCase {
  bank: string;
  header: [number, string][];
  t: [number, string][];
  expectNossoNumero: string;
  occurrence: string;
  action: string;
  reasons?: string[];
}

/** FEBRABAN T (nosso número 38-57, vencimento 74-81, valor 82-96, uso empresa 106-130, tarifa 199-213, motivos 214-223). */
const febrabanT = (occ: string, reasons = ''): [number, string][] => [
  [16, occ],
  [38, 'NN0000000123'],
  [59, 'DOC123'],
  [74, '21122026'],
  [82, z(15, 123456)],
  [106, 'NF-2026/0001-A'],
  [199, z(15, 250)],
  [214, reasons],
];

const retornoCases: RetornoCase[] = [
  {
    bank: '001',
    header: [],
    t: febrabanT('06', '04'),
    expectNossoNumero: 'NN0000000123',
    occurrence: '06',
    action: 'settle',
    reasons: ['04'],
  },
  {
    bank: '041',
    header: [],
    t: febrabanT('09', '09'),
    expectNossoNumero: 'NN0000000123',
    occurrence: '09',
    action: 'write_off',
    reasons: ['09'],
  },
  {
    bank: '748',
    header: [],
    // Sicredi C044 36 = baixa rejeitada (FEBRABAN's 36 is an e-mail confirmation); motivo 85 is Sicredi's own.
    t: febrabanT('36', '85'),
    expectNossoNumero: 'NN0000000123',
    occurrence: '36',
    action: 'reject_registration',
    reasons: ['85'],
  },
  {
    bank: '748',
    header: [],
    t: febrabanT('03', '0816'),
    expectNossoNumero: 'NN0000000123',
    occurrence: '03',
    action: 'reject_registration',
    reasons: ['08', '16'],
  },
  {
    bank: '756',
    header: [],
    t: [...febrabanT('02'), [38, '0000000123'], [48, '01014     ']],
    expectNossoNumero: '0000000123',
    occurrence: '02',
    action: 'confirm_registration',
  },
  {
    bank: '033',
    header: [],
    // Santander T: nosso número 41-53, seu número 55-69, vencimento 70-77, valor 78-92, uso empresa 101-125,
    // tarifa 194-208, motivos 209-218.
    t: [
      [16, '06'],
      [41, '0000000001406'],
      [55, 'DOC123'],
      [70, '21122026'],
      [78, z(15, 123456)],
      [101, 'NF-2026/0001-A'],
      [194, z(15, 250)],
      [209, '04'],
    ],
    expectNossoNumero: '0000000001406',
    occurrence: '06',
    action: 'settle',
    reasons: ['04'],
  },
  {
    bank: '104',
    header: [],
    // CAIXA SIGCB T: código beneficiário 24-29, nosso número 40-56 (modalidade 2 + 15), documento 59-69.
    t: [
      [16, '46'],
      [24, '123456'],
      [40, '14000000000000123'],
      [59, 'DOC123'],
      [74, '21122026'],
      [82, z(15, 123456)],
      [106, 'NF-2026/0001-A'],
      [199, z(15, 250)],
      [214, '06'],
    ],
    expectNossoNumero: '14000000000000123',
    occurrence: '46',
    action: 'settle',
    reasons: ['06'],
  },
  {
    bank: '341',
    header: [],
    // Itaú T: carteira 38-40, nosso número 41-48, DAC 49, documento 59-68, motivos 214-221.
    t: [
      [16, '06'],
      [38, '109'],
      [41, '12345678'],
      [49, '0'],
      [59, 'DOC123'],
      [74, '21122026'],
      [82, z(15, 123456)],
      [106, 'NF-2026/0001-A'],
      [199, z(15, 250)],
    ],
    expectNossoNumero: '12345678',
    occurrence: '06',
    action: 'settle',
  },
];

describe.each(retornoCases)('CNAB 240 retorno banco $bank, T+U from the manual table', (c) => {
  const header = line240([
    [1, c.bank],
    [4, '0000'],
    [8, '0'],
    [73, 'EMPRESA'],
    [143, '2'],
    [144, '23112026'],
    [158, '000077'],
    ...c.header,
  ]);
  const batchHeader = line240([
    [1, c.bank],
    [4, '0001'],
    [8, '1'],
    [9, 'T'],
  ]);
  const t = line240([[1, c.bank], [4, '0001'], [8, '3'], [9, '00001'], [14, 'T'], ...c.t]);
  // U (FEBRABAN, all banks): juros 18-32, desconto 33-47, abatimento 48-62, IOF 63-77, pago 78-92, líquido 93-107,
  // outras despesas 108-122, outros créditos 123-137, data ocorrência 138-145, data crédito 146-153.
  const u = line240([
    [1, c.bank],
    [4, '0001'],
    [8, '3'],
    [9, '00002'],
    [14, 'U'],
    [16, c.occurrence],
    [18, z(15, 1234)],
    [33, z(15, 1000)],
    [48, z(15, 500)],
    [63, z(15, 12)],
    [78, z(15, 123190)],
    [93, z(15, 122940)],
    [108, z(15, 300)],
    [123, z(15, 0)],
    [138, '22122026'],
    [146, '23122026'],
  ]);
  const batchTrailer = line240([
    [1, c.bank],
    [4, '0001'],
    [8, '5'],
    [18, '000004'],
  ]);
  const fileTrailer = line240([
    [1, c.bank],
    [4, '9999'],
    [8, '9'],
    [18, '000001'],
    [24, '000006'],
  ]);
  const file = [header, batchHeader, t, u, batchTrailer, fileTrailer].join('\r\n') + '\r\n';

  it('yields one normalized event with amounts from the right segment', async () => {
    const events = await readRetornoText(file);
    expect(errors(events)).toEqual([]);
    const [event, ...rest] = details(events);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      line: 3,
      bank: c.bank,
      layout: 240,
      action: c.action,
      occurrence: { code: c.occurrence },
      nossoNumero: c.expectNossoNumero,
      seuNumero: 'NF-2026/0001-A',
      dueDate: '2026-12-21',
      occurredOn: '2026-12-22',
      creditedOn: '2026-12-23',
      amounts: {
        titleCents: 123456,
        feeCents: 250, // T
        interestCents: 1234, // U
        discountCents: 1000,
        rebateCents: 500,
        iofCents: 12,
        paidCents: 123190,
        netCents: 122940,
        otherCostsCents: 300,
      },
    });
    expect(event?.occurrence.description.length).toBeGreaterThan(3);
    if (c.reasons) expect(event?.reasons.map((r) => r.code)).toEqual(c.reasons);
  });
});

describe('default return commands keep liquidação apart from baixa', () => {
  it.each(['001', '033', '041', '104', '341', '748', '756'])(
    'bank %s: no baixa/write-off code settles',
    (bank) => {
      const commands = defaultReturnCommands(bank, 240);
      expect(commands.map((c) => c.code)).toEqual(
        Object.keys(findLayout(bank, 240, 'retorno')!.occurrences!).sort(),
      );
      for (const { code, description, action } of commands) {
        const d = description.toLowerCase();
        if (
          /^baixa|baixado|transfer[eê]ncia de carteira\/baixa/.test(d) &&
          !/liquida|cr[eé]dito em c\/c/.test(d)
        )
          expect({ code, action }).not.toEqual({ code, action: 'settle' });
        if (/liquida[cç][aã]o/.test(d) && !/estorno|baixa por ter sido|tarifa|custas|negativa/.test(d))
          expect({ code, action }).toEqual({ code, action: 'settle' });
      }
    },
  );
});

describe('file names', () => {
  it('Sicredi: código do beneficiário + month code + day + .CRM, later files of the day .RM2…', () => {
    // Sicredi manual (CNAB 240, "nome do arquivo"): CCCCCMDD.CRM, months 1-9, O, N, D.
    expect(sicrediFileName({ fileOfDay: 1, generatedOn: '2026-11-23', convenio: '12345' })).toBe(
      '12345N23.CRM',
    );
    expect(sicrediFileName({ fileOfDay: 1, generatedOn: '2026-10-05', convenio: '12345' })).toBe(
      '12345O05.CRM',
    );
    expect(sicrediFileName({ fileOfDay: 1, generatedOn: '2026-03-05', convenio: '12345' })).toBe(
      '12345305.CRM',
    );
    expect(sicrediFileName({ fileOfDay: 3, generatedOn: '2026-12-31', convenio: '12345' })).toBe(
      '12345D31.RM3',
    );
  });
});

describe('bank-specific P positions, as each manual prints them', () => {
  const base = (
    bank: string,
    portadorExtra: Partial<RemessaInput['portador']>,
    nossoNumero: string,
  ): string =>
    writeRemessa({
      bank,
      layout: 240,
      fileNumber: 3,
      generatedOn: '2026-11-23',
      portador: { ...portador, ...portadorExtra },
      titulos: [titulo(nossoNumero)],
    }).lines[2]!;
  const at = (line: string, start: number, end: number) => line.slice(start - 1, end);

  it('Itaú: 0 + agência 19-22, conta 31-35, DAC 37, carteira 38-40, nosso número + DAC 41-49, documento 63-72', () => {
    const p = base(
      '341',
      { agency: '0057', account: '72192', accountDigit: '2', carteira: '109' },
      '123456780',
    );
    expect([at(p, 18, 18), at(p, 19, 22), at(p, 24, 30), at(p, 31, 35), at(p, 37, 37)]).toEqual([
      '0',
      '0057',
      '0000000',
      '72192',
      '2',
    ]);
    expect([at(p, 38, 40), at(p, 41, 48), at(p, 49, 49)]).toEqual(['109', '12345678', '0']);
    expect(at(p, 63, 72)).toBe('NF-2026/00');
    expect([at(p, 118, 118), at(p, 142, 142)]).toEqual(['0', '0']);
  });

  it('Santander: agência 18-21, conta 23-31, conta cobrança 33-41, nosso número 45-57, dias de baixa 226-227', () => {
    const p = base(
      '033',
      { agency: '3163', account: '013002862', accountDigit: '5', convenio: '316380130028625' },
      '0000000014062',
    );
    expect([at(p, 18, 21), at(p, 23, 31), at(p, 32, 32), at(p, 33, 41), at(p, 45, 57)]).toEqual([
      '3163',
      '013002862',
      '5',
      '013002862',
      '0000000014062',
    ]);
  });

  it('CAIXA: código do beneficiário 24-29, modalidade 41-42 (14), nosso número 43-57', () => {
    const p = base('104', { convenio: '123456' }, '000000000000123');
    expect([at(p, 24, 29), at(p, 30, 40), at(p, 41, 42), at(p, 43, 57)]).toEqual([
      '123456',
      '00000000000',
      '14',
      '000000000000123',
    ]);
  });

  it('Sicoob: nosso número 38-47, parcela 48-49, modalidade 50-51, formulário 52', () => {
    const p = base('756', { variation: '01' }, '0000429715');
    expect([at(p, 38, 47), at(p, 48, 49), at(p, 50, 51), at(p, 52, 52), at(p, 53, 57)]).toEqual([
      '0000429715',
      '01',
      '01',
      '4',
      '     ',
    ]);
  });

  it('Banco do Brasil: header 33-52 convênio (9) + 0014 + carteira + variação; P carteira code 7 for carteira 17', () => {
    const written = writeRemessa({
      bank: '001',
      layout: 240,
      fileNumber: 3,
      generatedOn: '2026-11-23',
      portador: { ...portador, convenio: '1234567', carteira: '17', variation: '019' },
      titulos: [titulo('12345670000000001')],
    });
    expect(at(written.lines[0]!, 33, 52)).toBe('001234567001417019  ');
    expect(at(written.lines[2]!, 58, 58)).toBe('7');
  });
});

describe('nosso número fills all 20 positions of G069 (38-57) where the bank keeps the FEBRABAN field', () => {
  // Every other título in these tests has at most 17 characters; the 18th to 20th must survive too.
  const twenty = '12345678901234567890';
  const keepsFebrabanField = ['001', '041', '748'];

  it.each(keepsFebrabanField)('bank %s: the remessa P carries and reads back all 20', (bank) => {
    const c = cases.find((x) => x.bank === bank)!;
    const written = writeRemessa({
      bank,
      layout: 240,
      fileNumber: 1,
      generatedOn: '2026-11-23',
      portador: c.portador,
      titulos: [titulo(twenty)],
    });
    const p = written.lines.find((l) => l[7] === '3' && l[13] === 'P')!;
    expect(p.slice(37, 57)).toBe(twenty);
    const [values] = byRecord(readRecords(written.layout, written.content), 'P');
    expect(values?.nossoNumero).toBe(twenty);
  });

  it.each(keepsFebrabanField)(
    'bank %s: the retorno T yields all 20, as the independent reader does',
    async (bank) => {
      const lines = retorno240Lines(1, bank);
      lines[2] = put(lines[2]!, 38, twenty);
      const events = await readRetornoText(lines.join('\r\n') + '\r\n');
      expect(errors(events)).toEqual([]);
      expect(details(events).map((d) => d.nossoNumero)).toEqual([twenty]);
      expect(oracleParse(lines[2]!, 'retorno', 'detalhe_segmento_t').nosso_numero).toBe(twenty);
    },
  );
});
