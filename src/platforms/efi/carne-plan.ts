/**
 * Which parcelas of a document group Efí can take as one carnê (POST /v1/carnet): Efí repeats one item
 * description, one value and one due day month after month, at most 24 times. A group that breaks a rule goes
 * as one boleto per parcela; when only the first parcela breaks it (a proportional first month, the RBX seed), the
 * first goes as a boleto and the carnê starts at the second. Pure: no I/O.
 */
import type { CarneRequest } from '../adapter.js';
import { addMonths } from '../../domain/dates.js';

export const EFI_CARNE_MAX_PARCELS = 24;

export type CarneParcel = CarneRequest['parcels'][number];

export interface CarnePlan {
  /** Parcelas registered one by one as boletos. */
  boletos: CarneParcel[];
  /** Parcelas registered together as one carnê (at least two), or none. */
  carne: CarneParcel[];
  /** pt-BR reason when not every parcela is in the carnê, for the remessa history. */
  reason?: string;
}

/** The first rule a run of parcelas breaks, in pt-BR, or undefined when Efí takes it as a carnê. */
export function carneRuleBroken(parcels: readonly CarneParcel[], description: string): string | undefined {
  const first = parcels[0];
  if (!first || parcels.length < 2) return 'carnê precisa de pelo menos 2 parcelas';
  if (parcels.length > EFI_CARNE_MAX_PARCELS)
    return `a Efí aceita no máximo ${EFI_CARNE_MAX_PARCELS} parcelas por carnê (o grupo tem ${parcels.length})`;
  for (const [index, parcel] of parcels.entries()) {
    const number = index + 1;
    if (parcel.amountCents !== first.amountCents)
      return `valores diferentes: parcela ${number} tem ${parcel.amountCents} centavos, a primeira ${first.amountCents}`;
    if ((parcel.description ?? description) !== (first.description ?? description))
      return `descrições diferentes: a parcela ${number} não repete a descrição da primeira`;
    const expected = addMonths(first.dueDate, index);
    if (parcel.dueDate !== expected)
      return `vencimentos não mensais no mesmo dia: parcela ${number} vence em ${parcel.dueDate}, esperado ${expected}`;
  }
  return undefined;
}

export function planCarne(carne: Pick<CarneRequest, 'parcels' | 'description'>): CarnePlan {
  const { parcels, description } = carne;
  const broken = carneRuleBroken(parcels, description);
  if (broken === undefined) return { boletos: [], carne: [...parcels] };
  const rest = parcels.slice(1);
  const onlyFirstDiffers = parcels.length <= EFI_CARNE_MAX_PARCELS && parcels.length > 2;
  if (onlyFirstDiffers && carneRuleBroken(rest, description) === undefined)
    return {
      boletos: parcels.slice(0, 1),
      carne: rest,
      reason: `primeira parcela como boleto avulso (${broken}); carnê a partir da segunda`,
    };
  return { boletos: [...parcels], carne: [], reason: `um boleto por parcela: ${broken}` };
}
