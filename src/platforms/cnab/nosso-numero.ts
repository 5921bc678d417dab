/**
 * The nosso número of a título at a bank by file: the portador's next number run through the bank's own rule
 * (prefixes such as the convênio, and the check digit — src/domain/banks/<bank>/boleto.ts), then fitted to the
 * remessa layout's field: with the DV where the field has room for it (Itaú 240 "nosso número (8) + DAC"),
 * without it where it has not (Itaú 400), and without the rule's zero padding where the field is narrower than
 * the rule's number (Santander 400 "nosso número com dígito", 8 positions), and as the portador's number alone
 * where the layout puts the bank's prefix in a field of its own (CAIXA 240).
 */
import { bankProfile } from '../../domain/banks/registry.js';
import type { BeneficiaryInput } from '../../domain/boleto/bank-rules.js';
import { BoletoError } from '../../domain/boleto/digits.js';
import { findLayout } from '../../domain/cnab/registry.js';
import { PlatformError } from '../adapter.js';
import type { CnabOptions } from './options.js';

export interface CnabNossoNumero {
  /** As the remessa carries it (the layout field's width, zero padded). */
  inFile: string;
  /**
   * The bank's number without DV and leading zeros: the título's key at the portador. It is also our seu número in
   * the file, which the bank echoes back in the retorno, so a retorno finds its título whatever DV convention the
   * bank's retorno uses for the nosso número.
   */
  key: string;
}

function fieldWidth(options: CnabOptions): number {
  const layout = findLayout(options.bank, options.layout, 'remessa');
  const field = layout?.records.flatMap((r) => r.fields).find((f) => f.name === 'nossoNumero');
  if (!field)
    throw new PlatformError('validation', `layout ${options.bank}-${options.layout} sem nosso número`);
  return field.end - field.start + 1;
}

function beneficiary(options: CnabOptions): BeneficiaryInput {
  const p = options.portador;
  return {
    agency: p.agency,
    account: p.accountDigit ? `${p.account}-${p.accountDigit}` : p.account,
    carteira: p.carteira,
    convenio: p.convenio,
    ...(options.bank === '756' && p.variation ? { modalidade: p.variation } : {}),
    ...(options.bank === '748' && p.variation ? { posto: p.variation } : {}),
  };
}

export function cnabNossoNumero(options: CnabOptions, sequence: number, issueDate: string): CnabNossoNumero {
  const rules = bankProfile(options.bank)?.boleto;
  if (!rules)
    throw new PlatformError('validation', `banco ${options.bank} sem regra de nosso número cadastrada`);
  let made: { value: string; dv: string };
  try {
    made = rules.makeNossoNumero({
      ...beneficiary(options),
      nossoNumero: String(sequence),
      amountCents: 0,
      issueDate,
    });
  } catch (error) {
    if (error instanceof BoletoError)
      throw new PlatformError('validation', `nosso número do portador: ${error.message}`, {
        property: error.field,
      });
    throw error;
  }
  const width = fieldWidth(options);
  const stripped = made.value.replace(/^0+(?=.)/, '');
  // Last, the portador's number alone: CAIXA 240 carries the modalidade apart (P 41-42) from the 15 digits.
  const candidate = [made.value + made.dv, made.value, stripped + made.dv, String(sequence)].find(
    (c) => c.length <= width,
  );
  if (!candidate)
    throw new PlatformError(
      'validation',
      `nosso número ${made.value}-${made.dv} não cabe nas ${width} posições do layout ${options.bank}-${options.layout}`,
      { property: 'nossoNumero' },
    );
  return { inFile: candidate.padStart(width, '0'), key: stripped };
}
