/**
 * CAIXA (104): default return commands, what each occurrence code does unless an admin maps it otherwise (codes
 * not listed are informative).
 */
import { occurrenceCommands } from '../../cnab/occurrences.js';
import { caixa104Occurrences240 } from './cnab240.js';
import { caixa104Occurrences400 } from './cnab400.js';

/** SIGCB 240: FEBRABAN's codes CAIXA keeps, plus 39-41 (banco de pagador rejeitado) and 46 liquidação on-line. */
export const returnCommands240 = occurrenceCommands(caixa104Occurrences240, {
  confirm_registration: ['02'],
  reject_registration: ['03', '26', '30', '39', '40', '41'],
  settle: ['06', '46'],
  write_off: ['05', '09', '25'],
  due_date_changed: ['14'],
  protest: ['19', '23'],
  fee_only: ['28'],
});

/** SIGCB 400: own numbering (01 entrada, 21/22 liquidação, 99 rejeição); 07, 11, 12 and 28 change protest options. */
export const returnCommands400 = occurrenceCommands(caixa104Occurrences400, {
  confirm_registration: ['01'],
  reject_registration: ['99'],
  settle: ['21', '22'],
  write_off: ['02', '23', '24', '25'],
  due_date_changed: ['05'],
  protest: ['26'],
  fee_only: ['31', '32'],
});
