/**
 * Sicoob (756): default return commands, what each occurrence code does unless an admin maps it otherwise (codes
 * not listed are informative).
 */
import { occurrenceCommands } from '../../cnab/occurrences.js';
import { sicoob756Occurrences400 } from './cnab400.js';

/** CBR643 as Sicoob keeps it: 05 "liquidação sem registro" is a payment. */
export const returnCommands400 = occurrenceCommands(sicoob756Occurrences400, {
  confirm_registration: ['02'],
  settle: ['05', '06', '15'],
  write_off: ['09', '10'],
  due_date_changed: ['14'],
  protest: ['23'],
});
