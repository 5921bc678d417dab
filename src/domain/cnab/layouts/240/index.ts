/** CNAB 240 layouts: the FEBRABAN base (febraban.ts) and one small file per bank stating how it differs. */
import type { CnabLayout } from '../../layout.js';
import { banrisul041Remessa240, banrisul041Retorno240 } from './banrisul-041.js';
import { bb001Remessa240, bb001Retorno240 } from './bb-001.js';
import { caixa104Remessa240, caixa104Retorno240 } from './caixa-104.js';
import { itau341Remessa240, itau341Retorno240 } from './itau-341.js';
import { santander033Remessa240, santander033Retorno240 } from './santander-033.js';
import { sicoob756Remessa240, sicoob756Retorno240 } from './sicoob-756.js';
import { sicredi748Remessa240, sicredi748Retorno240 } from './sicredi-748.js';

export const layouts240: CnabLayout[] = [
  bb001Remessa240,
  bb001Retorno240,
  santander033Remessa240,
  santander033Retorno240,
  banrisul041Remessa240,
  banrisul041Retorno240,
  caixa104Remessa240,
  caixa104Retorno240,
  itau341Remessa240,
  itau341Retorno240,
  sicredi748Remessa240,
  sicredi748Retorno240,
  sicoob756Remessa240,
  sicoob756Retorno240,
];
