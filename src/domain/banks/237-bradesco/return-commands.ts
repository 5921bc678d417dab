/**
 * Bradesco (237): default return commands, what each occurrence code does unless an admin maps it otherwise (codes
 * not listed are informative).
 */
import { occurrenceCommands } from '../../cnab/occurrences.js';
import { bradesco237Occurrences400 } from './cnab400.js';

export const returnCommands400 = occurrenceCommands(bradesco237Occurrences400, {
  confirm_registration: ['02'],
  reject_registration: ['03', '24', '27', '30', '32'],
  settle: ['06', '15', '17'],
  write_off: ['09', '10'],
  due_date_changed: ['14'],
  protest: ['19', '23', '25'],
  fee_only: ['28'],
});
