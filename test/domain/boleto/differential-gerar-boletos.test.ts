/**
 * Differential test of the campo livre against gerar-boletos 1.4.5 (npm devDependency, a JavaScript port of the
 * Caelum Stella boleto code). Where it computes check digits itself (Itaú's two DACs, Caixa's and Sicredi's campo
 * livre DV) this compares independent arithmetic; where it takes them from the caller (Caixa's código do
 * beneficiário DV, Sicredi's and Sicoob's nosso número DV) the DV handed to it is computed here, by hand from each
 * manual's rule (never by the module under test), and checked against a published example first.
 * Its due-date code only accepts years 1997–2023, so only the campo livre (barcode positions 20–44) is compared.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBankBoleto, type MakeBankBoletoInput } from '../../../src/domain/boleto/index.js';
import { digits, TODAY } from './arbitraries.js';

const require = createRequire(import.meta.url);
type Fluent = Record<string, (...args: unknown[]) => Fluent>;
const utils = require('gerar-boletos/lib/utils/functions/boletoUtils') as {
  Boleto: { novoBoleto(): Fluent };
  Beneficiario: { novoBeneficiario(): Fluent };
  Datas: { novasDatas(): Fluent };
};
type TheirBank = { geraCodigoDeBarrasPara(boleto: Fluent): string };
const bank = (file: string, factory: string) =>
  (require(`gerar-boletos/lib/boleto/bancos/${file}`) as Record<string, () => TheirBank>)[factory]!();

function theirCampoLivre(theirBank: TheirBank, beneficiary: Record<string, string>, cents: number): string {
  let b = utils.Beneficiario.novoBeneficiario();
  for (const [method, value] of Object.entries(beneficiary)) b = b[method]!(value);
  const boleto = utils.Boleto.novoBoleto().comDatas!(utils.Datas.novasDatas().comVencimento!('2020-01-15'))
    .comBeneficiario!(b).comBanco!(theirBank).comValorBoleto!(cents / 100);
  return theirBank.geraCodigoDeBarrasPara(boleto).slice(19);
}

/**
 * Módulo 11 as the Caixa and Sicredi manuals state it: digits × weights 2, 3, …, 9, 2, … from the right,
 * DV = 11 − (sum mod 11), and a DV of 10 or 11 is written 0.
 */
function handMod11(digits: string): number {
  let sum = 0;
  [...digits].reverse().forEach((d, i) => (sum += Number(d) * (2 + (i % 8))));
  const dv = 11 - (sum % 11);
  return dv > 9 ? 0 : dv;
}

/** Sicoob "constante 3197": weights 3, 1, 9, 7 from the left over cooperativa(4) + cliente(10) + nosso número(7). */
function handSicoobDv(cooperativa: string, cliente: string, nossoNumero: string): number {
  const digits = cooperativa + cliente.padStart(10, '0') + nossoNumero;
  let sum = 0;
  [...digits].forEach((d, i) => (sum += Number(d) * [3, 1, 9, 7][i % 4]!));
  const dv = 11 - (sum % 11);
  return dv > 9 ? 0 : dv;
}

describe('the hand-computed check digits reproduce published examples', () => {
  it('Sicredi nosso número 12/213871-5 (cooperativa 1234, posto 18, beneficiário 12345; brcobranca sicredi_spec)', () => {
    expect(handMod11('1234' + '18' + '12345' + '12' + '2' + '13871')).toBe(5);
  });
  it('Sicoob 0000021-8 (cooperativa 0001, cliente 1-9; Sicoob manual via ACBr forum topic 32506)', () => {
    expect(handSicoobDv('0001', '19', '0000021')).toBe(8);
  });
});

const ours = (input: Omit<MakeBankBoletoInput, 'dueDate'>) =>
  makeBankBoleto({ ...input, dueDate: '2027-01-15' }, { today: TODAY });
const cents = fc.integer({ min: 1, max: 99_999_999 });

describe('campo livre: ours = gerar-boletos', () => {
  it('Itaú (both DACs computed by each side)', () => {
    const itau = bank('itau', 'novoItau');
    fc.assert(
      fc.property(
        digits(4),
        digits(5),
        // Not 112: gerar-boletos follows the older manual edition (DAC over agência/conta for 112); see banks.test.ts.
        fc.constantFrom('109', '110', '157', '175'),
        digits(8),
        cents,
        (agency, account, carteira, nn, amount) => {
          const mine = ours({
            bankCode: '341',
            amountCents: amount,
            nossoNumero: nn,
            beneficiary: { agency, account, carteira },
          });
          expect(mine.campoLivre).toBe(
            theirCampoLivre(
              itau,
              {
                comAgencia: agency,
                comCodigoBeneficiario: account,
                comCarteira: carteira,
                comNossoNumero: nn,
              },
              amount,
            ),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Caixa SIGCB (campo livre DV computed by each side)', () => {
    const caixa = bank('caixa', 'novoCaixa');
    fc.assert(
      fc.property(
        digits(6),
        fc.constantFrom('1', '2'),
        digits(15),
        cents,
        (convenio, modalidade, nn, amount) => {
          const mine = ours({
            bankCode: '104',
            amountCents: amount,
            nossoNumero: nn,
            beneficiary: { convenio, carteira: modalidade },
          });
          const theirs = theirCampoLivre(
            caixa,
            {
              comCodigoBeneficiario: convenio,
              comDigitoCodigoBeneficiario: String(handMod11(convenio)),
              comCarteira: `${modalidade}4`,
              comNossoNumero: nn,
            },
            amount,
          );
          expect(mine.campoLivre).toBe(theirs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Sicredi (campo livre DV by each side; nosso número DV by hand from the manual)', () => {
    const sicredi = bank('sicredi', 'novoSicredi');
    fc.assert(
      fc.property(
        digits(4),
        digits(2),
        digits(5),
        fc.constantFrom('2', '5', '9'),
        digits(5),
        cents,
        (agency, posto, convenio, byteIdt, seq, amount) => {
          const mine = ours({
            bankCode: '748',
            amountCents: amount,
            nossoNumero: seq,
            beneficiary: { agency, posto, convenio, byteIdt, carteira: '1' },
          });
          const theirs = theirCampoLivre(
            sicredi,
            {
              comAgencia: agency,
              comCodPosto: posto,
              comCodigoBeneficiario: convenio,
              comCarteira: '1',
              // Nosso número: year of issue (TODAY) + byte de geração + sequencial, its DV by hand.
              comNossoNumero: TODAY.slice(2, 4) + byteIdt + seq,
              comDigitoNossoNumero: String(
                handMod11(agency + posto + convenio + TODAY.slice(2, 4) + byteIdt + seq),
              ),
            },
            amount,
          );
          expect(mine.campoLivre).toBe(theirs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Sicoob (nosso número DV by hand from the manual)', () => {
    const sicoob = bank('sicoob', 'novoSicoob');
    fc.assert(
      fc.property(digits(4), digits(7), digits(7), cents, (agency, convenio, nn, amount) => {
        const mine = ours({
          bankCode: '756',
          amountCents: amount,
          nossoNumero: nn,
          beneficiary: { agency, convenio },
        });
        const theirs = theirCampoLivre(
          sicoob,
          {
            comAgencia: agency,
            comCodigoBeneficiario: convenio,
            comCarteira: '1',
            comNossoNumero: nn,
            comDigitoNossoNumero: String(handSicoobDv(agency, convenio, nn)),
          },
          amount,
        );
        expect(mine.campoLivre).toBe(theirs);
      }),
      { numRuns: 300 },
    );
  });

  it('Banco do Brasil, convênio 7 (17-digit nosso número)', () => {
    const bb = bank('banco-do-brasil', 'novoBancoBrasil');
    fc.assert(
      fc.property(digits(7), digits(10), digits(2), cents, (convenio, nn, carteira, amount) => {
        const mine = ours({
          bankCode: '001',
          amountCents: amount,
          nossoNumero: nn,
          beneficiary: { convenio, carteira },
        });
        expect(mine.campoLivre).toBe(
          theirCampoLivre(bb, { comNossoNumero: convenio + nn, comCarteira: carteira }, amount),
        );
      }),
      { numRuns: 200 },
    );
  });
});
