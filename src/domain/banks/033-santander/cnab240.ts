/**
 * Santander (033) CNAB 240 cobrança, "Layout de arquivos CNAB 240 posições – Cobrança" (versão 040/030):
 * header 17-47 tipo/inscrição (15) + código de transmissão (15); P with agência 4 + DV, conta 9 + DV, conta
 * cobrança 9 + DV and nosso número 13 (45-57); T with nosso número 41-53, seu número 55-69, tarifa 194-208,
 * motivos 209-218. Cross-checked with kivanio/brcobranca remessa+retorno/cnab240/santander.rb.
 */
import { alpha, blank, cents, constant, date8, documentField, num } from '../../cnab/layout.js';
import { remessa240, retorno240 } from '../../cnab/febraban-240.js';

const bank = '033';
const bankName = 'BANCO SANTANDER';
const source = 'Santander CNAB 240 cobrança (layout 040, lote 030)';

export const santander033Remessa240 = remessa240({
  bank,
  bankName,
  source,
  patches: {
    fileHeader: [
      blank(9, 16),
      num('companyDocumentType', 17, 17),
      num('companyDocument', 18, 32),
      num('convenio', 33, 47, { ref: 'código de transmissão' }),
      blank(48, 72),
      blank(152, 157),
      num('fileLayoutVersion', 164, 166, { default: 40 }),
    ],
    batchHeader: [
      blank(34, 53),
      num('convenio', 54, 68, { ref: 'código de transmissão' }),
      blank(69, 73),
      blank(200, 240),
      num('batchLayoutVersion', 14, 16, { default: 30 }),
    ],
    P: [
      num('agency', 18, 21),
      alpha('agencyDigit', 22, 22),
      num('account', 23, 31),
      alpha('accountDigit', 32, 32),
      num('collectionAccount', 33, 41),
      alpha('collectionAccountDigit', 42, 42),
      blank(43, 44),
      num('nossoNumero', 45, 57, { required: true }),
      alpha('documentNumber', 63, 77),
      num('writeOffCode', 224, 224, { default: 0 }),
      constant(225, 225, '0', 'num'),
      num('writeOffDays', 226, 227),
      num('currencyCode', 228, 229, { default: 0 }),
      blank(230, 240),
    ],
    // Q 210-221: carnê fields (identificador, parcela, quantidade, plano), zeros for a single título.
    Q: [num('_reserved', 210, 221), blank(222, 240)],
    // R: only one extra discount (18-41); 42-65 reserved.
    R: [blank(42, 65)],
    // Trailer de lote: quantidade de registros (18-23), then 217 blanks (no cobrança totals in the remessa).
    batchTrailer: [blank(24, 240)],
  },
  values: (v) => ({
    collectionAccount: v.account,
    collectionAccountDigit: v.accountDigit,
    writeOffDays: v.writeOffDays ? Number(v.writeOffDays) : 0,
    currencyCode: 0,
  }),
});

export const santander033Retorno240 = retorno240({
  bank,
  bankName,
  source,
  patches: {
    T: [
      num('agency', 18, 21),
      alpha('agencyDigit', 22, 22),
      num('account', 23, 31),
      alpha('accountDigit', 32, 32),
      blank(33, 40),
      alpha('nossoNumero', 41, 53),
      alpha('carteira', 54, 54),
      alpha('documentNumber', 55, 69),
      date8('dueDate', 70, 77),
      cents('titleCents', 78, 92),
      num('collectingBank', 93, 95),
      num('collectingAgency', 96, 99),
      alpha('collectingAgencyDigit', 100, 100),
      alpha('companyUse', 101, 125),
      num('currencyCode', 126, 127),
      num('payerDocumentType', 128, 128),
      documentField('payerDocument', 129, 143),
      alpha('payerName', 144, 183),
      alpha('contractNumber', 184, 193),
      cents('feeCents', 194, 208),
      alpha('reasons', 209, 218, { format: 'codes2' }),
      blank(219, 240),
    ],
  },
});
