/**
 * `cnab write` never drops a value: for every bank × layout and every option a título can ask for, the file written
 * with the option differs from the one written without it, or the writer refuses the título naming the input field.
 * Conversions a bank needs (a fine amount as a percentage, a monthly rate as a daily amount) count as carried.
 */
import { describe, expect, it } from 'vitest';
import { featureField, tituloFeatures, type TituloFeature } from '../../../src/domain/cnab/features.js';
import type { RemessaInput } from '../../../src/domain/cnab/remessa-input.js';
import { writeRemessa } from '../../../src/domain/cnab/writer.js';
import { bankLayoutCases, inputFor, plainTitulo } from './bank-cases.js';

type Titulo = RemessaInput['titulos'][number];

/** Per feature: what the título is without it (baseline) and with it. */
const probes: Record<TituloFeature, { without?: Partial<Titulo>; with: Partial<Titulo> }[]> = {
  interest: [
    { with: { interest: { type: 'daily_amount', cents: 41 } } },
    { with: { interest: { type: 'monthly_percent', basisPoints: 300 } } },
  ],
  interestFrom: [
    {
      without: { interest: { type: 'daily_amount', cents: 41 } },
      with: { interest: { type: 'daily_amount', cents: 41, from: '2026-12-26' } },
    },
  ],
  fine: [
    { with: { fine: { type: 'amount', cents: 2469 } } },
    { with: { fine: { type: 'percent', basisPoints: 200 } } },
  ],
  fineFrom: [
    {
      without: { fine: { type: 'percent', basisPoints: 200 } },
      with: { fine: { type: 'percent', basisPoints: 200, from: '2026-12-26' } },
    },
  ],
  discount: [
    { with: { discount: { type: 'amount', cents: 1000, until: '2026-12-11' } } },
    { with: { discount: { type: 'percent', basisPoints: 500, until: '2026-12-11' } } },
  ],
  rebate: [{ with: { rebateCents: 700 } }],
  iof: [{ with: { iofCents: 123 } }],
  protest: [{ with: { protestDays: 10 } }],
  writeOff: [
    { with: { writeOffDays: 30 } },
    // Banks with one instruction for protest or return must not lose the return when both are asked.
    { without: { protestDays: 10 }, with: { protestDays: 10, writeOffDays: 30 } },
  ],
  drawer: [{ with: { drawer: { name: 'Fomento Sacador Ltda', document: '11222333000181' } } }],
  pix: [{ with: { pix: { keyType: 'email', key: 'cobranca@example.com', txid: 'TX123' } } }],
  messages: [{ with: { messages: ['Não receber após 30 dias'] } }],
};

const cases = bankLayoutCases.flatMap((c) =>
  tituloFeatures.flatMap((feature) => probes[feature].map((probe, i) => ({ c, feature, probe, i }))),
);

describe('no option of a título is written as zeros or blanks', () => {
  it.each(cases.map((x) => [`${x.c.bank}-${x.c.layout} ${x.feature}#${x.i}`, x] as const))(
    '%s',
    (_name, { c, feature, probe }) => {
      const without = writeRemessa(inputFor(c, [plainTitulo(c, probe.without)]));
      const input = inputFor(c, [plainTitulo(c, { ...probe.without, ...probe.with })]);
      let withIt: ReturnType<typeof writeRemessa>;
      try {
        withIt = writeRemessa(input);
      } catch (error) {
        // Refused: the message names the input field.
        expect(String(error)).toContain(featureField[feature]);
        return;
      }
      expect(withIt.content).not.toBe(without.content);
    },
  );
});
