/**
 * Sicredi (748): default return commands, what each occurrence code does unless an admin maps it otherwise (codes
 * not listed are informative).
 */
import { occurrenceCommands } from '../../cnab/occurrences.js';
import { febrabanCommandActions } from '../../cnab/febraban-240.js';
import { sicredi748Occurrences240 } from './cnab240.js';

/** FEBRABAN's, with Sicredi's 36 "baixa rejeitada". */
export const returnCommands240 = occurrenceCommands(sicredi748Occurrences240, {
  ...febrabanCommandActions,
  reject_registration: [...febrabanCommandActions.reject_registration, '36'],
});
