/**
 * Banrisul (041) CNAB 240 cobrança: follows the FEBRABAN 240 layout (código do beneficiário in the convênio
 * field 33-52 as Banrisul assigns it); the occurrence table is FEBRABAN's C044.
 * Cross-checked with eduardokum/laravel-boleto Cnab/Retorno/Cnab240/Banco/Banrisul.php.
 */
import { remessa240, retorno240 } from './febraban.js';

const bank = '041';
const bankName = 'BANRISUL';
const source = 'Banrisul CNAB 240 cobrança (FEBRABAN v10)';

export const banrisul041Remessa240 = remessa240({ bank, bankName, source });
export const banrisul041Retorno240 = retorno240({ bank, bankName, source });
