/**
 * Caixa Econômica Federal (104), SIGCB. Source: CAIXA "Especificação do Código de Barras para Bloquetos de Cobrança
 * Sem Registro e Registrada no SIGCB" (downloads.caixa.gov.br/_arquivos/cobranca_caixa_sigcb/manuais/
 * CODIGO_BARRAS_SIGCB.PDF), cross-checked with kivanio/brcobranca caixa.rb.
 *
 * Nosso número (17): modalidade(1: 1 registrada, 2 sem registro) + emissão "4" (beneficiário) + sequencial(15);
 *   DV módulo 11, weights 2..9, DV = 11 − remainder, > 9 → 0.
 * campo livre (25): código do beneficiário(6) + DV do código(1, same módulo 11) + NN[3..5] + NN[1] + NN[6..8]
 *   + NN[2] + NN[9..17] + DV do campo livre (same módulo 11 over the 24 digits).
 */
import { BoletoError, digitsField, mod11ZeroWhenOver9 } from '../../boleto/digits.js';
import {
  mismatch,
  requireOneOf,
  type BankBoletoInput,
  type BankBoletoRules,
  type CheckIssue,
} from '../../boleto/bank-rules.js';

function nossoNumero17(input: BankBoletoInput): string {
  const modalidade = requireOneOf((input.carteira ?? '1').trim(), 'carteira (modalidade)', ['1', '2']);
  return modalidade + '4' + digitsField(input.nossoNumero, 'nosso número', 15);
}

function convenioDigits(input: BankBoletoInput): string {
  const raw = (input.convenio ?? '').trim();
  const withDv = /^(\d{1,6})-(\d)$/.exec(raw);
  const code = digitsField(withDv ? withDv[1] : raw, 'código do beneficiário', 6);
  if (withDv && String(mod11ZeroWhenOver9(code)) !== withDv[2])
    throw new BoletoError(
      'código do beneficiário',
      `dígito ${withDv[2]} não confere (calculado ${mod11ZeroWhenOver9(code)})`,
    );
  return code;
}

export const caixa: BankBoletoRules = {
  code: '104',
  name: 'Caixa Econômica Federal',
  inputs: [
    {
      field: 'convenio',
      label: 'código do beneficiário',
      required: true,
      note: '6 dígitos (o DV é calculado)',
    },
    {
      field: 'carteira',
      label: 'modalidade',
      required: false,
      note: '1 registrada (padrão) ou 2 sem registro',
    },
    { field: 'nossoNumero', label: 'nosso número', required: true, note: 'sequencial de até 15 dígitos' },
  ],
  makeNossoNumero(input) {
    const value = nossoNumero17(input);
    const dv = String(mod11ZeroWhenOver9(value));
    return { value, dv, formatted: `${value}-${dv}` };
  },
  makeCampoLivre(input) {
    const code = convenioDigits(input);
    const nn = nossoNumero17(input);
    const body =
      code +
      String(mod11ZeroWhenOver9(code)) +
      nn.slice(2, 5) +
      nn.slice(0, 1) +
      nn.slice(5, 8) +
      nn.slice(1, 2) +
      nn.slice(8, 17);
    return body + String(mod11ZeroWhenOver9(body));
  },
  readCampoLivre(campoLivre) {
    const code = campoLivre.slice(0, 6);
    const nn =
      campoLivre.slice(10, 11) +
      campoLivre.slice(14, 15) +
      campoLivre.slice(7, 10) +
      campoLivre.slice(11, 14) +
      campoLivre.slice(15, 24);
    const errors: CheckIssue[] = [];
    const codeDv = String(mod11ZeroWhenOver9(code));
    if (campoLivre[6] !== codeDv)
      errors.push(mismatch('convenio-dv', 'código do beneficiário', campoLivre[6] ?? '', codeDv));
    const dv = String(mod11ZeroWhenOver9(campoLivre.slice(0, 24)));
    if (campoLivre[24] !== dv)
      errors.push(mismatch('campo-livre-dv', 'campo livre', campoLivre[24] ?? '', dv));
    return {
      fields: { convenio: code, nossoNumero: nn, nossoNumeroDv: String(mod11ZeroWhenOver9(nn)) },
      errors,
    };
  },
};
