/**
 * Itaú (341). Source: Itaú "Cobrança – Código de barras, versão 2.3, setembro/2012 (carteiras com ou sem registro)"
 * and Itaú "CNAB 400 – nota 10/DAC", cross-checked with kivanio/brcobranca itau.rb.
 *
 * campo livre (25): carteira(3) + nosso número(8) + DAC(1) + agência(4) + conta(5) + DAC agência/conta(1) + "000"
 * DAC of the nosso número: módulo 10 over agência(4) + conta(5) + carteira(3) + nosso número(8); for carteiras
 *   126, 131, 146, 150 and 168 only carteira + nosso número enter the calculation.
 * DAC of agência/conta: módulo 10 over agência(4) + conta(5).
 * Carteiras 106, 107, 122, 142, 143, 195, 196 and 198 use another campo livre (seu número + código do cliente):
 * not supported here and refused with a message.
 */
import { BoletoError, digitsField, mod10 } from '../../boleto/digits.js';
import {
  accountDigits,
  agencyDigits,
  mismatch,
  typedAccountDv,
  type BankBoletoInput,
  type BankBoletoRules,
  type CampoLivreReading,
  type CheckIssue,
} from '../../boleto/bank-rules.js';

export const ITAU_CARTEIRAS_DAC_WITHOUT_ACCOUNT = ['126', '131', '146', '150', '168'] as const;
const SEU_NUMERO_CARTEIRAS = ['106', '107', '122', '142', '143', '195', '196', '198'];

export function itauNossoNumeroDac(
  agency: string,
  account: string,
  carteira: string,
  nossoNumero: string,
): number {
  return (ITAU_CARTEIRAS_DAC_WITHOUT_ACCOUNT as readonly string[]).includes(carteira)
    ? mod10(carteira + nossoNumero)
    : mod10(agency + account + carteira + nossoNumero);
}

function parts(input: BankBoletoInput) {
  const carteira = digitsField(input.carteira, 'carteira', 3);
  if (SEU_NUMERO_CARTEIRAS.includes(carteira))
    throw new BoletoError(
      'carteira',
      `${carteira} usa o leiaute com seu número e código do cliente, ainda não suportado`,
    );
  const agency = agencyDigits(input);
  const account = accountDigits(input, 5);
  const accountDac = mod10(agency + account);
  return { carteira, agency, account, accountDac, value: digitsField(input.nossoNumero, 'nosso número', 8) };
}

export const itau: BankBoletoRules = {
  code: '341',
  name: 'Itaú',
  inputs: [
    { field: 'agency', label: 'agência', required: true, note: '4 dígitos' },
    {
      field: 'account',
      label: 'conta',
      required: true,
      note: '5 dígitos; um DAC informado ("12345-6") é conferido e, se diferente, gera aviso',
    },
    { field: 'carteira', label: 'carteira', required: true, note: '3 dígitos (ex.: 109, 112, 157, 175)' },
    { field: 'nossoNumero', label: 'nosso número', required: true, note: 'até 8 dígitos' },
  ],
  checkInput(input) {
    const typed = typedAccountDv(input);
    const { agency, account, accountDac } = parts(input);
    return typed === undefined || typed === String(accountDac)
      ? []
      : [mismatch('conta-dv', `conta ${agency}/${account} (DAC informado)`, typed, accountDac)];
  },
  makeNossoNumero(input) {
    const { carteira, agency, account, value } = parts(input);
    const dv = String(itauNossoNumeroDac(agency, account, carteira, value));
    return { value, dv, formatted: `${carteira}/${value}-${dv}` };
  },
  makeCampoLivre(input) {
    const { carteira, agency, account, accountDac, value } = parts(input);
    return (
      carteira +
      value +
      String(itauNossoNumeroDac(agency, account, carteira, value)) +
      agency +
      account +
      accountDac +
      '000'
    );
  },
  readCampoLivre(campoLivre): CampoLivreReading {
    const carteira = campoLivre.slice(0, 3);
    if (SEU_NUMERO_CARTEIRAS.includes(carteira)) {
      // carteira(3) + nosso número(8) + seu número(7) + código do cliente(5) + DAC módulo 10 of the 23 + "0"
      const dac = String(mod10(campoLivre.slice(0, 23)));
      return {
        fields: {
          carteira,
          nossoNumero: campoLivre.slice(3, 11),
          seuNumero: campoLivre.slice(11, 18),
          codigoCliente: campoLivre.slice(18, 23),
        },
        errors:
          campoLivre[23] === dac
            ? []
            : [mismatch('campo-livre-dv', 'campo livre (DAC)', campoLivre[23] ?? '', dac)],
      };
    }
    const value = campoLivre.slice(3, 11);
    const agency = campoLivre.slice(12, 16);
    const account = campoLivre.slice(16, 21);
    const errors: CheckIssue[] = [];
    const dac = String(itauNossoNumeroDac(agency, account, carteira, value));
    if (campoLivre[11] !== dac)
      errors.push(mismatch('nosso-numero-dv', 'nosso número (DAC)', campoLivre[11] ?? '', dac));
    const accountDac = String(mod10(agency + account));
    if (campoLivre[21] !== accountDac)
      errors.push(mismatch('conta-dv', 'agência/conta (DAC)', campoLivre[21] ?? '', accountDac));
    return {
      fields: {
        carteira,
        nossoNumero: value,
        nossoNumeroDv: campoLivre.slice(11, 12),
        agency,
        account,
        accountDv: campoLivre.slice(21, 22),
      },
      errors,
    };
  },
};
