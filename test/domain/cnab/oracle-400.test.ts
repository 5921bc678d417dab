/**
 * An independent CNAB library as oracle: @banco-br/nodejs-cnab (with its layouts in @banco-br/cnab_yaml).
 * - Remessa: the oracle writes a Bradesco 400 file from its own YAML layout; our writer, given the same título, writes
 *   the same detail line byte for byte, and our reader reads the oracle's file back to the same values.
 * - Remessa of 001, 033, 104 and 756: the oracle's own YAML layouts (@banco-br/cnab_yaml cnab400/<bank>/remessa)
 *   read our detail line and find the values we wrote at their positions.
 * - Retorno: the oracle parses the sample files (Bradesco, Banco do Brasil CBR643, Itaú, Banrisul) and the fields it
 *   knows equal what our reader normalizes. Its YAML files are incomplete in places (several fields are commented
 *   out, e.g. the occurrence code); only fields it does define are compared.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords, readRetornoText } from '../../../src/domain/cnab/reader.js';
import { layouts } from '../../../src/domain/cnab/registry.js';
import { writeRemessa } from '../../../src/domain/cnab/writer.js';
import { details, sample } from './helpers.js';
import { cnabYamlDir, oracleBanks, oracleGenerate, oracleParseLines } from './oracle.js';

const layouts400 = layouts.filter((l) => l.width === 400);
import {
  at,
  describeSamples,
  file,
  layoutOf,
  line400,
  portadores,
  readWithoutErrors,
  remessa,
  retornoHeader,
  retornoTitulo,
  titulo,
  valuesOf,
} from './support-400.js';

const requireHere = createRequire(import.meta.url);
// The YAML reader the oracle itself uses (its own js-yaml 3).
const oracleYaml = createRequire(requireHere.resolve('@banco-br/nodejs-cnab'))('js-yaml') as {
  safeLoad(text: string): Record<string, { pos?: [number, number] }>;
};
const yamlDir = cnabYamlDir;

/** Reads one line with the oracle's YAML layout: field name → text at its `pos`. */
function oracleRead(layoutPath: string, line: string): Record<string, string> {
  const layout = oracleYaml.safeLoad(readFileSync(path.join(yamlDir, layoutPath), 'utf8'));
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(layout))
    if (spec?.pos) out[name] = at(line, spec.pos[0], spec.pos[1]);
  return out;
}

describe('remessas read by the oracle layouts (@banco-br/cnab_yaml)', () => {
  const payer = {
    name: 'José Conceição Comércio',
    document: '12345678909',
    address: 'Rua das Acácias, 100',
    zip: '01452000',
    city: 'São Paulo',
    state: 'SP',
    neighborhood: 'Centro',
  };
  const common = {
    numero_inscricao: '12345678000195',
    uso_empresa: 'NF1001-1'.padEnd(25),
    numero_documento: 'NF1001    ',
    vencimento: '201226',
    valor_titulo: '0000000150075',
    aceite: 'N',
    data_emissao: '201126',
    desconto_ate: '101226',
    valor_desconto: '0000000001000',
    sacado_codigo_inscricao: '01',
    sacado_numero_inscricao: '00012345678909',
    cep: '01452000',
    estado: 'SP',
  };
  const cases: {
    bank: string;
    yaml: string;
    portador: Record<string, string>;
    nossoNumero: string;
    expected: Record<string, string>;
  }[] = [
    {
      bank: '001',
      yaml: 'cnab400/001/remessa/detalhe.yml',
      portador: portadores['001'],
      nossoNumero: '12345670000000123',
      expected: {
        ...common,
        tipo_registro: '7',
        agencia: '1234',
        agencia_dv: '3',
        conta: '12345678',
        conta_dv: 'X',
        numero_convenio: '1234567',
        nosso_numero: '12345670000000123',
        variacao_carteira: '019',
        numero_carteira: '17',
        codigo_ocorrencia: '01',
        codigo_banco: '001',
        especie: '01',
        nome: 'JOSE CONCEICAO COMERCIO'.padEnd(37),
      },
    },
    {
      bank: '033',
      yaml: 'cnab400/033/remessa/detalhe.yml',
      portador: portadores['033'],
      nossoNumero: '00001234',
      expected: {
        ...common,
        codigo_transmissao: '17777751042700080112',
        nosso_numero: '00001234',
        numero_carteira: '1',
        codigo_ocorrencia: '01',
        codigo_banco: '033',
        especie: '01',
        id_complemento: 'I',
        complemento_conta: '95',
        nome: 'JOSE CONCEICAO COMERCIO'.padEnd(40),
        cidade: 'SAO PAULO'.padEnd(15),
      },
    },
    {
      bank: '104',
      yaml: 'cnab400/104/sigcb/remessa/detalhe.yml',
      portador: { convenio: '123456' },
      nossoNumero: '14000000000000123',
      expected: {
        ...common,
        agencia: '1234',
        codigo_cedente: '123456',
        tipo_emissao: '2',
        numero_carteira: '14',
        nosso_numero: '000000000000123',
        tipo_carteira: '01',
        codigo_ocorrencia: '01',
        codigo_banco: '104',
        especie: '01',
        moeda: '1',
      },
    },
    {
      bank: '756',
      yaml: 'cnab400/756/remessa/detalhe.yml',
      portador: portadores['756'],
      nossoNumero: '000000012343',
      expected: {
        ...common,
        aceite: '0',
        agencia: '4327',
        agencia_dv: '3',
        conta: '12345678',
        conta_dv: '1',
        nosso_numero: '000000012343',
        numero_parcela: '01',
        tipo_emissao: '2',
        numero_carteira: '01',
        comando_movimento: '01',
        codigo_banco: '756',
        especie: '01',
        bairro: 'CENTRO'.padEnd(15),
      },
    },
  ];
  for (const c of cases)
    it(`${c.bank}: the oracle's layout finds our values at its positions`, () => {
      const written = writeRemessa(
        remessa(c.bank, c.portador, [titulo({ nossoNumero: c.nossoNumero, payer })]),
      );
      const theirs = oracleRead(c.yaml, written.lines[1] ?? '');
      for (const key of Object.keys(c.expected)) expect(theirs[key], `${c.bank} ${key}`).toBeDefined();
      expect(theirs).toMatchObject(c.expected);
    });
});

describe('Bradesco 237 remessa against @banco-br/nodejs-cnab', () => {
  const files = {
    header_arquivo: {
      tipo_registro: '0',
      tipo_operacao: '1',
      literal_remessa: 'REMESSA',
      codigo_servico: '01',
      literal_servico: 'COBRANCA',
      codigo_cedente: '4540691',
      razao_social: 'PECAS SAO JOAO LTDA',
      codigo_banco: '237',
      nome_banco: 'BRADESCO',
      data_geracao: '23112026', // the oracle's %d%m%y format takes DDMMAAAA
      numero_aviso_bancario: 'MX',
      sequencial_remessa: '7',
      numero_sequencial: '1',
    },
    detalhe: {
      tipo_registro: '1',
      zeros01: '0',
      numero_carteira: '009',
      agencia: '01467',
      conta: '0019669',
      conta_dv: 'P',
      uso_empresa: 'NF1001-1',
      zeros02: '000',
      multa: '2',
      valor_multa: 2,
      nosso_numero: '00000001234',
      digito_nosso_numero: '6',
      condicao_emissao: '2',
      emissao_para_debito: 'N',
      codigo_ocorrencia: '01',
      numero_documento: 'NF1001',
      vencimento: '201226',
      valor_titulo: 1500.75,
      codigo_banco: '000',
      agencia_cobradora: '00000',
      especie: '01',
      aceite: 'N',
      data_emissao: '20112026',
      instrucao1: '06',
      instrucao2: '05',
      juros_um_dia: 0.5,
      desconto_ate: '10122026',
      valor_desconto: 10,
      sacado_codigo_inscricao: '01',
      sacado_numero_inscricao: '12345678909',
      nome: 'JOSE CONCEICAO COMERCIO',
      logradouro: 'RUA DAS ACACIAS, 100',
      cep: '01452000',
      numero_sequencial: '2',
    },
    trailer_arquivo: { tipo_registro: '9', numero_sequencial: '3' },
  };
  const theirs = oracleGenerate(files, 400, '237');
  const ours = writeRemessa(
    remessa('237', portadores['237'], [
      titulo({
        nossoNumero: '000000012346',
        fine: { type: 'percent', basisPoints: 200 },
        protestDays: 5,
        payer: {
          name: 'José Conceição Comércio',
          document: '12345678909',
          address: 'Rua das Acácias, 100',
          zip: '01452000',
        },
      }),
    ]),
  );

  it('writes the same header and detail lines as the oracle', () => {
    const [header, detail] = theirs.split('\r\n');
    expect(ours.lines[0]).toBe(header);
    expect(ours.lines[1]).toBe(detail);
  });

  it("reads the oracle's file to the values it was given", () => {
    const records = readRecords(layoutOf('237', 'remessa'), theirs);
    expect(records.filter((r) => 'type' in r)).toEqual([]);
    expect(valuesOf(records[1])).toMatchObject({
      carteira: '009',
      agency: '01467',
      account: '0019669',
      accountDigit: 'P',
      companyUse: 'NF1001-1',
      fineFlag: '2',
      finePercent: 200,
      nossoNumero: '000000012346',
      movementCode: '01',
      dueDate: '2026-12-20',
      amountCents: 150075,
      dailyInterestCents: 50,
      discountDate: '2026-12-10',
      discountCents: 1000,
      payerDocument: '00012345678909',
      payerZip: '01452000',
    });
  });
});

describe('occurrence tables against @banco-br/cnab_yaml codigo_ocorrencia', () => {
  // Every code the oracle lists must be in ours: a code missing from our table would turn a real retorno line into
  // an error event. (Ours may hold more: newer manual editions add codes.)
  for (const bank of ['001', '041', '104', '237', '341'])
    it(`${bank}: knows every occurrence code the oracle lists`, () => {
      const theirs = oracleYaml.safeLoad(
        readFileSync(path.join(yamlDir, `cnab400/${bank}/retorno/codigo_ocorrencia.yml`), 'utf8'),
      );
      const codes = Object.keys(theirs).map((k) => k.padStart(2, '0'));
      expect(codes.length).toBeGreaterThan(10);
      const ours = layouts400.find((l) => l.bank === bank && l.direction === 'retorno')?.occurrences ?? {};
      expect(codes.filter((c) => !(c in ours))).toEqual([]);
    });

  // Wording differs (abbreviations, "sacado" for "pagador", the manual's notes in parentheses), so a description
  // is matched by its words in order: each oracle description must be closest to ours under the same code, which
  // fails when two codes' descriptions are swapped (e.g. Bradesco 09 "baixado automaticamente via arquivo" and 10
  // "baixado conforme instruções da agência").
  for (const bank of ['001', '041', '104', '237', '341'])
    it(`${bank}: each code's description is the oracle's description of that code, not of another`, () => {
      const theirs = oracleYaml.safeLoad(
        readFileSync(path.join(yamlDir, `cnab400/${bank}/retorno/codigo_ocorrencia.yml`), 'utf8'),
      ) as unknown as Record<string, string>;
      const ours = layouts400.find((l) => l.bank === bank && l.direction === 'retorno')?.occurrences ?? {};
      const closest = Object.entries(theirs).map(([key, description]) => {
        const code = key.padStart(2, '0');
        const scores = Object.entries(ours).map(([c, ours]) => [c, similarity(description, ours)] as const);
        const best = Math.max(...scores.map(([, score]) => score));
        return { code, closest: scores.filter(([, score]) => score === best).map(([c]) => c) };
      });
      expect(closest.filter((entry) => entry.closest.join() !== entry.code)).toEqual([]);
    });
});

/** Significant words of a description, accents and case folded, cut to 5 letters ("automat." ~ "automaticamente"). */
function words(description: string): string[] {
  return description
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !['com', 'para', 'por', 'dos', 'das', 'via'].includes(w))
    .map((w) => w.slice(0, 5));
}

/** Dice coefficient over the longest common subsequence of words: 1 for the same words in the same order. */
function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  const lcs = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++)
      lcs[i]![j] =
        x[i - 1] === y[j - 1] ? lcs[i - 1]![j - 1]! + 1 : Math.max(lcs[i - 1]![j]!, lcs[i]![j - 1]!);
  return (2 * lcs[x.length]![y.length]!) / (x.length + y.length || 1);
}

/** The oracle reads header, first detail and trailer (one YAML per line); we give it exactly those three lines. */
function oracleDetail(bank: string, text: string): Record<string, string> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const entry = Object.values(oracleBanks).find((b) => b.code === bank);
  const files = entry?.retorno?.[400];
  if (!files) throw new Error(`oráculo sem layout de retorno 400 para o banco ${bank}`);
  const parsed = oracleParseLines(files, 400, bank, [lines[0], lines[1], lines[lines.length - 1]].join('\n'));
  const detail = parsed[1];
  if (!detail) throw new Error('oráculo não devolveu o detalhe');
  return detail;
}

const centsOf = (text: string | undefined): number => Number(text);

describeSamples('retorno samples against @banco-br/nodejs-cnab', () => {
  it('Bradesco: nosso número, data de crédito, outras despesas, juros, outros créditos', async () => {
    const text = sample('brcobranca-CNAB400BRADESCO.RET');
    const theirs = oracleDetail('237', text);
    const ours = (await readWithoutErrors(text)).details[0];
    expect(ours?.nossoNumero).toBe(`${theirs.nosso_numero}${theirs.nosso_numero_dv}`);
    expect(ours?.creditedOn).toBe(
      `20${theirs.data_credito?.slice(4, 6)}-${theirs.data_credito?.slice(2, 4)}-${theirs.data_credito?.slice(0, 2)}`,
    );
    expect(ours?.amounts.otherCostsCents).toBe(centsOf(theirs.valor_outras_despesas));
    expect(ours?.amounts.interestCents).toBe(centsOf(theirs.valor_mora_multa));
    expect(ours?.amounts.otherCreditsCents).toBe(centsOf(theirs.valor_outros_creditos));
  });

  it('Banco do Brasil CBR643: nosso número, natureza, crédito, tarifa, lançamento', async () => {
    const text = sample('brcobranca-CBR64310.RET');
    const theirs = oracleDetail('001', text);
    const ours = details(await readRetornoText(text))[0];
    expect(ours?.nossoNumero).toBe(theirs.nosso_numero);
    expect(ours?.reasons.map((r) => r.code)).toEqual([theirs.natureza_recebimento]);
    expect(ours?.creditedOn).toBe('2009-01-22');
    expect(theirs.data_credito).toBe('220109');
    expect(ours?.amounts.feeCents).toBe(centsOf(theirs.valor_tarifa));
    expect(ours?.amounts.netCents).toBe(centsOf(theirs.valor_lancamento));
  });

  it('Itaú: nosso número, juros/multa, outros créditos, data de crédito', async () => {
    const text = sample('opencnabphp-retorno_cnab400_itau.ret');
    const theirs = oracleDetail('341', text);
    const ours = details(await readRetornoText(text))[0];
    expect(ours?.nossoNumero).toBe(theirs.nosso_numero_dup);
    expect(ours?.amounts.interestCents).toBe(centsOf(theirs.valor_mora_multa));
    expect(ours?.amounts.otherCreditsCents).toBe(centsOf(theirs.valor_outros_creditos));
    expect(theirs.data_credito).toBe('210613');
    expect(ours?.creditedOn).toBe('2013-06-21');
  });

  it('Banrisul: nosso número (oracle without the two check digits), data de crédito, outras despesas', async () => {
    const text = sample('brcobranca-CNAB400BANRISUL.RET');
    const theirs = oracleDetail('041', text);
    const ours = details(await readRetornoText(text))[0];
    expect(ours?.nossoNumero.slice(0, 8)).toBe(theirs.nosso_numero);
    expect(theirs.data_credito).toBe('150515');
    expect(ours?.creditedOn).toBe('2015-05-15');
    expect(ours?.amounts.otherCostsCents).toBe(centsOf(theirs.valor_outras_despesas));
  });
});

describe('Sicoob 756 retorno built from its layout sheet, parsed by the oracle and by us', () => {
  const text = file(
    retornoHeader({ 27: '43273123456789', 77: '756BANCOOBCED', 101: '0000042' }),
    line400({
      ...retornoTitulo,
      1: '1',
      18: '43273',
      23: '123456781',
      32: '000000',
      38: 'NF1001-1',
      63: '000000012343',
      75: '01',
      81: '07',
      107: '01',
      109: '09',
      166: '756',
      169: '43273',
      174: '01',
      176: '221226',
      182: '0000250',
      254: '0000000000000',
      267: '0000000000000',
      395: '000002',
    }),
    line400({ 1: '9', 395: '000003' }),
  );

  it('agrees on nosso número, motivo, data de crédito, tarifa, valor recebido and juros', async () => {
    const theirs = oracleDetail('756', text);
    const ours = (await readWithoutErrors(text)).details[0];
    expect(ours?.nossoNumero).toBe(`${theirs.nosso_numero}${theirs.nosso_numero_dv}`);
    expect(ours?.reasons.map((r) => r.code)).toEqual([theirs.codigo_baixa]);
    expect(theirs.data_credito).toBe('221226');
    expect(ours?.creditedOn).toBe('2026-12-22');
    expect(ours?.amounts.feeCents).toBe(centsOf(theirs.valor_tarifa));
    expect(ours?.amounts.paidCents).toBe(centsOf(theirs.valor_recebido));
    expect(ours?.amounts.interestCents).toBe(centsOf(theirs.juros_mora));
    expect(ours?.action).toBe('write_off');
  });
});
