/**
 * Banco do Brasil (001). Source: "Especificações Técnicas para Confecção de Boleto de Cobrança do Banco do Brasil"
 * (BB, campo livre per convênio size), cross-checked with kivanio/brcobranca lib/brcobranca/boleto/banco_brasil.rb.
 *
 * campo livre (25):
 * - convênio 4 digits: convênio(4) + nosso número(7) + agência(4) + conta(8) + carteira(2)
 * - convênio 6 digits: convênio(6) + nosso número(5) + agência(4) + conta(8) + carteira(2)
 * - convênio 6 digits, nosso número of 17 (carteiras 16 and 18 only): convênio(6) + nosso número(17) + "21"
 * - convênio 7 digits: "000000" + convênio(7) + nosso número(10) + carteira(2)   (nosso número = 17 digits, no DV)
 * - convênio 8 digits: "000000" + convênio(8) + nosso número(9) + carteira(2)    (nosso número = 17 digits, no DV)
 * Nosso número DV (convênios of 4 and 6): módulo 11 over convênio + sequential, weights 9, 8, …, 2 from the right,
 * DV = remainder, 10 → "X".
 */
import { BoletoError, digitsField, weightedSum } from '../../boleto/digits.js';
import {
  accountDigits,
  agencyDigits,
  type BankBoletoInput,
  type BankBoletoRules,
  type CampoLivreReading,
} from '../../boleto/bank-rules.js';

const WEIGHTS_9_TO_2 = [9, 8, 7, 6, 5, 4, 3, 2] as const;

export function bbNossoNumeroDv(digits: string): string {
  const r = weightedSum(digits, WEIGHTS_9_TO_2) % 11;
  return r === 10 ? 'X' : String(r);
}

type Layout = { kind: 'c4' | 'c6' | 'c6n17' | 'c7' | 'c8'; convenio: string; sequential: string };

function layout(input: BankBoletoInput): Layout {
  const raw = (input.convenio ?? '').trim();
  if (!/^\d+$/.test(raw))
    throw new BoletoError('convênio', `"${raw}" deve conter apenas dígitos (4, 6, 7 ou 8)`);
  const seq = input.nossoNumero.trim();
  switch (raw.length) {
    case 4:
      return { kind: 'c4', convenio: raw, sequential: digitsField(seq, 'nosso número', 7) };
    case 6:
      if (seq.replace(/^0+/, '').length > 5) {
        const carteira = digitsField(input.carteira, 'carteira', 2);
        if (carteira !== '16' && carteira !== '18')
          throw new BoletoError(
            'nosso número',
            `com convênio de 6 dígitos, mais de 5 dígitos (nosso número de 17) só nas carteiras 16 e 18; carteira ${carteira}`,
          );
        return { kind: 'c6n17', convenio: raw, sequential: digitsField(seq, 'nosso número', 17) };
      }
      return { kind: 'c6', convenio: raw, sequential: digitsField(seq, 'nosso número', 5) };
    case 7:
      return { kind: 'c7', convenio: raw, sequential: digitsField(seq, 'nosso número', 10) };
    case 8:
      return { kind: 'c8', convenio: raw, sequential: digitsField(seq, 'nosso número', 9) };
    default:
      throw new BoletoError(
        'convênio',
        `"${raw}" tem ${raw.length} dígitos; o Banco do Brasil usa 4, 6, 7 ou 8`,
      );
  }
}

export const bancoDoBrasil: BankBoletoRules = {
  code: '001',
  name: 'Banco do Brasil',
  inputs: [
    { field: 'convenio', label: 'convênio', required: true, note: '4, 6, 7 ou 8 dígitos' },
    { field: 'carteira', label: 'carteira', required: true, note: '2 dígitos (ex.: 17, 18)' },
    {
      field: 'agency',
      label: 'agência',
      required: false,
      note: '4 dígitos; obrigatória para convênios de 4 e 6',
    },
    {
      field: 'account',
      label: 'conta',
      required: false,
      note: 'até 8 dígitos; obrigatória para convênios de 4 e 6',
    },
    {
      field: 'nossoNumero',
      label: 'nosso número',
      required: true,
      note: 'sequencial: 7 (convênio 4), 5 ou 17 (convênio 6, carteira 16/18), 10 (convênio 7), 9 (convênio 8)',
    },
  ],
  makeNossoNumero(input) {
    const { kind, convenio, sequential } = layout(input);
    if (kind === 'c4' || kind === 'c6') {
      const value = convenio + sequential;
      const dv = bbNossoNumeroDv(value);
      return { value, dv, formatted: `${value}-${dv}` };
    }
    const value = kind === 'c6n17' ? sequential : convenio + sequential;
    return { value, dv: '', formatted: value };
  },
  makeCampoLivre(input) {
    const { kind, convenio, sequential } = layout(input);
    const carteira = digitsField(input.carteira, 'carteira', 2);
    switch (kind) {
      case 'c4':
      case 'c6':
        return convenio + sequential + agencyDigits(input) + accountDigits(input, 8) + carteira;
      case 'c6n17':
        return convenio + sequential + '21';
      case 'c7':
      case 'c8':
        return '000000' + convenio + sequential + carteira;
    }
  },
  readCampoLivre(campoLivre): CampoLivreReading {
    if (campoLivre.startsWith('000000'))
      // Convênio of 7 or 8 digits: the two share this shape; the 17 digits are the whole nosso número.
      return {
        fields: { nossoNumero: campoLivre.slice(6, 23), carteira: campoLivre.slice(23, 25) },
        errors: [],
      };
    // Convênio of 4 or 6 digits (11 digits of convênio + sequential either way). The 17-digit variant of
    // convênio 6 (ending in "21") cannot be told apart from a carteira 21 and is read the same way.
    const value = campoLivre.slice(0, 11);
    return {
      fields: {
        nossoNumero: value,
        nossoNumeroDv: bbNossoNumeroDv(value),
        agency: campoLivre.slice(11, 15),
        account: campoLivre.slice(15, 23),
        carteira: campoLivre.slice(23, 25),
      },
      errors: [],
    };
  },
};
