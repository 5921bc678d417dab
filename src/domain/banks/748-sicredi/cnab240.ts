/**
 * Sicredi (748) CNAB 240 cobrança ("Manual Cobrança Sicredi – CNAB 240", layout 081, lote 040): convênio blank,
 * código do beneficiário in the conta field, nosso número (9 = AA + byte + sequência 5 + DV) left-aligned in
 * P 38-57, densidade 01600. Remessa file name CCCCCMDD.CRM (código do beneficiário, month 1-9/O/N/D, day).
 * Occurrence 36 is Sicredi's "baixa rejeitada". Cross-checked with kivanio/brcobranca remessa+retorno/cnab240/
 * sicredi.rb and eduardokum/laravel-boleto Retorno/Cnab240/Banco/Sicredi.php.
 */
import { refuse } from '../../cnab/codec.js';
import { num, zeros } from '../../cnab/layout.js';
import { occurrenceTable } from '../../cnab/occurrences.js';
import { febrabanOccurrences, febrabanReasons, remessa240, retorno240 } from '../../cnab/febraban-240.js';

const bank = '748';
const bankName = 'SICREDI';
const source = 'Sicredi CNAB 240 cobrança (layout 081, lote 040)';

const MONTH_CODE = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'O', 'N', 'D'];

/** Sicredi: CCCCCMDD.CRM; the 2nd … 9th file of the same day use .RM2 … .RM9 (`fileOfDay`). */
export function sicrediFileName(info: { fileOfDay: number; generatedOn: string; convenio: string }): string {
  const [, m = '01', d = '01'] = info.generatedOn.split('-');
  const code = (info.convenio.replace(/\D/g, '') || '0').slice(-5).padStart(5, '0');
  const sameDay = info.fileOfDay;
  const ext = sameDay <= 1 ? 'CRM' : `RM${sameDay}`;
  return `${code}${MONTH_CODE[Number(m) - 1]}${d}.${ext}`;
}

/**
 * Sicredi's own espécie table for P 107-108 (not FEBRABAN C015's): duplicatas are registered "por indicação",
 * DMI 03 and DSI 99; NP 12, RC 17, outros 99; no mensalidade escolar. As eduardokum/laravel-boleto
 * Boleto/Banco/Sicredi.php `especiesCodigo240` transcribes the manual.
 */
const sicrediSpeciesCodes: Partial<Record<string, number>> = { DM: 3, DS: 99, NP: 12, RC: 17, OU: 99 };
function sicrediSpecies240(species: unknown): number | undefined {
  if (species === undefined) return undefined; // header and trailer records
  const code = sicrediSpeciesCodes[String(species)];
  if (code === undefined)
    refuse('species', `o Sicredi não tem a espécie ${String(species)} (aceita DM, DS, NP, RC e OU)`);
  return code;
}

export const sicredi748Remessa240 = remessa240({
  bank,
  bankName,
  source,
  patches: {
    fileHeader: [
      num('fileLayoutVersion', 164, 166, { default: 81 }),
      num('density', 167, 171, { default: 1600 }),
    ],
    batchHeader: [num('batchLayoutVersion', 14, 16, { default: 40 })],
    // Sicredi fills the cobrança totals (C070/C071) only in the retorno; the remessa sends zeros.
    batchTrailer: [zeros(24, 46)],
  },
  values: (v) => ({ convenio: '', speciesCode: sicrediSpecies240(v.species) }),
  fileName: sicrediFileName,
});

/** Sicredi differs from FEBRABAN C044 in code 36 (baixa rejeitada) and adds rejection motivos 79-86 and A4. */
export const sicredi748Occurrences240 = occurrenceTable([
  ...Object.entries(febrabanOccurrences),
  ['36', 'Baixa rejeitada'],
]);
const rejections = {
  ...febrabanReasons.byOccurrence?.['03'],
  '79': 'Data juros de mora inválida',
  '80': 'Data do desconto inválida',
  '84': 'Número autorização inexistente',
  '85': 'Título com pagamento vinculado',
  '86': 'Seu número inválido',
  A4: 'Pagador DDA',
};

export const sicredi748Retorno240 = retorno240({
  bank,
  bankName,
  source,
  occurrences: sicredi748Occurrences240,
  reasons: {
    byOccurrence: {
      ...febrabanReasons.byOccurrence,
      '02': rejections,
      '03': rejections,
      '26': rejections,
      '30': rejections,
      '36': rejections,
    },
  },
});
