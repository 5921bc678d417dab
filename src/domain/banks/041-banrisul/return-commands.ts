/**
 * Banrisul (041): default return commands, what each occurrence code does unless an admin maps it otherwise (codes
 * not listed are informative).
 */
import { occurrenceCommands } from '../../cnab/occurrences.js';
import { banrisul041Occurrences400 } from './cnab400.js';

/** 26 (devolvido pelo cartório) and 31 (em trânsito pago em cartório) are notices, not a protest. */
export const returnCommands400 = occurrenceCommands(banrisul041Occurrences400, {
  confirm_registration: ['02', '47'],
  reject_registration: ['03'],
  settle: ['06', '07', '08', '15'],
  write_off: ['04', '09', '10', '40'],
  due_date_changed: ['14'],
  protest: ['19', '21', '23'],
  fee_only: ['41', '44', '45', '46'],
});
