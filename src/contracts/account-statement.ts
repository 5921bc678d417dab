/** Extrato of a portador's account: what settlement credited and debited, per entry and per day. */
import { z } from 'zod';
import { calendarDate } from './common.js';

export const statementQuery = z
  .object({
    from: calendarDate.optional().meta({ description: 'Desde (data de crédito)' }),
    to: calendarDate.optional().meta({ description: 'Até (data de crédito)' }),
  })
  .strict();

const amounts = {
  creditsCents: z.number().int(),
  debitsCents: z.number().int(),
  feesCents: z.number().int(),
  netCents: z.number().int(),
};

export const statementSchema = z
  .object({
    portador: z.object({
      id: z.uuid(),
      name: z.string(),
      erpKey: z.string(),
      bankAccountId: z.string().nullable(),
    }),
    entries: z.array(
      z.object({
        id: z.uuid(),
        occurredOn: z.string(),
        kind: z.string().meta({ description: 'receipt | fee | reversal' }),
        amountCents: z.number().int().meta({ description: 'Crédito positivo, débito negativo' }),
        historyCode: z.string().nullable(),
        description: z.string(),
        receivableId: z.string().nullable(),
        retornoId: z.string().nullable(),
      }),
    ),
    days: z.array(z.object({ date: z.string(), ...amounts })),
    totals: z.object(amounts),
  })
  .meta({ id: 'AccountStatement' });
export type AccountStatement = z.infer<typeof statementSchema>;
