/**
 * Boleto numbers: the public API of src/domain/boleto. Pure functions, no I/O.
 *
 * - makeBankBoleto: barcode, linha digitável and nosso número of a bank boleto (ficha de compensação).
 * - parseBoleto: reads and checks any barcode or linha digitável, bank or collection (arrecadação).
 * - dueDateFactor / dateFromFactor: fator de vencimento with the 2025-02-22 restart.
 */
export {
  makeBankBoleto,
  type BankBoleto,
  type MakeBankBoletoInput,
  type MakeBankBoletoOptions,
} from './make.js';
export { parseBoleto, type ParseBoletoOptions, type ParsedBoleto } from './parse.js';
export {
  dateFromFactor,
  dueDateFactor,
  FACTOR_WINDOW_FUTURE_DAYS,
  FACTOR_WINDOW_PAST_DAYS,
  isInFactorWindow,
} from './due-date-factor.js';
export { bankBarcodeFromLine, bankLineFromBarcode, formatBankLine } from './barcode.js';
export { BoletoError } from './digits.js';
export { BANKS, findBank } from './banks.js';
export type { BankBoletoRules, BeneficiaryInput, CheckIssue, InputSpec, NossoNumero } from './bank-rules.js';
