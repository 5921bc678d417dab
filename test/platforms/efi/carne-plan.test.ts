/**
 * Efí's carnê rules (monthly, equal values, same due day, one description, at most 24 parcelas) and the two
 * fallbacks: a broken group → one boleto per parcela; only the first parcela differs → first as a boleto, carnê from
 * the second (RBX seed). Expected plans are written out by hand from those rules.
 */
import { describe, expect, it } from 'vitest';
import { planCarne } from '../../../src/platforms/efi/carne-plan.js';

const parcel = (n: number, dueDate: string, amountCents = 10_000, description?: string) => ({
  customId: `DOC-1/${n}`,
  amountCents,
  issueDate: '2026-12-01',
  dueDate,
  ...(description ? { description } : {}),
});
const ids = (list: { customId: string }[]) => list.map((p) => p.customId);

describe('planCarne', () => {
  it('monthly, equal, same day: one carnê', () => {
    const plan = planCarne({
      description: 'Mensalidade',
      parcels: [parcel(1, '2027-01-10'), parcel(2, '2027-02-10'), parcel(3, '2027-03-10')],
    });
    expect(ids(plan.carne)).toEqual(['DOC-1/1', 'DOC-1/2', 'DOC-1/3']);
    expect(plan.boletos).toEqual([]);
    expect(plan.reason).toBeUndefined();
  });

  it('a due day of the 31st follows the month end (31 Jan, 28 Feb, 31 Mar) and still is a carnê', () => {
    const plan = planCarne({
      description: 'Mensalidade',
      parcels: [parcel(1, '2027-01-31'), parcel(2, '2027-02-28'), parcel(3, '2027-03-31')],
    });
    expect(plan.carne).toHaveLength(3);
  });

  it('different values → one boleto per parcela', () => {
    const plan = planCarne({
      description: 'Mensalidade',
      parcels: [parcel(1, '2027-01-10'), parcel(2, '2027-02-10', 9_999), parcel(3, '2027-03-10')],
    });
    expect(plan.carne).toEqual([]);
    expect(ids(plan.boletos)).toEqual(['DOC-1/1', 'DOC-1/2', 'DOC-1/3']);
    expect(plan.reason).toMatch(/valores diferentes: parcela 2/);
  });

  it('not monthly (every 15 days) → one boleto per parcela', () => {
    const plan = planCarne({
      description: 'Mensalidade',
      parcels: [parcel(1, '2027-01-10'), parcel(2, '2027-01-25'), parcel(3, '2027-02-09')],
    });
    expect(plan.carne).toEqual([]);
    expect(plan.boletos).toHaveLength(3);
    expect(plan.reason).toMatch(/vencimentos não mensais/);
  });

  it('monthly but not on the same day → one boleto per parcela', () => {
    const plan = planCarne({
      description: 'Mensalidade',
      parcels: [parcel(1, '2027-01-10'), parcel(2, '2027-02-10'), parcel(3, '2027-03-12')],
    });
    expect(plan.carne).toEqual([]);
    expect(plan.reason).toMatch(/parcela 3 vence em 2027-03-12, esperado 2027-03-10/);
  });

  it('a parcela with its own description → one boleto per parcela', () => {
    const plan = planCarne({
      description: 'Mensalidade',
      parcels: [
        parcel(1, '2027-01-10'),
        parcel(2, '2027-02-10', 10_000, 'Taxa extra'),
        parcel(3, '2027-03-10'),
      ],
    });
    expect(plan.carne).toEqual([]);
    expect(plan.reason).toMatch(/descrições diferentes/);
  });

  it('24 parcelas are one carnê; 25 are 25 boletos (not a carnê of 24 plus one)', () => {
    const make = (n: number) =>
      Array.from({ length: n }, (_, i) => {
        const month = new Date(Date.UTC(2027, i, 5)).toISOString().slice(0, 10);
        return parcel(i + 1, month);
      });
    expect(planCarne({ description: 'Mensalidade', parcels: make(24) }).carne).toHaveLength(24);
    const over = planCarne({ description: 'Mensalidade', parcels: make(25) });
    expect(over.carne).toEqual([]);
    expect(over.boletos).toHaveLength(25);
    expect(over.reason).toMatch(/no máximo 24 parcelas/);
  });

  it('only the first parcela differs in value (proporcional) → first as boleto, carnê from the second', () => {
    const plan = planCarne({
      description: 'Mensalidade',
      parcels: [
        parcel(1, '2027-01-10', 3_333),
        parcel(2, '2027-02-10'),
        parcel(3, '2027-03-10'),
        parcel(4, '2027-04-10'),
      ],
    });
    expect(ids(plan.boletos)).toEqual(['DOC-1/1']);
    expect(ids(plan.carne)).toEqual(['DOC-1/2', 'DOC-1/3', 'DOC-1/4']);
    expect(plan.reason).toMatch(/primeira parcela como boleto avulso/);
  });

  it('only the first parcela differs in due day → first as boleto, carnê from the second', () => {
    const plan = planCarne({
      description: 'Mensalidade',
      parcels: [parcel(1, '2027-01-03'), parcel(2, '2027-02-10'), parcel(3, '2027-03-10')],
    });
    expect(ids(plan.boletos)).toEqual(['DOC-1/1']);
    expect(ids(plan.carne)).toEqual(['DOC-1/2', 'DOC-1/3']);
  });

  it('a first parcela that differs in a group of two leaves no carnê: two boletos', () => {
    const plan = planCarne({
      description: 'Mensalidade',
      parcels: [parcel(1, '2027-01-10', 3_333), parcel(2, '2027-02-10')],
    });
    expect(plan.carne).toEqual([]);
    expect(plan.boletos).toHaveLength(2);
  });

  it('a single parcela is a boleto', () => {
    const plan = planCarne({ description: 'Mensalidade', parcels: [parcel(1, '2027-01-10')] });
    expect(ids(plan.boletos)).toEqual(['DOC-1/1']);
    expect(plan.carne).toEqual([]);
  });
});
