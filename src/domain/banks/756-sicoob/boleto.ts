/**
 * Sicoob (756). Source: Sicoob/Bancoob "Cobrança – Implantação do serviço – Sistema próprio – Dígito verificador"
 * (constante 3197 over cooperativa + cliente + nosso número) and the Sicoob campo livre layout, cross-checked with
 * kivanio/brcobranca sicoob.rb.
 *
 * Nosso número DV: weights 3, 1, 9, 7 repeated from the left over cooperativa(4) + código do cliente(10) +
 *   nosso número(7) (equivalently 3, 7, 9, 1 from the right); DV = 11 − (sum mod 11), > 9 → 0.
 * campo livre (25): carteira(1) + cooperativa(4) + modalidade(2) + código do cliente(7) + nosso número(7) + DV(1)
 *   + parcela(3).
 */
import { digitsField, weightedSum } from '../../boleto/digits.js';
import { agencyDigits, type BankBoletoInput, type BankBoletoRules } from '../../boleto/bank-rules.js';

const WEIGHTS_FROM_RIGHT = [3, 7, 9, 1] as const;

export function sicoobNossoNumeroDv(agency: string, cliente: string, nossoNumero: string): number {
  const dv = 11 - (weightedSum(agency + cliente.padStart(10, '0') + nossoNumero, WEIGHTS_FROM_RIGHT) % 11);
  return dv > 9 ? 0 : dv;
}

function parts(input: BankBoletoInput) {
  const agency = agencyDigits(input);
  // The código do cliente is often written with its own DV ("123456-7"); all 7 digits belong to the code.
  const cliente = digitsField((input.convenio ?? '').replace('-', ''), 'código do beneficiário', 7);
  const value = digitsField(input.nossoNumero, 'nosso número', 7);
  return { agency, cliente, value, dv: String(sicoobNossoNumeroDv(agency, cliente, value)) };
}

export const sicoob: BankBoletoRules = {
  code: '756',
  name: 'Sicoob',
  inputs: [
    { field: 'agency', label: 'cooperativa', required: true, note: '4 dígitos' },
    { field: 'convenio', label: 'código do beneficiário', required: true, note: 'até 7 dígitos (com o DV)' },
    { field: 'carteira', label: 'carteira', required: false, note: '1 dígito (padrão 1)' },
    { field: 'modalidade', label: 'modalidade', required: false, note: '2 dígitos (padrão 01)' },
    { field: 'parcela', label: 'parcela', required: false, note: '3 dígitos (padrão 001)' },
    { field: 'nossoNumero', label: 'nosso número', required: true, note: 'até 7 dígitos' },
  ],
  makeNossoNumero(input) {
    const { value, dv } = parts(input);
    return { value, dv, formatted: `${value}-${dv}` };
  },
  makeCampoLivre(input) {
    const { agency, cliente, value, dv } = parts(input);
    return (
      digitsField(input.carteira ?? '1', 'carteira', 1) +
      agency +
      digitsField(input.modalidade ?? '01', 'modalidade', 2) +
      cliente +
      value +
      dv +
      digitsField(input.parcela ?? '001', 'parcela', 3)
    );
  },
  readCampoLivre(campoLivre) {
    const agency = campoLivre.slice(1, 5);
    const cliente = campoLivre.slice(7, 14);
    const value = campoLivre.slice(14, 21);
    const expected = String(sicoobNossoNumeroDv(agency, cliente, value));
    const dv = campoLivre.slice(21, 22);
    return {
      fields: {
        carteira: campoLivre.slice(0, 1),
        agency,
        modalidade: campoLivre.slice(5, 7),
        convenio: cliente,
        nossoNumero: value,
        nossoNumeroDv: dv,
        parcela: campoLivre.slice(22, 25),
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
