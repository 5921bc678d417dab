/**
 * Banco do Brasil (001) CNAB 240 cobrança. BB "Layout de Arquivo Padrão CNAB 240 – Cobrança" (versão 083/042):
 * convênio in 33-52 of the headers as convênio (9) + "0014" + carteira (2) + variação (3) + 2 blanks; código da
 * carteira (P 58) is 7 for carteira 17 simples, 1 for 11/12 simples; nosso número (P 38-57) is convênio + sequence,
 * left-aligned. T/U as FEBRABAN. Cross-checked with kivanio/brcobranca remessa/cnab240/banco_brasil.rb.
 */
import { blank, constant, num, zeros } from '../../cnab/layout.js';
import { remessa240, retorno240 } from '../../cnab/febraban-240.js';

const bank = '001';
const bankName = 'BANCO DO BRASIL S.A.';
const source = 'Banco do Brasil CNAB 240 cobrança (layout 083, lote 042)';

export const bb001Remessa240 = remessa240({
  bank,
  bankName,
  source,
  patches: {
    fileHeader: [
      num('convenio', 33, 41),
      constant(42, 45, '0014', 'num'),
      num('carteira', 46, 47),
      num('variation', 48, 50),
      blank(51, 52),
      num('fileLayoutVersion', 164, 166, { default: 83 }),
    ],
    batchHeader: [
      num('convenio', 34, 42),
      constant(43, 46, '0014', 'num'),
      num('carteira', 47, 48),
      num('variation', 49, 51),
      blank(52, 53),
      num('batchLayoutVersion', 14, 16, { default: 42 }),
    ],
    // BB fills the cobrança totals (C070/C071) only in the retorno; the remessa sends zeros.
    batchTrailer: [zeros(24, 46)],
  },
  values: (v) => ({
    carteiraCode: v.carteira === '17' ? 7 : 1,
    // BB nota: emissão/distribuição "0" (campo não tratado pelo banco).
    issuer: 0,
    distribution: '0',
  }),
});

export const bb001Retorno240 = retorno240({ bank, bankName, source });
