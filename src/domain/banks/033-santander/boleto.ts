/**
 * Santander (033). Source: Santander "Layout de cobrança – código de barras" (campo livre: fixo 9, código do
 * beneficiário 7, nosso número 13 with DV, IOF, carteira), cross-checked with kivanio/brcobranca santander.rb.
 *
 * campo livre (25): "9" + código do beneficiário(7) + nosso número(12) + DV(1) + IOF(1) + carteira(3)
 * IOF: "IOF – Seguradoras (se 7% informar 7, limitado a 9%); demais clientes usar 0" (as eduardokum/laravel-boleto
 *   Boleto/Banco/Santander.php `ios` transcribes the manual).
 * Nosso número DV: módulo 11, weights 2..9 from the right, DV = 11 − remainder; remainder 0 or 1 → 0.
 */
import { BoletoError, digitsField, mod11ZeroWhenOver9 } from '../../boleto/digits.js';
import type { BankBoletoInput, BankBoletoRules } from '../../boleto/bank-rules.js';

function nossoNumeroDigits(input: BankBoletoInput): string {
  return digitsField(input.nossoNumero, 'nosso número', 12);
}

function iofDigit(input: BankBoletoInput): string {
  const iof = (input.iof ?? '0').trim() || '0';
  if (!/^\d$/.test(iof))
    throw new BoletoError('IOF', `"${iof}" não é aceito; informe o percentual de 0 a 9 (seguradoras) ou 0`);
  return iof;
}

export const santander: BankBoletoRules = {
  code: '033',
  name: 'Santander',
  inputs: [
    { field: 'convenio', label: 'código do beneficiário', required: true, note: 'até 7 dígitos' },
    { field: 'carteira', label: 'carteira', required: true, note: '3 dígitos (ex.: 101, 102, 201)' },
    { field: 'nossoNumero', label: 'nosso número', required: true, note: 'até 12 dígitos' },
    { field: 'iof', label: 'IOF', required: false, note: 'seguradoras: percentual de 0 a 9 (padrão 0)' },
  ],
  makeNossoNumero(input) {
    const value = nossoNumeroDigits(input);
    const dv = String(mod11ZeroWhenOver9(value));
    return { value, dv, formatted: `${value}-${dv}` };
  },
  makeCampoLivre(input) {
    const value = nossoNumeroDigits(input);
    return (
      '9' +
      digitsField(input.convenio, 'código do beneficiário', 7) +
      value +
      String(mod11ZeroWhenOver9(value)) +
      iofDigit(input) +
      digitsField(input.carteira, 'carteira', 3)
    );
  },
  readCampoLivre(campoLivre) {
    const value = campoLivre.slice(8, 20);
    const dv = campoLivre.slice(20, 21);
    const expected = String(mod11ZeroWhenOver9(value));
    return {
      fields: {
        convenio: campoLivre.slice(1, 8),
        nossoNumero: value,
        nossoNumeroDv: dv,
        iof: campoLivre.slice(21, 22),
        carteira: campoLivre.slice(22, 25),
      },
      errors:
        dv === expected
          ? []
          : [
              {
                code: 'nosso-numero-dv',
                message: `nosso número: dígito ${dv} não confere (calculado ${expected})`,
              },
            ],
    };
  },
};
