/**
 * CNAB 400 layouts (owned by the CNAB400 engineer): one remessa and one retorno layout per bank, all built on the
 * common 400 shape in `common.ts`. Add a bank: write `<name>-<code>.ts`, import its layouts and append them here.
 */
import type { CnabLayout } from '../../layout.js';
import { bancoBrasil001Remessa400, bancoBrasil001Retorno400 } from './banco-brasil-001.js';
import { banrisul041Remessa400, banrisul041Retorno400 } from './banrisul-041.js';
import { bradesco237Remessa400, bradesco237Retorno400 } from './bradesco-237.js';
import { caixa104Remessa400, caixa104Retorno400 } from './caixa-104.js';
import { itau341Remessa400, itau341Retorno400 } from './itau-341.js';
import { santander033Remessa400, santander033Retorno400 } from './santander-033.js';
import { sicoob756Remessa400, sicoob756Retorno400 } from './sicoob-756.js';

export const layouts400: CnabLayout[] = [
  bancoBrasil001Remessa400,
  bancoBrasil001Retorno400,
  santander033Remessa400,
  santander033Retorno400,
  banrisul041Remessa400,
  banrisul041Retorno400,
  caixa104Remessa400,
  caixa104Retorno400,
  bradesco237Remessa400,
  bradesco237Retorno400,
  itau341Remessa400,
  itau341Retorno400,
  sicoob756Remessa400,
  sicoob756Retorno400,
];
