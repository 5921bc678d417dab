/**
 * Banrisul (041) CNAB 240 cobrança (layout de arquivo 040, lote 020): código do convênio 33-48 in the file header
 * (49-52 reserved) and 34-46 in the batch header (47-53 blank); conta corrente 12 digits 59-70 (zero-filled);
 * segments and the occurrence table are FEBRABAN's. Cross-checked with andersondanilo/cnab_yaml
 * cnab240/041/remessa and eduardokum/laravel-boleto Cnab/Retorno/Cnab240/Banco/Banrisul.php.
 */
import { alpha, blank, num } from '../../cnab/layout.js';
import { remessa240, retorno240 } from '../../cnab/febraban-240.js';

const bank = '041';
const bankName = 'BANRISUL';
const source = 'Banrisul CNAB 240 cobrança (layout 040, lote 020)';

export const banrisul041Remessa240 = remessa240({
  bank,
  bankName,
  source,
  patches: {
    fileHeader: [
      alpha('convenio', 33, 48),
      blank(49, 52),
      num('fileLayoutVersion', 164, 166, { default: 40 }),
    ],
    batchHeader: [
      alpha('convenio', 34, 46),
      blank(47, 53),
      num('batchLayoutVersion', 14, 16, { default: 20 }),
    ],
  },
});
export const banrisul041Retorno240 = retorno240({ bank, bankName, source });
