import { parseCalendarDate, todayInSaoPaulo, type CalendarDate } from '../dates.js';
import {
  assembleBankBarcode,
  bankLineFromBarcode,
  CURRENCY_REAL,
  formatBankLine,
  MAX_AMOUNT_CENTS,
} from './barcode.js';
import { BoletoError } from './digits.js';
import {
  dueDateFactor,
  FACTOR_WINDOW_FUTURE_DAYS,
  FACTOR_WINDOW_PAST_DAYS,
  isInFactorWindow,
} from './due-date-factor.js';
import { BANKS, findBank } from './banks.js';
import type { BeneficiaryInput, CheckIssue, NossoNumero } from './bank-rules.js';

export interface MakeBankBoletoInput {
  /** "341", "001"… */
  bankCode: string;
  /** ISO date; null for a boleto without due date (factor 0000). */
  dueDate: CalendarDate | null;
  amountCents: number;
  beneficiary: BeneficiaryInput;
  /** Sequential part of the nosso número; the bank module adds prefixes and the DV. */
  nossoNumero: string;
  /** Itaú carteiras with "seu número" in the campo livre (106, 107, 122, 142, 143, 195, 196, 198). */
  seuNumero?: string;
}

export interface MakeBankBoletoOptions {
  /** "Today" in São Paulo: the issue date and the centre of the fator de vencimento window. */
  today?: CalendarDate;
}

export interface BankBoleto {
  bank: string;
  bankName: string;
  /** 44 digits. */
  barcode: string;
  /** 47 digits, no punctuation. */
  line: string;
  /** "34191.09008 …" as printed. */
  formattedLine: string;
  nossoNumero: NossoNumero;
  campoLivre: string;
  dueDate: CalendarDate | null;
  /** 0 when there is no due date. */
  dueDateFactor: number;
  amountCents: number;
  /** Doubts about the input that did not stop the boleto, e.g. a typed account DV that does not match. */
  warnings: CheckIssue[];
}

/** Builds a bank boleto (ficha de compensação); raises BoletoError with a pt-BR message naming the field. */
export function makeBankBoleto(input: MakeBankBoletoInput, options: MakeBankBoletoOptions = {}): BankBoleto {
  const today = options.today ?? todayInSaoPaulo();
  const bank = findBank(String(input.bankCode ?? '').trim());
  if (!bank)
    throw new BoletoError(
      'banco',
      `"${input.bankCode}" não é suportado; bancos: ${BANKS.map((b) => `${b.code} (${b.name})`).join(', ')}`,
    );
  const { amountCents } = input;
  if (!Number.isSafeInteger(amountCents) || amountCents < 0 || amountCents > MAX_AMOUNT_CENTS)
    throw new BoletoError(
      'valor',
      `${amountCents} centavos fora do intervalo de 0 a ${MAX_AMOUNT_CENTS} centavos`,
    );
  let factor = 0;
  if (input.dueDate !== null) {
    const dueDate = parseCalendarDate(input.dueDate, 'vencimento');
    if (!isInFactorWindow(dueDate, today))
      throw new BoletoError(
        'vencimento',
        `${dueDate} está fora da janela do fator de vencimento (de ${FACTOR_WINDOW_PAST_DAYS} dias antes a ` +
          `${FACTOR_WINDOW_FUTURE_DAYS} dias depois de ${today})`,
      );
    factor = dueDateFactor(dueDate);
  }
  if (typeof input.nossoNumero !== 'string' || input.nossoNumero.trim() === '')
    throw new BoletoError('nosso número', 'é obrigatório');
  const bankInput = {
    ...input.beneficiary,
    nossoNumero: input.nossoNumero,
    seuNumero: input.seuNumero,
    amountCents,
    issueDate: today,
  };
  const nossoNumero = bank.makeNossoNumero(bankInput);
  const campoLivre = bank.makeCampoLivre(bankInput);
  if (!/^\d{25}$/.test(campoLivre))
    throw new Error(`campo livre do banco ${bank.code} não tem 25 dígitos: ${campoLivre}`);
  const barcode = assembleBankBarcode(
    bank.code,
    CURRENCY_REAL,
    String(factor).padStart(4, '0'),
    String(amountCents).padStart(10, '0'),
    campoLivre,
  );
  const line = bankLineFromBarcode(barcode);
  return {
    bank: bank.code,
    bankName: bank.name,
    barcode,
    line,
    formattedLine: formatBankLine(line),
    nossoNumero,
    campoLivre,
    dueDate: input.dueDate,
    dueDateFactor: factor,
    amountCents,
    warnings: bank.checkInput?.(bankInput) ?? [],
  };
}
