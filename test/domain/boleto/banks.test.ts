/**
 * Bank vectors. Sources, cited per case:
 * - [brcobranca] kivanio/brcobranca spec/brcobranca/boleto/<bank>_spec.rb: barcodes and lines computed by that
 *   independent Ruby implementation (each bank's own layout manual is cited in the bank module).
 * - [Itaú manual] Itaú "Cobrança – código de barras", DAC example: agência 0057, conta 12345, carteira 110,
 *   nosso número 12345678 → DAC 8.
 * - [Bradesco manual] Bradesco boleto manual, nosso número DV example: carteira 19, nosso número 00000000002 → 8.
 * - [Sicoob manual] Sicoob "cálculo do DV do nosso número" (constante 3197), as quoted in the ACBr forum topic
 *   32506: cooperativa 0001, cliente 1-9 (0000000019), nosso número 21 → sum 36, remainder 3, DV 8.
 */
import { describe, expect, it } from 'vitest';
import { makeBankBoleto, parseBoleto, type MakeBankBoletoInput } from '../../../src/domain/boleto/index.js';
import { bbNossoNumeroDv } from '../../../src/domain/banks/001-banco-do-brasil/boleto.js';
import { banrisulNc } from '../../../src/domain/banks/041-banrisul/boleto.js';
import { bradescoNossoNumeroDv } from '../../../src/domain/banks/237-bradesco/boleto.js';
import { itauNossoNumeroDac } from '../../../src/domain/banks/341-itau/boleto.js';
import { sicoobNossoNumeroDv } from '../../../src/domain/banks/756-sicoob/boleto.js';

type Vector = [string, MakeBankBoletoInput, string, string, string];

const spaced = (line: string) => line.replace(/\D/g, '');

// [brcobranca] examples: [title, input, today, barcode, formatted line]
const vectors: Vector[] = [
  [
    'BB convênio 8 (banco_brasil_spec)',
    {
      bankCode: '001',
      dueDate: '2008-02-01',
      amountCents: 13500,
      nossoNumero: '777700168',
      beneficiary: { convenio: '12387989', carteira: '18' },
    },
    '2008-02-01',
    '00193376900000135000000001238798977770016818',
    '00190.00009 01238.798977 77700.168188 3 37690000013500',
  ],
  [
    'BB convênio 7 (banco_brasil_spec)',
    {
      bankCode: '001',
      dueDate: '2008-02-03',
      amountCents: 72356,
      nossoNumero: '7777700168',
      beneficiary: { convenio: '1238798', carteira: '18' },
    },
    '2008-02-01',
    '00195377100000723560000001238798777770016818',
    '00190.00009 01238.798779 77700.168188 5 37710000072356',
  ],
  [
    'BB convênio 6, nosso número 5 (banco_brasil_spec)',
    {
      bankCode: '001',
      dueDate: '2008-02-01',
      amountCents: 13500,
      nossoNumero: '1234',
      beneficiary: { convenio: '123879', carteira: '18', agency: '4042', account: '61900' },
    },
    '2008-02-01',
    '00192376900000135001238790123440420006190018',
    '00191.23876 90123.440423 00061.900189 2 37690000013500',
  ],
  [
    'BB convênio 6, nosso número 17, carteira 16 (banco_brasil_spec)',
    {
      bankCode: '001',
      dueDate: '2008-02-01',
      amountCents: 13500,
      nossoNumero: '1234567899',
      beneficiary: { convenio: '123879', carteira: '16' },
    },
    '2008-02-01',
    '00199376900000135001238790000000123456789921',
    '00191.23876 90000.000126 34567.899215 9 37690000013500',
  ],
  [
    'BB convênio 4 (banco_brasil_spec)',
    {
      bankCode: '001',
      dueDate: '2008-02-01',
      amountCents: 13500,
      nossoNumero: '123456',
      beneficiary: { convenio: '1238', carteira: '18', agency: '4042', account: '61900' },
    },
    '2008-02-01',
    '00191376900000135001238012345640420006190018',
    '00191.23801 12345.640424 00061.900189 1 37690000013500',
  ],
  [
    'Santander (santander_spec)',
    {
      bankCode: '033',
      dueDate: '2012-09-08',
      amountCents: 5400,
      nossoNumero: '90002720',
      beneficiary: { convenio: '1899775', carteira: '102' },
    },
    '2012-09-01',
    '03399545000000054009189977500009000272070102',
    '03399.18997 77500.009004 02720.701024 9 54500000005400',
  ],
  [
    'Banrisul (banrisul_spec)',
    {
      bankCode: '041',
      dueDate: '2015-06-26',
      amountCents: 127890,
      nossoNumero: '22832563',
      beneficiary: { agency: '1102', convenio: '9000150' },
    },
    '2015-06-01',
    '04191647100001278902111029000150228325634059',
    '04192.11107 29000.150226 83256.340593 1 64710000127890',
  ],
  [
    'Banrisul 2017 (banrisul_spec)',
    {
      bankCode: '041',
      dueDate: '2017-01-12',
      amountCents: 121600,
      nossoNumero: '03408099',
      beneficiary: { agency: '0016', convenio: '0164640' },
    },
    '2017-01-01',
    '04192703700001216002100160164640034080994027',
    '04192.10018 60164.640033 40809.940279 2 70370000121600',
  ],
  [
    'Itaú carteira 175 (itau_spec)',
    {
      bankCode: '341',
      dueDate: '2008-02-02',
      amountCents: 13500,
      nossoNumero: '258281',
      beneficiary: { agency: '0810', account: '53678', carteira: '175' },
    },
    '2008-02-01',
    '34191377000000135001750025828170810536789000',
    '34191.75009 25828.170818 05367.890000 1 37700000013500',
  ],
  [
    'Itaú carteira 109, due after the 2025 restart (itau_spec)',
    {
      bankCode: '341',
      dueDate: '2029-05-20',
      amountCents: 675787,
      nossoNumero: '00010152',
      beneficiary: { agency: '1248', account: '02124', carteira: '109' },
    },
    '2026-11-23',
    '34194254800006757871090001015271248021246000',
    '34191.09008 01015.271248 80212.460002 4 25480000675787',
  ],
];

describe('makeBankBoleto reproduces published barcodes and lines', () => {
  it.each(vectors)('%s', (_title, input, today, barcode, line) => {
    const boleto = makeBankBoleto(input, { today });
    expect(boleto.barcode).toBe(barcode);
    expect(boleto.formattedLine).toBe(line);
    expect(boleto.line).toBe(spaced(line));
    const parsed = parseBoleto(line, { today });
    expect(parsed).toMatchObject({
      valid: true,
      kind: 'bank',
      bank: input.bankCode,
      barcode,
      amountCents: input.amountCents,
      dueDate: input.dueDate,
    });
    expect(parsed.warnings).toEqual([]);
  });
});

describe('Caixa SIGCB (caixa_spec)', () => {
  const input: MakeBankBoletoInput = {
    bankCode: '104',
    dueDate: '2026-12-10',
    amountCents: 1000,
    nossoNumero: '000000000000001',
    beneficiary: { convenio: '245274', carteira: '1' },
  };
  it('campo livre and nosso número', () => {
    const boleto = makeBankBoleto(input, { today: '2026-11-23' });
    expect(boleto.campoLivre).toBe('2452740000100040000000017');
    expect(boleto.nossoNumero.formatted).toBe('14000000000000001-4');
  });
  it('código do beneficiário with a wrong DV is refused; a right one is accepted', () => {
    // caixa_spec: 245274 → DV 0, 654321 → DV 9.
    expect(() =>
      makeBankBoleto({ ...input, beneficiary: { convenio: '245274-1' } }, { today: '2026-11-23' }),
    ).toThrow(/^código do beneficiário: dígito 1 não confere \(calculado 0\)/);
    expect(
      makeBankBoleto(
        { ...input, beneficiary: { convenio: '654321-9' } },
        { today: '2026-11-23' },
      ).campoLivre.slice(0, 7),
    ).toBe('6543219');
  });
});

describe('Sicredi (sicredi_spec)', () => {
  it('campo livre, line and nosso número "AA/BXXXXX-D"', () => {
    const boleto = makeBankBoleto(
      {
        bankCode: '748',
        dueDate: '2012-01-24',
        amountCents: 295295,
        nossoNumero: '13871',
        beneficiary: { agency: '1234', posto: '18', convenio: '12345', carteira: '3', byteIdt: '2' },
      },
      { today: '2012-01-19' },
    );
    expect(boleto.campoLivre).toBe('3112213871512341812345100');
    expect(boleto.formattedLine).toBe('74893.11220 13871.512342 18123.451009 1 52220000295295');
    expect(boleto.nossoNumero.formatted).toBe('12/213871-5');
  });
});

describe('nosso número check digits', () => {
  it('Banco do Brasil, módulo 11 weights 9..2 (banco_brasil_spec)', () => {
    expect(bbNossoNumeroDv('12387989000004042')).toBe('4');
    expect(bbNossoNumeroDv('12387989000061900')).toBe('7');
    expect(bbNossoNumeroDv('12387989000000719')).toBe('2');
  });
  it('Banrisul NC (banrisul_spec)', () => {
    expect(banrisulNc('00009274')).toBe('22');
    expect(banrisulNc('00009194')).toBe('38');
    expect(banrisulNc('22832563')).toBe('51');
  });
  it('Bradesco, módulo 11 base 7 with P [Bradesco manual]', () => {
    expect(bradescoNossoNumeroDv('19', '00000000002')).toBe('8');
    expect(bradescoNossoNumeroDv('19', '00000000001')).toBe('P');
  });
  it('Itaú DAC [Itaú manual] and the special carteiras', () => {
    expect(itauNossoNumeroDac('0057', '12345', '110', '12345678')).toBe(8);
    // itau_spec: carteira 175 → 4.
    expect(itauNossoNumeroDac('0810', '53678', '175', '12345678')).toBe(4);
    // Carteiras 126, 131, 146, 150, 168: agency and account do not enter the DAC (an older itau_spec vector for
    // carteira 168 expected 2, computed before brcobranca's util/itau.rb applied this exception; not used).
    for (const carteira of ['126', '131', '146', '150', '168']) {
      expect(itauNossoNumeroDac('0810', '53678', carteira, '00258281')).toBe(
        itauNossoNumeroDac('9999', '99999', carteira, '00258281'),
      );
    }
    expect(itauNossoNumeroDac('0810', '53678', '175', '00258281')).not.toBe(
      itauNossoNumeroDac('9999', '99999', '175', '00258281'),
    );
  });
  it("Itaú carteira 112: DAC over carteira + nosso número only (manual's current exception list)", () => {
    // By hand, módulo 10 over "112" + "12345678": weights 2,1,2,… from the right.
    const digits = '11212345678';
    let sum = 0;
    [...digits].reverse().forEach((d, i) => {
      const p = Number(d) * (i % 2 === 0 ? 2 : 1);
      sum += Math.floor(p / 10) + (p % 10);
    });
    const byHand = (10 - (sum % 10)) % 10;
    expect(itauNossoNumeroDac('0810', '53678', '112', '12345678')).toBe(byHand);
    expect(itauNossoNumeroDac('9999', '99999', '112', '12345678')).toBe(byHand);
    const boleto = makeBankBoleto(
      {
        bankCode: '341',
        dueDate: null,
        amountCents: 0,
        nossoNumero: '12345678',
        beneficiary: { agency: '0810', account: '53678', carteira: '112' },
      },
      { today: '2026-11-23' },
    );
    expect(boleto.nossoNumero.formatted).toBe(`112/12345678-${byHand}`);
    expect(boleto.campoLivre.slice(0, 12)).toBe(`11212345678${byHand}`);
  });
  it.each([
    // kivanio/brcobranca spec/brcobranca/boleto/itau_spec.rb ("Gerar boleto", carteira 196, convênio 12345).
    ['1234567', '1960025828112345671234550'],
    ['123456', '1960025828101234561234550'],
  ])('Itaú carteira 196 with seu número %s (itau_spec)', (seuNumero, campoLivre) => {
    const boleto = makeBankBoleto(
      {
        bankCode: '341',
        dueDate: null,
        amountCents: 13500,
        nossoNumero: '258281',
        seuNumero,
        beneficiary: { agency: '0810', account: '53678', carteira: '196', convenio: '12345' },
      },
      { today: '2026-11-23' },
    );
    expect(boleto.campoLivre).toBe(campoLivre);
    const parsed = parseBoleto(boleto.line, { today: '2026-11-23' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.valid).toBe(true);
  });
  it('Sicoob, constante 3197 [Sicoob manual]', () => {
    expect(sicoobNossoNumeroDv('0001', '19', '0000021')).toBe(8);
    const boleto = makeBankBoleto(
      {
        bankCode: '756',
        dueDate: null,
        amountCents: 0,
        nossoNumero: '21',
        beneficiary: { agency: '0001', convenio: '1-9' },
      },
      { today: '2026-11-23' },
    );
    expect(boleto.nossoNumero.formatted).toBe('0000021-8');
    expect(boleto.campoLivre).toBe('1' + '0001' + '01' + '0000019' + '0000021' + '8' + '001');
  });
  it('Sicoob DV at the edges of the rule: remainders 0 and 1 give 0, remainder 2 gives 9 [Sicoob manual]', () => {
    // By hand, as the manual computes it: weights 3 1 9 7 from the left over cooperativa(4) + cliente(10) +
    // nosso número(7). Cooperativa 0001 gives 1×7 = 7 and cliente 0000000019 gives 1×3 + 9×1 = 12, so 19 before
    // the nosso número, whose last digit has weight 3 (position 21 of 21): DV = 11 − (sum mod 11), 10 or 11 → 0.
    const cases: [nossoNumero: string, sum: number, remainder: number, dv: number][] = [
      ['0000001', 19 + 1 * 3, 0, 0], // 11 − 0 = 11 → 0
      ['0000005', 19 + 5 * 3, 1, 0], // 11 − 1 = 10 → 0
      ['0000009', 19 + 9 * 3, 2, 9], // 11 − 2 = 9, the largest digit kept as is
    ];
    for (const [nossoNumero, sum, remainder, dv] of cases) {
      expect(sum % 11).toBe(remainder);
      expect(sicoobNossoNumeroDv('0001', '19', nossoNumero), nossoNumero).toBe(dv);
    }
  });
  it('Santander: the IOF digit of insurers at campo livre position 22, checked by the parser', () => {
    const make = (iof?: string) =>
      makeBankBoleto(
        {
          bankCode: '033',
          dueDate: null,
          amountCents: 5400,
          nossoNumero: '90002720',
          beneficiary: { convenio: '1899775', carteira: '102', iof },
        },
        { today: '2026-11-23' },
      );
    // santander_spec campo livre '9189977500009000272070102' with IOF 0; 7% puts 7 in its place and nothing else moves.
    expect(make().campoLivre).toBe('9189977500009000272070102');
    expect(make('7').campoLivre).toBe('9189977500009000272077102');
    const parsed = parseBoleto(make('7').line, { today: '2026-11-23' });
    expect(parsed.valid).toBe(true);
    expect(parsed.campoLivreFields?.iof).toBe('7');
    expect(() => make('10')).toThrow(/^IOF: "10" não é aceito/);
  });
  it('Santander (santander_spec)', () => {
    const nn = (n: string) =>
      makeBankBoleto(
        {
          bankCode: '033',
          dueDate: null,
          amountCents: 0,
          nossoNumero: n,
          beneficiary: { convenio: '1899775', carteira: '102' },
        },
        { today: '2026-11-23' },
      ).nossoNumero.formatted;
    expect(nn('566612457800')).toBe('566612457800-2');
    expect(nn('90002720')).toBe('000090002720-7');
    expect(nn('1961005')).toBe('000001961005-0');
  });
});

describe('input errors name the field in pt-BR', () => {
  const base: MakeBankBoletoInput = {
    bankCode: '341',
    dueDate: '2026-12-10',
    amountCents: 123456,
    nossoNumero: '12345678',
    beneficiary: { agency: '1234', account: '12345', carteira: '109' },
  };
  const today = { today: '2026-11-23' };
  it.each([
    [{ ...base, bankCode: '999' }, /^banco: "999" não é suportado/],
    [{ ...base, beneficiary: { ...base.beneficiary, agency: undefined } }, /^agência: é obrigatório/],
    [
      { ...base, beneficiary: { ...base.beneficiary, agency: '12a4' } },
      /^agência: "12a4" deve conter apenas dígitos/,
    ],
    [
      { ...base, beneficiary: { ...base.beneficiary, account: '1234567' } },
      /^conta: "1234567" tem 7 dígitos; o máximo é 5/,
    ],
    [{ ...base, nossoNumero: '123456789' }, /^nosso número: "123456789" tem 9 dígitos/],
    [{ ...base, nossoNumero: '' }, /^nosso número: é obrigatório/],
    [{ ...base, amountCents: -1 }, /^valor: /],
    [{ ...base, amountCents: 10_000_000_000 }, /^valor: /],
    [{ ...base, dueDate: '2026-13-01' }, /^vencimento: /],
    [{ ...base, dueDate: '2045-01-01' }, /^vencimento: 2045-01-01 está fora da janela/],
    [
      { ...base, beneficiary: { ...base.beneficiary, carteira: '198', convenio: '12345' } },
      /^seu número: a carteira 198 leva o seu número/,
    ],
    [
      { ...base, bankCode: '001', beneficiary: { convenio: '12345', carteira: '18' } },
      /^convênio: "12345" tem 5 dígitos/,
    ],
    [
      {
        ...base,
        bankCode: '001',
        nossoNumero: '123456789',
        beneficiary: { convenio: '123456', carteira: '17' },
      },
      /^nosso número: com convênio de 6 dígitos, mais de 5 dígitos \(nosso número de 17\) só nas carteiras 16 e 18; carteira 17/,
    ],
  ])('%#', (input, message) => {
    expect(() => makeBankBoleto(input as MakeBankBoletoInput, today)).toThrow(message);
  });

  it('Itaú: a typed account DAC that does not match is a warning, not an error', () => {
    const boleto = makeBankBoleto(
      { ...base, beneficiary: { ...base.beneficiary, account: '12345-6' } },
      today,
    );
    expect(boleto.warnings).toEqual([expect.objectContaining({ code: 'conta-dv' })]);
    expect(
      makeBankBoleto({ ...base, beneficiary: { ...base.beneficiary, account: '12345-1' } }, today).warnings,
    ).toEqual([]);
  });
});
