/** The console's título list: the listing row plus what was paid, and totals over the whole filtered set. */
import { z } from 'zod';
import { pageSchema } from './common.js';
import { consoleReceivableListQuery, receivableSchema } from './receivables.js';

export const consoleReceivableSchema = receivableSchema
  .extend({
    paidOn: z.string().nullable().meta({ description: 'Data do último pagamento (movimento de pagamento)' }),
    paidCents: z.number().int().nullable().meta({ description: 'Soma dos pagamentos, em centavos' }),
  })
  .meta({ id: 'ConsoleReceivable' });

export const receivableTotalsSchema = z
  .object({ amountCents: z.number().int(), openAmountCents: z.number().int() })
  .meta({
    id: 'ReceivableTotals',
    description: 'Somas de Valor e Valor aberto de todos os títulos do filtro',
  });

export const consoleReceivablePageSchema = pageSchema(consoleReceivableSchema)
  .extend({ totals: receivableTotalsSchema })
  .meta({ id: 'ConsoleReceivablePage' });

/**
 * The list filters; the CSV export carries every matching título. The console sends its list URL as it is, so
 * page and pageSize are accepted (unknown parameters are refused) and ignored.
 */
export const consoleReceivableExportQuery = consoleReceivableListQuery.extend({
  page: z.string().optional().meta({ description: 'Aceito e ignorado: o CSV traz todas as páginas' }),
  pageSize: z.string().optional().meta({ description: 'Aceito e ignorado: o CSV traz todas as páginas' }),
});
