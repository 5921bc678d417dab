import { describe, expect, it } from 'vitest';
import {
  actorLabel,
  brDates,
  dateProblem,
  fieldLabel,
  formatDate,
  formatDateTime,
  formatDocument,
  formatFieldValue,
  formatMoney,
  formatTituloRef,
  historyActionLabel,
  maskDateTyping,
  movementKindLabel,
  parseDateBR,
  pageCount,
  rangeText,
  statusLabel,
} from '../../src/web/format.js';

describe('formatMoney', () => {
  it('writes centavos as pt-BR reais with thousands dots and decimal comma', () => {
    // Reference: Intl.NumberFormat('pt-BR', {style:'currency', currency:'BRL'}) (ICU/CLDR pt-BR), with the
    // NBSP after "R$" normalised to a plain space as formatBRL writes it.
    const icu = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
    for (const cents of [0, 1, 99, 100, 123456, 100000000, 987654321, 29]) {
      expect(formatMoney(cents)).toBe(icu.format(cents / 100).replace(/\u00a0/g, ' '));
    }
  });
});

describe('formatDate', () => {
  it('shows ISO calendar dates as dd/mm/aaaa and tolerates a timestamp suffix', () => {
    expect(formatDate('2026-11-23')).toBe('23/11/2026');
    expect(formatDate('2025-02-01T00:00:00.000Z')).toBe('01/02/2025');
    expect(formatDate(null)).toBe('');
  });

  it('agrees with Intl pt-BR for every day of a leap year', () => {
    const icu = new Intl.DateTimeFormat('pt-BR', { timeZone: 'UTC' });
    for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2025, 0, 1); ms += 86_400_000) {
      const iso = new Date(ms).toISOString().slice(0, 10);
      expect(formatDate(iso)).toBe(icu.format(new Date(ms)));
    }
  });
});

describe('formatDocument', () => {
  // Masks as printed by the Receita Federal: CPF 000.000.000-00, CNPJ 00.000.000/0000-00; the alphanumeric
  // CNPJ (IN RFB 2.229/2024) keeps the same mask, e.g. its published example 12.ABC.345/01DE-35.
  it('masks CPF and CNPJ, numeric and alphanumeric', () => {
    expect(formatDocument('52998224725')).toBe('529.982.247-25');
    expect(formatDocument('11222333000181')).toBe('11.222.333/0001-81');
    expect(formatDocument('12ABC34501DE35')).toBe('12.ABC.345/01DE-35');
    expect(formatDocument('12abc34501de35')).toBe('12.ABC.345/01DE-35');
  });

  it('re-masks an already formatted document and leaves unknown shapes alone', () => {
    expect(formatDocument('529.982.247-25')).toBe('529.982.247-25');
    expect(formatDocument('11.222.333/0001-81')).toBe('11.222.333/0001-81');
    expect(formatDocument('123')).toBe('123');
    expect(formatDocument('')).toBe('');
  });
});

describe('status and list helpers', () => {
  it('labels each título status in pt-BR', () => {
    expect(['open', 'registered', 'paid', 'written_off', 'cancelled'].map(statusLabel)).toEqual([
      'Em aberto',
      'Registrado',
      'Pago',
      'Baixado',
      'Cancelado',
    ]);
    expect(statusLabel('mystery')).toBe('mystery');
  });

  it('describes the visible range of a page', () => {
    expect(rangeText(1, 25, 203)).toBe('1–25 de 203');
    expect(rangeText(9, 25, 203)).toBe('201–203 de 203');
    expect(rangeText(2, 100, 1500)).toBe('101–200 de 1.500');
    expect(rangeText(1, 25, 0)).toBe('0 de 0');
    expect(pageCount(25, 203)).toBe(9);
    expect(pageCount(25, 0)).toBe(1);
  });

  it('writes the título reference as número/parcela', () => {
    expect(formatTituloRef('10234', 2)).toBe('10234/2');
    expect(formatTituloRef('10234', null)).toBe('10234');
  });
});

describe('date fields (dd/mm/aaaa)', () => {
  it('reads typed pt-BR dates into ISO and rejects impossible ones', () => {
    expect(parseDateBR('23/11/2026')).toBe('2026-11-23');
    expect(parseDateBR('1/8/2026')).toBe('2026-08-01');
    expect(parseDateBR('29/02/2024')).toBe('2024-02-29');
    expect(parseDateBR('29/02/2026')).toBeNull();
    expect(parseDateBR('31/04/2026')).toBeNull();
    expect(parseDateBR('2026-11-23')).toBeNull();
    expect(parseDateBR('23/11/26')).toBeNull();
  });

  it('round-trips with formatDate', () => {
    for (const iso of ['2000-01-01', '2025-02-22', '2026-12-31'])
      expect(parseDateBR(formatDate(iso))).toBe(iso);
  });

  it('inserts the slashes while digits are typed', () => {
    expect(maskDateTyping('0')).toBe('0');
    expect(maskDateTyping('010')).toBe('01/0');
    expect(maskDateTyping('01082026')).toBe('01/08/2026');
    expect(maskDateTyping('01/08/2026')).toBe('01/08/2026');
    expect(maskDateTyping('010820261')).toBe('01/08/2026');
  });
});

describe('título detail helpers', () => {
  it('shows instants in São Paulo time (UTC-3 since daylight saving ended in 2019)', () => {
    expect(formatDateTime('2026-11-20T15:31:00Z')).toBe('20/11/2026 12:31');
    expect(formatDateTime('2026-01-01T02:59:00.000Z')).toBe('31/12/2025 23:59');
  });

  it('names movements, history actions and changed fields in pt-BR', () => {
    expect(movementKindLabel('collection_cost')).toBe('Despesas de cobrança');
    expect(movementKindLabel('payment')).toBe('Pagamento');
    expect(historyActionLabel('status_changed')).toBe('Status alterado');
    expect(fieldLabel('dueDate')).toBe('Vencimento');
    expect(formatFieldValue('openAmountCents', 4000)).toBe('R$ 40,00');
    expect(formatFieldValue('dueDate', '2026-08-15')).toBe('15/08/2026');
    expect(formatFieldValue('status', 'written_off')).toBe('Baixado');
    expect(formatFieldValue('invoiceNumber', null)).toBe('—');
  });
});

describe('actorLabel', () => {
  it('names users, ERP tokens, the demo seed and scheduled work in pt-BR', () => {
    const user = 'user:bbef8244-b036-44b3-b725-e92f4c786512';
    expect(actorLabel({ actor: user, actorName: 'Operador Sul' })).toBe('Operador Sul');
    expect(actorLabel({ actor: user, actorName: null })).toBe('Usuário removido');
    expect(actorLabel({ actor: 'api-token:42', actorName: null })).toBe('ERP (token de API)');
    expect(actorLabel({ actor: 'seed', actorName: null })).toBe('Demonstração');
    expect(actorLabel({ actor: 'job:receivable.changed', actorName: null })).toBe('Rotina automática');
  });
});

describe('dateProblem and brDates', () => {
  it('says why a typed date does not exist', () => {
    expect(dateProblem('31/02/2026')).toBe('31/02/2026 não existe: fevereiro de 2026 tem 28 dias.');
    expect(dateProblem('29/02/2028')).toBeNull(); // 2028 is a leap year
    expect(dateProblem('30/02/2028')).toBe('30/02/2028 não existe: fevereiro de 2028 tem 29 dias.');
    expect(dateProblem('31/04/2026')).toBe('31/04/2026 não existe: abril de 2026 tem 30 dias.');
    expect(dateProblem('10/13/2026')).toBe('10/13/2026 não existe: o mês vai de 01 a 12.');
    expect(dateProblem('00/01/2026')).toBe('00/01/2026 não existe: janeiro de 2026 tem 31 dias.');
    expect(dateProblem('31/12/2026')).toBeNull();
    expect(dateProblem('12/3')).toBeNull(); // still typing
  });

  it('rewrites ISO dates in server messages as dd/mm/aaaa', () => {
    expect(brDates('vencimento 2020-01-01 é anterior à emissão 2026-12-01')).toBe(
      'vencimento 01/01/2020 é anterior à emissão 01/12/2026',
    );
    expect(brDates('pedido 20260101-77 sem data')).toBe('pedido 20260101-77 sem data');
  });
});
