/**
 * Sicredi (748). Source: Sicredi "Manual de cobrança – leiaute do código de barras" (maio/2016) — campo livre
 * positions 20–44 and nosso número "AA/BXXXXX-D" — cross-checked with kivanio/brcobranca sicredi.rb.
 *
 * Nosso número (9): ano(2) + byte de geração(1: 1 agência, 2–9 beneficiário) + sequencial(5) + DV, DV = módulo 11
 *   (weights 2..9, remainder 0 or 1 → 0) over cooperativa(4) + posto(2) + código do beneficiário(5) + ano + byte +
 *   sequencial.
 * campo livre (25): tipo de cobrança(1: 1 com registro, 3 sem registro) + carteira "1" + nosso número(9) +
 *   cooperativa(4) + posto(2) + código do beneficiário(5) + "1" if the amount is given else "0" + "0" +
 *   DV (same módulo 11 over the 24 digits).
 */
import { BoletoError, digitsField, mod11ZeroWhenOver9 } from '../../boleto/digits.js';
import {
  agencyDigits,
  mismatch,
  requireOneOf,
  type BankBoletoInput,
  type BankBoletoRules,
  type CheckIssue,
} from '../../boleto/bank-rules.js';

function parts(input: BankBoletoInput) {
  const agency = agencyDigits(input);
  const posto = digitsField(input.posto, 'posto', 2);
  const convenio = digitsField(input.convenio, 'código do beneficiário', 5);
  const raw = input.nossoNumero.trim();
  let prefix: string;
  let sequential: string;
  if (/^\d{8}$/.test(raw)) {
    prefix = raw.slice(0, 3);
    sequential = raw.slice(3);
  } else {
    const byte = (input.byteIdt ?? '2').trim();
    if (!/^[1-9]$/.test(byte)) throw new BoletoError('byte', `"${byte}" deve ser um dígito de 1 a 9`);
    prefix = input.issueDate.slice(2, 4) + byte;
    sequential = digitsField(raw, 'nosso número', 5);
  }
  const value = prefix + sequential;
  return {
    agency,
    posto,
    convenio,
    value,
    dv: String(mod11ZeroWhenOver9(agency + posto + convenio + value)),
  };
}

export const sicredi: BankBoletoRules = {
  code: '748',
  name: 'Sicredi',
  inputs: [
    { field: 'agency', label: 'cooperativa', required: true, note: '4 dígitos' },
    { field: 'posto', label: 'posto', required: true, note: '2 dígitos' },
    { field: 'convenio', label: 'código do beneficiário', required: true, note: '5 dígitos' },
    {
      field: 'carteira',
      label: 'tipo de cobrança',
      required: false,
      note: '1 com registro (padrão) ou 3 sem registro',
    },
    {
      field: 'byteIdt',
      label: 'byte',
      required: false,
      note: '2–9 (padrão 2); o ano vem da data de emissão',
    },
    {
      field: 'nossoNumero',
      label: 'nosso número',
      required: true,
      note: 'sequencial de até 5 dígitos, ou AABNNNNN (8)',
    },
  ],
  makeNossoNumero(input) {
    const { value, dv } = parts(input);
    return { value, dv, formatted: `${value.slice(0, 2)}/${value.slice(2)}-${dv}` };
  },
  makeCampoLivre(input) {
    const tipo = requireOneOf((input.carteira ?? '1').trim(), 'tipo de cobrança (carteira)', ['1', '3']);
    const { agency, posto, convenio, value, dv } = parts(input);
    const body =
      tipo + '1' + value + dv + agency + posto + convenio + (input.amountCents > 0 ? '1' : '0') + '0';
    return body + String(mod11ZeroWhenOver9(body));
  },
  readCampoLivre(campoLivre) {
    const value = campoLivre.slice(2, 10);
    const agency = campoLivre.slice(11, 15);
    const posto = campoLivre.slice(15, 17);
    const convenio = campoLivre.slice(17, 22);
    const errors: CheckIssue[] = [];
    const nnDv = String(mod11ZeroWhenOver9(agency + posto + convenio + value));
    if (campoLivre[10] !== nnDv)
      errors.push(mismatch('nosso-numero-dv', 'nosso número', campoLivre[10] ?? '', nnDv));
    const dv = String(mod11ZeroWhenOver9(campoLivre.slice(0, 24)));
    if (campoLivre[24] !== dv)
      errors.push(mismatch('campo-livre-dv', 'campo livre', campoLivre[24] ?? '', dv));
    return {
      fields: {
        tipoCobranca: campoLivre.slice(0, 1),
        nossoNumero: value,
        nossoNumeroDv: campoLivre.slice(10, 11),
        agency,
        posto,
        convenio,
      },
      errors,
    };
  },
};
