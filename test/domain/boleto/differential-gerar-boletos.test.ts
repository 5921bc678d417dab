/**
 * Differential test of the campo livre against gerar-boletos 1.4.5 (npm devDependency, a JavaScript port of the
 * Caelum Stella boleto code). Where it computes check digits itself (Itaú's two DACs, Caixa's and Sicredi's campo
 * livre DV) this compares independent arithmetic; where it takes them from the caller (Caixa's código do
 * beneficiário DV, Sicredi's and Sicoob's nosso número DV) our DV is handed to it and the layout is compared.
 * Its due-date code only accepts years 1997–2023, so only the campo livre (barcode positions 20–44) is compared.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBankBoleto, type MakeBankBoletoInput } from '../../../src/domain/boleto/index.js';
import { mod11ZeroWhenOver9 } from '../../../src/domain/boleto/digits.js';
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
        fc.constantFrom('109', '110', '112', '157', '175'),
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
              comDigitoCodigoBeneficiario: String(mod11ZeroWhenOver9(convenio)),
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

  it('Sicredi (campo livre DV computed by each side)', () => {
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
              comNossoNumero: mine.nossoNumero.value,
              comDigitoNossoNumero: mine.nossoNumero.dv,
            },
            amount,
          );
          expect(mine.campoLivre).toBe(theirs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Sicoob (layout; the nosso número DV is ours)', () => {
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
            comDigitoNossoNumero: mine.nossoNumero.dv,
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
