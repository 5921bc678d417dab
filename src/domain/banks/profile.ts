/**
 * What the engines need from one bank: its account check digits (src/domain/banking), its boleto rules (src/domain/boleto), its CNAB 240 and 400 layouts
 * (src/domain/cnab) and its default return commands (src/domain/settlement). Each bank is one folder
 * `<code>-<slug>/` whose `index.ts` exports its profile; registry.ts lists the folders.
 */
import type { BankAccountRules } from '../banking/types.js';
import type { BankBoletoRules } from '../boleto/bank-rules.js';
import type { CnabLayout } from '../cnab/layout.js';
import type { ReturnCommandTable } from '../settlement/return-commands.js';

export interface BankCnabLayouts {
  remessa: CnabLayout;
  retorno: CnabLayout;
  /** What each occurrence code of `retorno` does by default (return-commands.ts); editable per portador later. */
  returnCommands: ReturnCommandTable;
}

export interface BankProfile {
  /** COMPE code, 3 digits. */
  code: string;
  /** The folder's name after the code (`237-bradesco`). */
  slug: string;
  name: string;
  /** Check digit of the bank code, printed beside it on the boleto ("237-2"). */
  codeDv: string;
  /** Lengths and check digits of its agência and conta (account.ts). */
  account: BankAccountRules;
  boleto?: BankBoletoRules;
  cnab240?: BankCnabLayouts;
  cnab400?: BankCnabLayouts;
}
