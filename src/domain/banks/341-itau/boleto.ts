/**
 * Itaú (341). Source: Itaú "Cobrança – Código de barras, versão 2.3, setembro/2012 (carteiras com ou sem registro)"
 * and Itaú "CNAB 400 – nota 10/DAC", cross-checked with kivanio/brcobranca itau.rb.
 *
 * campo livre (25): carteira(3) + nosso número(8) + DAC(1) + agência(4) + conta(5) + DAC agência/conta(1) + "000"
 * DAC of the nosso número: módulo 10 over agência(4) + conta(5) + carteira(3) + nosso número(8); "à exceção estão as
 *   carteiras 112, 126, 131, 146, 150 e 168", whose DAC is módulo 10 over carteira + nosso número only. The manual's
 *   older editions listed the exception without 112 (as caelum-stella and gerar-boletos still do); the current one
 *   includes it, and kivanio/brcobranca follows it since commit d6ba77b (2010, its issue #4, a rejected 112 boleto).
 * DAC of agência/conta: módulo 10 over agência(4) + conta(5).
 * Carteiras 106, 107, 122, 142, 143, 195, 196 and 198 ("seu número" in the campo livre): carteira(3) + nosso
 *   número(8) + seu número(7) + código do cliente(5, the convênio) + DAC módulo 10 of those 23 digits + "0".
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

export const ITAU_CARTEIRAS_DAC_WITHOUT_ACCOUNT = ['112', '126', '131', '146', '150', '168'] as const;
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

/** The 23 digits of a seu-número carteira's campo livre before its DAC. */
function seuNumeroBody(input: BankBoletoInput, carteira: string, nossoNumero: string): string {
  if (input.seuNumero === undefined || input.seuNumero.trim() === '')
    throw new BoletoError(
      'seu número',
      `a carteira ${carteira} leva o seu número (até 7 dígitos) no código de barras`,
    );
  return (
    carteira +
    nossoNumero +
    digitsField(input.seuNumero, 'seu número', 7) +
    digitsField(input.convenio, 'código do cliente (convênio)', 5)
  );
}

function parts(input: BankBoletoInput) {
  const carteira = digitsField(input.carteira, 'carteira', 3);
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
    {
      field: 'convenio',
      label: 'código do cliente',
      required: false,
      note: '5 dígitos; só nas carteiras 106, 107, 122, 142, 143, 195, 196 e 198',
    },
    {
      field: 'seuNumero',
      label: 'seu número',
      required: false,
      note: 'até 7 dígitos; só nas carteiras 106, 107, 122, 142, 143, 195, 196 e 198',
    },
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
    if (SEU_NUMERO_CARTEIRAS.includes(carteira)) {
      const body = seuNumeroBody(input, carteira, value);
      return body + String(mod10(body)) + '0';
    }
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
