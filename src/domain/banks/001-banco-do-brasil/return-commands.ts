/**
 * Banco do Brasil (001): default return commands, what each occurrence code does unless an admin maps it otherwise (codes
 * not listed are informative).
 */
import { occurrenceCommands } from '../../cnab/occurrences.js';
import { bancoBrasil001Occurrences400 } from './cnab400.js';

/** CBR643 comandos: 05 "liquidado sem registro" is a payment; 96-98 are tarifas. */
export const returnCommands400 = occurrenceCommands(bancoBrasil001Occurrences400, {
  confirm_registration: ['02'],
  reject_registration: ['03'],
  settle: ['05', '06', '07', '08', '15'],
  write_off: ['09', '10'],
  due_date_changed: ['14'],
  protest: ['19', '23'],
  fee_only: ['28', '96', '97', '98'],
});
