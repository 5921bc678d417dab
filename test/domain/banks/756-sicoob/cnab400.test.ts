/**
 * Sicoob 756 CNAB 400 ("CNAB400 Sicoob/Bancoob" layout sheet). Positions: header 27-30 prefixo da cooperativa,
 * 31 DV, 32-40 código do cliente + DV, 77-94 "756BANCOOBCED", 101-107 sequencial; registro 1 18-31 cooperativa/
 * conta, 63-74 nosso número com DV, 75-76 parcela, 106 tipo de emissão, 107-108 carteira, 150 aceite (0/1),
 * 161-166 taxa de mora, 167-172 taxa de multa (4 decimais), 275-311 endereço, 312-326 bairro; retorno CBR643-like:
 * 81-82 motivo, 176-181 data de crédito, 182-188 tarifa.
 */
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../../../src/domain/cnab/reader.js';
import { writeRemessa } from '../../../../src/domain/cnab/writer.js';
import { sample } from '../../cnab/helpers.js';
import {
  at,
  columns,
  describeSamples,
  file,
  layoutOf,
  line400,
  paymentAmounts,
  paymentColumns,
  portadores,
  readWithoutErrors,
  recordsOf,
  remessa,
  retornoHeader,
  retornoTitulo,
  titulo,
  valuesOf,
} from '../../cnab/support-400.js';

const input = remessa('756', portadores['756'], [
  titulo({
    nossoNumero: '000000012343',
    interest: { type: 'monthly_percent', basisPoints: 100 },
    fine: { type: 'percent', basisPoints: 200 },
    species: 'ME',
    accepted: true,
  }),
]);

describe('Sicoob 756 CNAB 400 remessa', () => {
  const written = writeRemessa(input);
  const [header, detail] = written.lines;

  it('writes header, detail and trailer', () => {
    expect(columns(written.lines, 1, 1)).toEqual(['0', '1', '9']);
    expect(written.fileName).toBe('SC231101.REM');
  });

  it('puts every field at the manual position', () => {
    expect(at(header, 1, 46)).toBe('01REMESSA01COBRANCA       43273123456789      ');
    expect(at(header, 77, 107)).toBe('756BANCOOBCED     2311260000007');
    expect(at(detail, 18, 37)).toBe('43273123456781000000');
    expect(at(detail, 63, 78)).toBe('0000000123430100');
    expect(at(detail, 106, 110)).toBe('20101');
    expect(at(detail, 140, 150)).toBe('75643273211'); // banco, cooperativa + DV, espécie 21 (mensalidade), aceite 1
    expect(at(detail, 161, 173)).toBe('0100000200002'); // mora 1,0000% a.m., multa 2,0000%, distribuição 2
    expect(at(detail, 275, 311).trimEnd()).toBe('RUA DAS ACACIAS, 100');
    expect(at(detail, 312, 326).trimEnd()).toBe('CENTRO');
  });

  it('reads back what it wrote', () => {
    const [, d] = recordsOf(written);
    expect(d?.values).toMatchObject({
      agency: '4327',
      account: '12345678',
      nossoNumero: '000000012343',
      installment: '01',
      carteira: '01',
      movementCode: '01',
      amountCents: 150075,
      speciesCode: '21',
      acceptance: '1',
      interestRate: '010000',
      fineRate: '020000',
    });
  });
});

describe('Sicoob 756 CNAB 400: moeda, IOF, juros ao dia, baixa, mensagem', () => {
  const one = (overrides: Parameters<typeof titulo>[0]) =>
    writeRemessa(remessa('756', portadores['756'], [titulo({ nossoNumero: '000000012343', ...overrides })]));

  it('writes the currency code 9 at 193 and the IOF in 194-205 (kivanio/brcobranca remessa/cnab400/sicoob.rb)', () => {
    const detail = one({ iofCents: 1234 }).lines[1]!;
    expect(at(detail, 193, 193)).toBe('9');
    expect(at(detail, 194, 205)).toBe('000000001234');
    expect(at(one({}).lines[1]!, 193, 205)).toBe('9000000000000');
  });

  it('converts a daily interest amount into the monthly rate that gives the same centavos per day', () => {
    // 41 centavos/dia sobre R$ 1.234,56: 41 × 30 / 123456 = 0,9963% a.m.; 123456 × 0,009963 / 30 = 41,0 centavos.
    const detail = one({ amountCents: 123456, interest: { type: 'daily_amount', cents: 41 } }).lines[1]!;
    expect(at(detail, 161, 166)).toBe('009963');
  });

  it('refuses a daily amount no 4-decimal monthly rate reproduces, naming the field', () => {
    // R$ 10.000.000,00 at 1 centavo/day: the rate rounds to 0,0000% (0,0001% would charge 33 centavos a day).
    expect(() => one({ amountCents: 1_000_000_000, interest: { type: 'daily_amount', cents: 1 } })).toThrow(
      /interest: o CNAB 400 do Sicoob leva só a taxa mensal/,
    );
  });

  it('asks for return after 15 or 30 days with instructions 42/43 and refuses other prazos', () => {
    expect(at(one({ writeOffDays: 15 }).lines[1]!, 157, 160)).toBe('4200');
    expect(at(one({ writeOffDays: 30 }).lines[1]!, 157, 160)).toBe('4300');
    expect(() => one({ writeOffDays: 20 })).toThrow(
      /writeOffDays: o banco só aceita baixa\/devolução após 15 ou 30 dias/,
    );
  });

  it('prints one message in 352-391 with the indicativo blank, and refuses a message beside a sacador', () => {
    const detail = one({ messages: ['Não receber após 30 dias'] }).lines[1]!;
    expect(at(detail, 82, 82)).toBe(' ');
    expect(at(detail, 352, 391).trimEnd()).toBe('NAO RECEBER APOS 30 DIAS');
    expect(() =>
      one({ messages: ['x'], drawer: { name: 'Sacador Ltda', document: '11222333000181' } }),
    ).toThrow(/campo messages/);
  });
});

describe('Sicoob 756 CNAB 400 retorno built from the manual table', () => {
  const header = retornoHeader({
    27: '4327',
    31: '3',
    32: '123456789',
    77: '756BANCOOBCED',
    101: '0000042',
  });
  const common = {
    ...retornoTitulo,
    1: '1',
    18: '4327',
    22: '3',
    23: '12345678',
    31: '1',
    32: '000000',
    38: 'NF1001-1',
    63: '000000012343',
    75: '01',
    107: '01',
  };
  const paid = line400({
    ...common,
    ...paymentColumns,
    109: '06',
    166: '756',
    169: '43273',
    174: '21',
    176: '221226',
    182: '0000250',
    306: '0000000148925',
    395: '000002',
  });
  const cartorio = line400({ ...common, 109: '15', 254: '0000000150075', 395: '000003' });
  const writtenOff = line400({ ...common, 109: '10', 395: '000004' });
  const trailer = line400({ 1: '9', 395: '000005' });

  it('normalizes liquidação, liquidação em cartório (paid) and baixa solicitada (written off)', async () => {
    const [p, c, w] = (await readWithoutErrors(file(header, paid, cartorio, writtenOff, trailer))).details;
    expect(p).toMatchObject({
      action: 'settle',
      nossoNumero: '000000012343',
      seuNumero: 'NF1001-1',
      creditedOn: '2026-12-22',
      amounts: { ...paymentAmounts, feeCents: 250, netCents: 148925 },
    });
    expect(c).toMatchObject({ action: 'settle', amounts: { paidCents: 150075 } });
    expect(w).toMatchObject({ action: 'write_off', amounts: { paidCents: 0 } });
  });
});

describeSamples('Sicoob 756 remessa sample', () => {
  it('reads brcobranca-remessa-sicoob-cnab400.rem record by record', () => {
    const records = readRecords(layoutOf('756', 'remessa'), sample('brcobranca-remessa-sicoob-cnab400.rem'));
    expect(records.filter((r) => 'type' in r)).toEqual([]);
    expect(valuesOf(records[1])).toMatchObject({
      agency: '4327',
      nossoNumero: '000000000123',
      movementCode: '01',
      amountCents: 19990,
      dueDate: '2015-07-14',
      payerDocument: '00012345678901',
    });
  });
});
