/** CNAB 240 layouts: the FEBRABAN base and one file per bank variant. */
import type { CnabLayout } from '../../layout.js';

export const layouts240: CnabLayout[] = [];
