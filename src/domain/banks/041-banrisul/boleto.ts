/**
 * Banrisul (041). Source: Banrisul "Cobrança Banrisul – layout do código de barras / bloqueto" (campo livre
 * positions 20–44 and the "Número de Controle" NC: módulo 10 then módulo 11), cross-checked with kivanio/brcobranca
 * banrisul.rb and calculo.rb (duplo_digito).
 *
 * campo livre (25): produto(1: 1 cobrança normal, 2 cobrança direta) + "1" + agência(4) + código do beneficiário(7)
 *                   + nosso número(8) + "40" + NC(2) over the preceding 23 digits.
 * Nosso número: 8 digits + NC over those 8 digits.
 * NC: D1 = módulo 10; D2 = módulo 11 with weights 2..7 over the digits + D1; while the remainder is 1, D1 += 1
 * (9 → 0) and D2 is computed again; remainder 0 → D2 = 0, otherwise D2 = 11 − remainder.
 */
import { digitsField, mod10, mod11Remainder } from '../../boleto/digits.js';
import {
  agencyDigits,
  requireOneOf,
  type BankBoletoInput,
  type BankBoletoRules,
} from '../../boleto/bank-rules.js';

export function banrisulNc(digits: string): string {
  let d1 = mod10(digits);
  let r = mod11Remainder(digits + String(d1), 7);
  while (r === 1) {
    d1 = (d1 + 1) % 10;
    r = mod11Remainder(digits + String(d1), 7);
  }
  return `${d1}${r === 0 ? 0 : 11 - r}`;
}

function nossoNumeroDigits(input: BankBoletoInput): string {
  return digitsField(input.nossoNumero, 'nosso número', 8);
}

export const banrisul: BankBoletoRules = {
  code: '041',
  name: 'Banrisul',
  inputs: [
    { field: 'agency', label: 'agência', required: true, note: '4 dígitos, sem o NC' },
    { field: 'convenio', label: 'código do beneficiário', required: true, note: 'até 7 dígitos, sem o NC' },
    {
      field: 'carteira',
      label: 'produto',
      required: false,
      note: '1 (cobrança normal) ou 2 (cobrança direta, padrão)',
    },
    { field: 'nossoNumero', label: 'nosso número', required: true, note: 'até 8 dígitos' },
  ],
  makeNossoNumero(input) {
    const value = nossoNumeroDigits(input);
    const dv = banrisulNc(value);
    return { value, dv, formatted: `${value}-${dv}` };
  },
  makeCampoLivre(input) {
    const produto = requireOneOf((input.carteira ?? '2').trim(), 'produto (carteira)', ['1', '2']);
    const body =
      produto +
      '1' +
      agencyDigits(input) +
      digitsField(input.convenio, 'código do beneficiário', 7) +
      nossoNumeroDigits(input) +
      '40';
    return body + banrisulNc(body);
  },
  readCampoLivre(campoLivre) {
    const nc = campoLivre.slice(23, 25);
    const expected = banrisulNc(campoLivre.slice(0, 23));
    const value = campoLivre.slice(13, 21);
    return {
      fields: {
        produto: campoLivre.slice(0, 1),
        agency: campoLivre.slice(2, 6),
        convenio: campoLivre.slice(6, 13),
        nossoNumero: value,
        nossoNumeroDv: banrisulNc(value),
      },
      errors:
        nc === expected
          ? []
          : [
              {
                code: 'campo-livre-dv',
                message: `campo livre: NC ${nc} não confere (calculado ${expected})`,
              },
            ],
    };
  },
};
