import { describe, expect, it } from 'vitest';
import { receivableHistory } from '../../src/web/pages/receivables/history.js';

const at = '2026-11-23T12:41:00.000Z';

describe('receivableHistory', () => {
  it('leaves out queue bookkeeping and speaks pt-BR with names', () => {
    const items = receivableHistory([
      {
        id: '1',
        action: 'created',
        before: null,
        after: { dueDate: '2026-12-01' },
        actor: 'api-token:9',
        actorName: null,
        at,
      },
      {
        id: '2',
        action: 'job.receivable.changed',
        before: null,
        after: { change: 'created', jobId: '1d8a' },
        actor: 'job:receivable.changed',
        actorName: null,
        at,
      },
      {
        id: '3',
        action: 'updated',
        before: { dueDate: '2026-12-01', invoiceNumber: null, amountCents: 1000 },
        after: { dueDate: '2026-12-08', invoiceNumber: '77', amountCents: 1000 },
        actor: 'user:5b0f3c8e-0000-4000-8000-000000000001',
        actorName: 'Operador Sul',
        at,
      },
    ]);
    expect(items.map((i) => i.id)).toEqual(['1', '3']);
    expect(items[0]).toMatchObject({ title: 'Incluído', actor: 'ERP (token de API)', changes: [] });
    expect(items[1]).toMatchObject({
      title: 'Alterado',
      actor: 'Operador Sul',
      changes: [
        { label: 'Vencimento', before: '01/12/2026', after: '08/12/2026' },
        { label: 'Nota fiscal', before: '—', after: '77' },
      ],
    });
  });
});
