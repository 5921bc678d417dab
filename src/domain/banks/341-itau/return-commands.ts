/**
 * Itaú (341): default return commands, what each occurrence code does unless an admin maps it otherwise (codes
 * not listed are informative).
 */
import { occurrenceCommands } from '../../cnab/occurrences.js';
import { itau341Occurrences400 } from './cnab400.js';

/** Nota 17, the same codes in CNAB 240 and 400: tarifas and custas have codes of their own (23-62, 80-93). */
export const returnCommands = occurrenceCommands(itau341Occurrences400, {
  confirm_registration: ['02', '64', '71', '73'],
  reject_registration: ['03', '15', '16', '17', '18', '24', '60', '74'],
  settle: ['06', '07', '08', '59', '72'],
  write_off: ['05', '09', '32', '47'],
  due_date_changed: ['14'],
  protest: ['19'],
  fee_only: [
    ...[
      '23',
      '26',
      '27',
      '28',
      '29',
      '30',
      '33',
      '34',
      '35',
      '36',
      '37',
      '38',
      '39',
      '40',
      '41',
      '42',
      '43',
      '44',
    ],
    ...[
      '45',
      '46',
      '48',
      '51',
      '52',
      '53',
      '54',
      '55',
      '56',
      '61',
      '62',
      '80',
      '82',
      '83',
      '85',
      '86',
      '87',
      '88',
    ],
    ...['89', '90', '91', '92', '93'],
  ],
});
