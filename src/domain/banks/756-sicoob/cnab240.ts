/**
 * Sicoob (756) CNAB 240 cobrança ("Layout CNAB 240 Sicoob", layout 081, lote 040): convênio blank; nosso
 * número in P/T 38-57 as nosso número with DV (10) + parcela (2) + modalidade (2) + tipo de formulário (1) +
 * 5 blanks. Cross-checked with kivanio/brcobranca remessa/cnab240/sicoob.rb and retorno/cnab240/sicoob.rb.
 */
import { alpha, blank, num } from '../../cnab/layout.js';
import { remessa240, retorno240 } from '../../cnab/febraban-240.js';

const bank = '756';
const bankName = 'SICOOB';
const source = 'Sicoob CNAB 240 cobrança (layout 081, lote 040)';

export const sicoob756Remessa240 = remessa240({
  bank,
  bankName,
  source,
  patches: {
    fileHeader: [num('fileLayoutVersion', 164, 166, { default: 81 })],
    batchHeader: [num('batchLayoutVersion', 14, 16, { default: 40 })],
    P: [
      num('nossoNumero', 38, 47, { required: true }),
      num('installment', 48, 49, { default: 1 }),
      num('modality', 50, 51, { default: 1 }),
      num('formType', 52, 52, { default: 4 }),
      blank(53, 57),
      num('registrationForm', 59, 59, { default: 0 }),
    ],
  },
  values: (v) => ({ convenio: '', modality: v.variation ? v.variation : 1 }),
});

export const sicoob756Retorno240 = retorno240({
  bank,
  bankName,
  source,
  patches: {
    T: [
      alpha('nossoNumero', 38, 47),
      alpha('installment', 48, 49),
      alpha('modality', 50, 51),
      alpha('_formType', 52, 52),
      blank(53, 57),
    ],
  },
});
