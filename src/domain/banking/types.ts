/**
 * The contract every bank's account rules fulfil: how many digits its agência and conta have, and how their check
 * digits (DV) are computed. A bank states only its own numbers and arithmetic in its folder
 * (src/domain/banks/<code>-<slug>/account.ts, reached through its profile); account.ts here runs them all the same way.
 */

/** How a bank's agência or conta check digit is known. */
export type DigitRule<Args extends unknown[]> =
  /** The bank has no such digit: a typed one is refused. */
  | 'none'
  /** The digit exists, but no public rule was found to compute it: any one character is accepted. */
  | 'unchecked'
  /** Computes the digit from the zero-padded numbers (upper case letter where the bank uses one: X, P). */
  | ((...args: Args) => string);

export interface BankAccountRules {
  /** FEBRABAN/COMPE code, 3 digits. */
  code: string;
  name: string;
  /** Digits of the agência without its DV (zero-padded to this length). */
  agencyLength: number;
  agencyDigit: DigitRule<[agency: string]>;
  /** Digits of the conta without its DV, at most; zero-padded to it when the DV is computed. */
  accountLength: number;
  accountDigit: Exclude<DigitRule<[agency: string, account: string]>, 'none'>;
  /** pt-BR hint about the conta shown in messages (e.g. Caixa's operação prefix). */
  accountHint?: string;
}
