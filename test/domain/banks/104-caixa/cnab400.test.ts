/**
 * Caixa 104 CNAB 400 SIGCB. Positions: CAIXA "Leiaute de arquivo eletrônico padrão CNAB 400 – SIGCB": header
 * 27-30 agência, 31-36 código do beneficiário, 390-394 nº da remessa; registro 1 22-27 beneficiário, 32-56 uso da
 * empresa, 57-73 nosso número, 107-108 carteira, 352-357 data da multa, 358-367 valor da multa, 392-393 prazo,
 * 394 moeda; retorno 80-82 código de rejeição (ocorrência 99), 280-292 multa, 294-299 data de crédito.
 */
import { describe, expect, it } from 'vitest';
import { writeRemessa } from '../../../../src/domain/cnab/writer.js';
import {
  at,
  columns,
  file,
  line400,
  readWithoutErrors,
  recordsOf,
  remessa,
  retornoHeader,
  retornoTitulo,
  titulo,
} from '../../cnab/support-400.js';

const input = remessa('104', { convenio: '123456' }, [
  titulo({
    nossoNumero: '14000000000000123',
    fine: { type: 'amount', cents: 3000 },
    writeOffDays: 30,
    species: 'DS',
  }),
]);

describe('Caixa 104 CNAB 400 remessa (SIGCB)', () => {
  const written = writeRemessa(input);
  const [header, detail, trailer] = written.lines;

  it('writes header, detail and trailer', () => {
    expect(columns(written.lines, 1, 1)).toEqual(['0', '1', '9']);
    expect(columns(written.lines, 395, 400)).toEqual(['000001', '000002', '000003']);
    expect(written.fileName).toBe('CX231101.REM');
  });

  it('puts every field at the manual position', () => {
    expect(at(header, 1, 46)).toBe('01REMESSA01COBRANCA       1234123456          ');
    expect(at(header, 77, 100)).toBe('104C ECON FEDERAL 231126');
    expect(at(header, 390, 394)).toBe('00007');
    expect(at(detail, 18, 31)).toBe('12341234562000');
    expect(at(detail, 32, 56).trimEnd()).toBe('NF1001-1');
    expect(at(detail, 57, 73)).toBe('14000000000000123');
    expect(at(detail, 107, 110)).toBe('0101');
    expect(at(detail, 121, 150)).toBe('20122600000001500751040000003N');
    expect(at(detail, 148, 149)).toBe('03'); // duplicata de serviço
    expect(at(detail, 157, 160)).toBe('0200'); // 02 = devolver
    expect(at(detail, 352, 367)).toBe('2112260000003000');
    expect(at(detail, 390, 394)).toBe('00301');
    expect(at(trailer, 2, 394).trim()).toBe('');
  });

  it('reads back what it wrote', () => {
    const [h, d] = recordsOf(written);
    expect(h?.values).toMatchObject({ agency: '1234', convenio: '123456', fileNumber: '00007' });
    expect(d?.values).toMatchObject({
      convenio: '123456',
      companyUse: 'NF1001-1',
      nossoNumero: '14000000000000123',
      movementCode: '01',
      amountCents: 150075,
      fineDate: '2026-12-21',
      fineCents: 3000,
      protestDays: '30',
    });
  });
});

describe('Caixa 104 CNAB 400 retorno built from the manual table', () => {
  const header = retornoHeader({ 27: '1234123456', 77: '104C ECON FEDERAL', 390: '00042' });
  const common = {
    ...retornoTitulo,
    1: '1',
    18: '1234123456',
    32: 'NF1001-1',
    57: '14000000000000123',
    107: '01',
  };
  const paid = line400({
    ...common,
    109: '21',
    166: '104',
    169: '12345',
    174: '03',
    176: '0000000000250',
    189: '003',
    192: '1',
    215: '0000000000000',
    228: '0000000000100',
    241: '0000000001000',
    254: '0000000152175',
    267: '0000000000200',
    280: '0000000003000',
    293: '1',
    294: '221226',
    395: '000002',
  });
  const franco = line400({ ...common, 109: '24', 395: '000003' });
  const rejected = line400({ ...common, 80: '010', 109: '99', 395: '000004' });
  const trailer = line400({ 1: '9201104', 395: '000005' });

  it('reads liquidação as paid, franco pagamento as a write-off, rejection 99 with its code', async () => {
    const [p, f, r] = (await readWithoutErrors(file(header, paid, franco, rejected, trailer))).details;
    expect(p).toMatchObject({
      action: 'settle',
      nossoNumero: '14000000000000123',
      seuNumero: 'NF1001-1',
      creditedOn: '2026-12-22',
      amounts: {
        titleCents: 150075,
        feeCents: 250,
        rebateCents: 100,
        discountCents: 1000,
        paidCents: 152175,
        interestCents: 200,
      },
    });
    // Franco pagamento: closed without money through the bank — never "paid".
    expect(f).toMatchObject({ action: 'write_off', occurrence: { code: '24' } });
    expect(r).toMatchObject({
      action: 'reject_registration',
      reasons: [{ code: '10', description: 'Inclusão de título já existente' }],
    });
  });
});
