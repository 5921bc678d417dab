/**
 * Santander (033): default return commands, what each occurrence code does unless an admin maps it otherwise (codes
 * not listed are informative).
 */
import { occurrenceCommands } from '../../cnab/occurrences.js';
import { santander033Occurrences400 } from './cnab400.js';

export const returnCommands400 = occurrenceCommands(santander033Occurrences400, {
  confirm_registration: ['02'],
  reject_registration: ['01', '03', '16'],
  settle: ['06', '07', '08', '17'],
  write_off: ['09', '10'],
  due_date_changed: ['14'],
  protest: ['15', '21', '25'],
  fee_only: ['24'],
});
