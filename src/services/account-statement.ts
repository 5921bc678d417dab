/**
 * Extrato of a portador's account (Contas e portadores → extrato): the receipts and fees settlement posted, per
 * day, so it reconciles with the platform's report.
 */
import { getPortador } from '../store/banking.js';
import type { Store } from '../store/connection.js';
import { listStatement } from '../store/account-statement.js';
import { notFound } from './errors.js';
import { recordScope, type Principal } from './scope.js';

export async function portadorStatement(
  store: Store,
  principal: Principal,
  args: { portadorId: string; from?: string; to?: string },
) {
  const companyIds = recordScope(principal);
  const portador = await getPortador(store.db, args.portadorId, companyIds);
  if (!portador) throw notFound('Portador não encontrado.');
  const entries = await listStatement(store.db, { companyIds, ...args });
  const days = new Map<
    string,
    { date: string; creditsCents: number; debitsCents: number; feesCents: number }
  >();
  for (const entry of entries) {
    const day = days.get(entry.occurredOn) ?? {
      date: entry.occurredOn,
      creditsCents: 0,
      debitsCents: 0,
      feesCents: 0,
    };
    if (entry.amountCents > 0) day.creditsCents += entry.amountCents;
    else if (entry.kind === 'fee') day.feesCents -= entry.amountCents;
    else day.debitsCents -= entry.amountCents;
    days.set(entry.occurredOn, day);
  }
  const dayList = [...days.values()].map((day) => ({
    ...day,
    netCents: day.creditsCents - day.debitsCents - day.feesCents,
  }));
  return {
    portador: {
      id: portador.id,
      name: portador.name,
      erpKey: portador.erpKey,
      bankAccountId: portador.bankAccountId,
    },
    entries: entries.map((entry) => ({
      id: entry.id,
      occurredOn: entry.occurredOn,
      kind: entry.kind,
      amountCents: entry.amountCents,
      historyCode: entry.historyCode,
      description: entry.description,
      receivableId: entry.receivableId,
      retornoId: entry.retornoId,
    })),
    days: dayList,
    totals: {
      creditsCents: dayList.reduce((sum, day) => sum + day.creditsCents, 0),
      debitsCents: dayList.reduce((sum, day) => sum + day.debitsCents, 0),
      feesCents: dayList.reduce((sum, day) => sum + day.feesCents, 0),
      netCents: dayList.reduce((sum, day) => sum + day.netCents, 0),
    },
  };
}
