/** CNAB 400 layouts (owned by the CNAB400 engineer). Add a bank: import its layouts and append them here. */
import type { CnabLayout } from '../../layout.js';
import { itau341Remessa400, itau341Retorno400 } from './itau-341.js';

export const layouts400: CnabLayout[] = [itau341Remessa400, itau341Retorno400];
