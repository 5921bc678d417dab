/**
 * Bradesco (237). Source: Bradesco "Boleto de Cobrança – Layout/Manual para cedentes com sistema próprio" (campo
 * livre and "cálculo do dígito do nosso número – módulo 11 base 7"), cross-checked with kivanio/brcobranca
 * bradesco.rb.
 *
 * campo livre (25): agência(4) + carteira(2) + nosso número(11) + conta(7) + "0"
 * Nosso número DV: módulo 11 over carteira(2) + nosso número(11) with weights 2..7 from the right;
 *   remainder 0 → "0", remainder 1 → "P", otherwise 11 − remainder.
 */
import { digitsField, mod11Remainder } from '../../boleto/digits.js';
import {
  accountDigits,
  agencyDigits,
  type BankBoletoInput,
  type BankBoletoRules,
} from '../../boleto/bank-rules.js';

export function bradescoNossoNumeroDv(carteira: string, nossoNumero: string): string {
  const r = mod11Remainder(carteira + nossoNumero, 7);
  return r === 0 ? '0' : r === 1 ? 'P' : String(11 - r);
}

function parts(input: BankBoletoInput): { carteira: string; value: string } {
  return {
    carteira: digitsField(input.carteira, 'carteira', 2),
    value: digitsField(input.nossoNumero, 'nosso número', 11),
  };
}

export const bradesco: BankBoletoRules = {
  code: '237',
  name: 'Bradesco',
  inputs: [
    { field: 'agency', label: 'agência', required: true, note: '4 dígitos, sem DV' },
    { field: 'account', label: 'conta', required: true, note: 'até 7 dígitos (DV opcional, ignorado)' },
    { field: 'carteira', label: 'carteira', required: true, note: '2 dígitos (ex.: 09)' },
    { field: 'nossoNumero', label: 'nosso número', required: true, note: 'até 11 dígitos' },
  ],
  makeNossoNumero(input) {
    const { carteira, value } = parts(input);
    const dv = bradescoNossoNumeroDv(carteira, value);
    return { value, dv, formatted: `${carteira}/${value}-${dv}` };
  },
  makeCampoLivre(input) {
    const { carteira, value } = parts(input);
    return agencyDigits(input) + carteira + value + accountDigits(input, 7) + '0';
  },
  readCampoLivre(campoLivre) {
    const carteira = campoLivre.slice(4, 6);
    const value = campoLivre.slice(6, 17);
    return {
      fields: {
        agency: campoLivre.slice(0, 4),
        carteira,
        nossoNumero: value,
        nossoNumeroDv: bradescoNossoNumeroDv(carteira, value),
        account: campoLivre.slice(17, 24),
      },
      errors: [],
    };
  },
};
