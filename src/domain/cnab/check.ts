/** Load-time check of a layout: every record covers exactly 1..width with no gap and no overlap. */
import { FIELD_NAMES } from './fields.js';
import type { CnabLayout } from './layout.js';

export class CnabLayoutError extends Error {
  override name = 'CnabLayoutError';
}

export function checkLayout(layout: CnabLayout): CnabLayout {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const record of layout.records) {
    const where = `layout ${layout.id}, registro ${record.name}`;
    if (names.has(record.name)) problems.push(`${where}: nome de registro repetido`);
    names.add(record.name);
    if (record.match.length === 0) problems.push(`${where}: sem critério de identificação (match)`);
    let expected = 1;
    let previous = '(início)';
    for (const field of record.fields) {
      const fieldWhere = `${where}, campo ${field.name} (${field.start}-${field.end})`;
      if (field.end < field.start) problems.push(`${fieldWhere}: fim antes do início`);
      if (!field.name.startsWith('_') && !FIELD_NAMES.has(field.name))
        problems.push(`${fieldWhere}: nome de campo desconhecido (os nomes válidos estão em fields.ts)`);
      if (field.start > expected)
        problems.push(
          `${fieldWhere}: lacuna nas posições ${expected}-${field.start - 1} depois de ${previous}`,
        );
      if (field.start < expected)
        problems.push(`${fieldWhere}: sobrepõe ${previous} nas posições ${field.start}-${expected - 1}`);
      if (field.constant !== undefined && field.constant.length !== field.end - field.start + 1)
        problems.push(
          `${fieldWhere}: constante "${field.constant}" não tem ${field.end - field.start + 1} posições`,
        );
      if (field.format === 'DDMMAA' && field.end - field.start + 1 !== 6)
        problems.push(`${fieldWhere}: data DDMMAA precisa de 6 posições`);
      if (field.format === 'DDMMAAAA' && field.end - field.start + 1 !== 8)
        problems.push(`${fieldWhere}: data DDMMAAAA precisa de 8 posições`);
      expected = Math.max(expected, field.end + 1);
      previous = `${field.name} (${field.start}-${field.end})`;
    }
    if (expected !== layout.width + 1)
      problems.push(`${where}: cobre ${expected - 1} posições, o layout exige exatamente ${layout.width}`);
    for (const m of record.match) {
      const field = record.fields.find((f) => f.start <= m.start && f.end >= m.start + m.value.length - 1);
      if (!field) problems.push(`${where}: critério na posição ${m.start} não cai dentro de um campo`);
    }
  }
  if (layout.remessa) {
    const plan = layout.remessa;
    for (const name of [...plan.head, ...plan.perTitulo.map((s) => s.record), ...plan.tail])
      if (!names.has(name))
        problems.push(`layout ${layout.id}: plano de remessa cita registro ${name} inexistente`);
  }
  if (layout.direction === 'retorno' && !layout.records.some((r) => r.event === 'start'))
    problems.push(`layout ${layout.id}: retorno sem registro que inicie evento (event: 'start')`);
  if (problems.length > 0) throw new CnabLayoutError(problems.join('\n'));
  return layout;
}
