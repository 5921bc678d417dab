/** The Supplier adapter against its emulator over real HTTP: every message of the modelled contract. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../../src/platforms/adapter.js';
import { CUSTOMER, startHarness, type Harness } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

const sales = [
  { month: '2026-10', amountCents: 12_345_67 },
  { month: '2026-11', amountCents: 8_000_00 },
];

async function platformError(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe('customers and credit analysis', () => {
  it('declares the credit capabilities only', () => {
    expect(h.adapter.capabilities.creditAnalysis).toBe(true);
    expect(h.adapter.capabilities.reconciliation).toBe(true);
    expect(h.adapter.capabilities.registerBoleto).toBe(false);
  });

  it('testConnection authenticates', async () => {
    expect(await h.adapter.testConnection()).toEqual({
      ok: true,
      message: 'Conexão com a plataforma de crédito estabelecida (ambiente produção)',
    });
  });

  it('a customer without phone is refused naming our field', async () => {
    const error = await platformError(h.adapter.syncCustomers!([{ ...CUSTOMER, phone: undefined }]));
    expect(error.kind).toBe('validation');
    expect(error.property).toBe('customers.0.phone');
    expect(error.message).toBe('customers.0.phone: campo obrigatório');
    expect(error.platformCode).toBe('VALIDACAO');
  });

  it('an analysis before the customer is registered is refused', async () => {
    const error = await platformError(
      h.adapter.requestCreditAnalysis!({
        customerErpKey: 'CLI-1',
        document: CUSTOMER.document,
        suggestedLimitCents: 1,
        emergency: false,
        erpCreditLimitCents: 0,
        salesLast12Months: [],
      }),
    );
    expect(error.property).toBe('document');
  });

  it('syncs customers with contacts; the platform holds them Ativo', async () => {
    expect(await h.adapter.syncCustomers!([CUSTOMER])).toEqual([
      { document: CUSTOMER.document, situation: 'active' },
    ]);
    const state = h.emulator.platform.customers.get(CUSTOMER.document);
    expect(state).toMatchObject({ erpKey: 'CLI-1', name: 'Comercial Norte Ltda', situation: 'ATIVO' });
  });

  it('a limit change before any approved analysis is refused by the platform', async () => {
    const error = await platformError(
      h.adapter.requestLimitChange!({
        document: CUSTOMER.document,
        requestedLimitCents: 50_000_00,
        erpCreditLimitCents: 0,
        salesLast12Months: [],
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.message).toBe(
      'document: alteração de limite exige ao menos uma análise de crédito aprovada',
    );
  });

  it('requests an analysis with suggested limit, emergency, ERP limit and 12 months of sales', async () => {
    const receipt = await h.adapter.requestCreditAnalysis!({
      customerErpKey: 'CLI-1',
      document: CUSTOMER.document,
      suggestedLimitCents: 10_000_00,
      emergency: true,
      erpCreditLimitCents: 7_500_50,
      salesLast12Months: sales,
    });
    expect(receipt.situation).toBe('processing');
    expect(receipt.analysisCode).toMatch(/^AN\d{6}$/);
    const sent = h.exchanges.findLast((e) => e.operation === 'requestCreditAnalysis')!.requestBody;
    expect(sent).toEqual({
      codigoErp: 'CLI-1',
      cnpjCpf: '11222333000181',
      limiteSugerido: '10000.00',
      emergencial: true,
      limiteCreditoErp: '7500.50',
      vendasUltimos12Meses: [
        { mes: '2026-10', valor: '12345.67' },
        { mes: '2026-11', valor: '8000.00' },
      ],
    });
    expect(await h.adapter.getCreditStatus!(CUSTOMER.document)).toEqual({
      document: CUSTOMER.document,
      customerSituation: 'active',
      approvedLimitCents: 0,
      availableLimitCents: 0,
      lastAnalysis: {
        analysisCode: receipt.analysisCode,
        kind: 'concession',
        situation: 'processing',
        grantedLimitCents: null,
        reason: null,
      },
    });
  });

  it('a second request while one is in progress is refused', async () => {
    const error = await platformError(
      h.adapter.requestCreditAnalysis!({
        customerErpKey: 'CLI-1',
        document: CUSTOMER.document,
        suggestedLimitCents: 1,
        emergency: false,
        erpCreditLimitCents: 0,
        salesLast12Months: [],
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.message).toBe(
      'Plataforma de crédito: Já existe uma análise de crédito em andamento para o cliente',
    );
  });

  it('the platform grants what it decides, not what was suggested (Em Análise, then Aprovado)', async () => {
    await h.control(`/analyses/${CUSTOMER.document}/review`, {});
    expect((await h.adapter.getCreditStatus!(CUSTOMER.document)).lastAnalysis?.situation).toBe(
      'under_review',
    );
    await h.control(`/analyses/${CUSTOMER.document}/decide`, { approved: true, limitCents: 20_000_00 });
    const status = await h.adapter.getCreditStatus!(CUSTOMER.document);
    expect(status).toMatchObject({
      approvedLimitCents: 20_000_00,
      availableLimitCents: 20_000_00,
      lastAnalysis: { situation: 'approved', grantedLimitCents: 20_000_00 },
    });
  });

  it('a limit change after approval is analysed; a denial keeps the limit and carries the reason', async () => {
    const receipt = await h.adapter.requestLimitChange!({
      document: CUSTOMER.document,
      requestedLimitCents: 50_000_00,
      erpCreditLimitCents: 7_500_50,
      salesLast12Months: sales,
    });
    expect(receipt.situation).toBe('processing');
    await h.control(`/analyses/${CUSTOMER.document}/decide`, {
      approved: false,
      reason: 'Faturamento incompatível',
    });
    expect(await h.adapter.getCreditStatus!(CUSTOMER.document)).toMatchObject({
      approvedLimitCents: 20_000_00,
      lastAnalysis: {
        analysisCode: receipt.analysisCode,
        kind: 'limit_change',
        situation: 'rejected',
        reason: 'Faturamento incompatível',
      },
    });
  });
});

describe('tickets, order check and invoices', () => {
  const order = {
    orderErpKey: 'PED-100',
    orderNumber: '100',
    document: CUSTOMER.document,
    amountCents: 5_000_00,
    orderDate: '2026-12-01',
  };

  it('an order without a ticket has none at the platform', async () => {
    expect(await h.adapter.checkOrder!('PED-100')).toBeNull();
  });

  it('creates a ticket that reserves the limit, and reuses it for the same order', async () => {
    const ticket = await h.adapter.createTicket!(order);
    expect(ticket).toMatchObject({
      orderErpKey: 'PED-100',
      status: 'approved',
      amountCents: 5_000_00,
      reused: false,
    });
    expect((await h.adapter.getCreditStatus!(CUSTOMER.document)).availableLimitCents).toBe(15_000_00);
    const again = await h.adapter.createTicket!({ ...order, amountCents: 6_000_00 });
    expect(again).toMatchObject({
      ticketId: ticket.ticketId,
      reused: true,
      status: 'approved',
      amountCents: 6_000_00,
    });
    expect((await h.adapter.getCreditStatus!(CUSTOMER.document)).availableLimitCents).toBe(14_000_00);
    expect(await h.adapter.checkOrder!('PED-100')).toMatchObject({
      ticketId: ticket.ticketId,
      status: 'approved',
    });
  });

  it('denies a ticket above the available limit with the reason', async () => {
    const denied = await h.adapter.createTicket!({
      ...order,
      orderErpKey: 'PED-101',
      amountCents: 14_000_01,
    });
    expect(denied).toMatchObject({
      status: 'denied',
      reason: 'Limite disponível insuficiente (disponível R$ 14.000,00)',
    });
  });

  it('cancels a ticket and releases its reservation', async () => {
    const ticket = await h.adapter.createTicket!({ ...order, orderErpKey: 'PED-102', amountCents: 1_000_00 });
    expect((await h.adapter.getCreditStatus!(CUSTOMER.document)).availableLimitCents).toBe(13_000_00);
    expect(await h.adapter.cancelTicket!(ticket.ticketId)).toMatchObject({ status: 'cancelled' });
    expect((await h.adapter.getCreditStatus!(CUSTOMER.document)).availableLimitCents).toBe(14_000_00);
    expect(await h.adapter.checkOrder!('PED-102')).toMatchObject({ status: 'cancelled' });
  });

  it('refuses an invoice whose installments do not add up, naming the field', async () => {
    const ticket = (await h.adapter.checkOrder!('PED-100'))!;
    const error = await platformError(
      h.adapter.sendInvoice!({
        ticketId: ticket.ticketId,
        document: CUSTOMER.document,
        number: '4321',
        series: '1',
        issueDate: '2026-12-02',
        amountCents: 6_000_00,
        installments: [{ installment: 1, dueDate: '2027-01-01', amountCents: 5_000_00 }],
      }),
    );
    expect(error.property).toBe('installments');
    expect(error.message).toBe(
      'installments: a soma das parcelas (R$ 5.000,00) difere do valor da nota (R$ 6.000,00)',
    );
  });

  it('accepts the invoice of an approved ticket and issues one fatura per installment', async () => {
    const ticket = (await h.adapter.checkOrder!('PED-100'))!;
    const invoice = {
      ticketId: ticket.ticketId,
      document: CUSTOMER.document,
      number: '4321',
      series: '1',
      issueDate: '2026-12-02',
      amountCents: 5_500_00,
      installments: [
        { installment: 1, dueDate: '2027-01-01', amountCents: 2_750_00 },
        { installment: 2, dueDate: '2027-02-01', amountCents: 2_750_00 },
      ],
    };
    const answer = await h.adapter.sendInvoice!(invoice);
    expect(answer).toEqual({
      accepted: true,
      reason: null,
      faturas: [
        { installment: 1, faturaId: 'FAT-4321-1-1', dueDate: '2027-01-01', amountCents: 2_750_00 },
        { installment: 2, faturaId: 'FAT-4321-1-2', dueDate: '2027-02-01', amountCents: 2_750_00 },
      ],
    });
    // The sale holds the invoiced amount (5.500,00) instead of the ticket's 6.000,00.
    expect((await h.adapter.getCreditStatus!(CUSTOMER.document)).availableLimitCents).toBe(14_500_00);
    expect(await h.adapter.sendInvoice!(invoice)).toEqual(answer);
  });

  it('does not accept an invoice on a denied ticket, and says why', async () => {
    const denied = (await h.adapter.checkOrder!('PED-101'))!;
    const answer = await h.adapter.sendInvoice!({
      ticketId: denied.ticketId,
      document: CUSTOMER.document,
      number: '4322',
      series: '1',
      issueDate: '2026-12-02',
      amountCents: 100_00,
      installments: [{ installment: 1, dueDate: '2027-01-01', amountCents: 100_00 }],
    });
    expect(answer).toEqual({ accepted: false, reason: 'Ticket de crédito negado', faturas: [] });
  });

  it('a blocked customer gets its tickets denied with the situation', async () => {
    await h.control(`/customers/${CUSTOMER.document}/situation`, { situation: 'blocked_overdue' });
    expect((await h.adapter.getCreditStatus!(CUSTOMER.document)).customerSituation).toBe('blocked_overdue');
    const ticket = await h.adapter.createTicket!({ ...order, orderErpKey: 'PED-103', amountCents: 1_00 });
    expect(ticket).toMatchObject({ status: 'denied', reason: 'Cliente bloqueado por atraso' });
    await h.control(`/customers/${CUSTOMER.document}/situation`, { situation: 'active' });
  });

  it('payments reported by the platform restore the available limit', async () => {
    await h.control(`/customers/${CUSTOMER.document}/payments`, { amountCents: 2_750_00 });
    expect((await h.adapter.getCreditStatus!(CUSTOMER.document)).availableLimitCents).toBe(17_250_00);
  });
});

describe('data sync: sales orders and título movements', () => {
  it('sends sales orders of known customers; an unknown customer is refused naming the line', async () => {
    const order = {
      orderErpKey: 'PED-100',
      orderNumber: '100',
      document: CUSTOMER.document,
      orderDate: '2026-12-01',
      amountCents: 5_500_00,
    };
    expect(await h.adapter.syncSalesOrders!([order])).toEqual({ received: 1 });
    expect(h.emulator.platform.orders.get('PED-100')).toEqual({
      codigoPedidoErp: 'PED-100',
      numeroPedido: '100',
      cnpjCpf: CUSTOMER.document,
      dataPedido: '2026-12-01',
      valor: '5500.00',
    });
    const error = await platformError(
      h.adapter.syncSalesOrders!([order, { ...order, orderErpKey: 'PED-9', document: '99999999000191' }]),
    );
    expect(error).toMatchObject({ kind: 'validation', property: 'orders.1.document' });
  });

  it('sends movements of títulos of accepted invoices, once per movement id', async () => {
    const movement = {
      movementId: 'MOV-1',
      invoiceNumber: '4321',
      invoiceSeries: '1',
      installment: 1,
      kind: 'payment' as const,
      amountCents: 2_750_00,
      occurredOn: '2027-01-01',
    };
    expect(await h.adapter.syncReceivableMovements!([movement, movement])).toEqual({ received: 2 });
    expect([...h.emulator.platform.movements.values()]).toEqual([
      {
        idMovimento: 'MOV-1',
        numeroNota: '4321',
        serieNota: '1',
        parcela: 1,
        tipo: 'PAGAMENTO',
        valor: '2750.00',
        data: '2027-01-01',
      },
    ]);
    const error = await platformError(
      h.adapter.syncReceivableMovements!([{ ...movement, invoiceNumber: '1' }]),
    );
    expect(error.property).toBe('movements.0.invoiceNumber');
  });
});

describe('after-sale', () => {
  it('sends a devolução for an accepted invoice; refuses one above its value', async () => {
    const request = {
      invoiceNumber: '4321',
      invoiceSeries: '1',
      document: CUSTOMER.document,
      amountCents: 1_000_00,
      reason: 'Mercadoria avariada',
      requestedOn: '2026-12-05',
    };
    expect(await h.adapter.sendReturnRequest!(request)).toEqual({
      requestId: expect.stringMatching(/^DEV\d{6}$/),
    });
    expect(h.emulator.platform.returns.at(-1)).toMatchObject({
      numeroNota: '4321',
      serieNota: '1',
      valor: '1000.00',
    });
    const error = await platformError(h.adapter.sendReturnRequest!({ ...request, amountCents: 5_500_01 }));
    expect(error.property).toBe('amountCents');
  });

  it('receives devolução, bonificação, prorrogação and liberação de NCC until each is answered', async () => {
    const base = {
      invoiceNumber: '4321',
      invoiceSeries: '1',
      customerDocument: CUSTOMER.document,
      requestedOn: '2026-12-06',
    };
    await h.control('/after-sale-requests', [
      { ...base, requestId: 'PV-1', kind: 'return', amountCents: 500_00, reason: 'Devolução parcial' },
      { ...base, requestId: 'PV-2', kind: 'bonus', amountCents: 100_00 },
      { ...base, requestId: 'PV-3', kind: 'extension', amountCents: 2_750_00, newDueDate: '2027-01-31' },
      { ...base, requestId: 'PV-4', kind: 'credit_note', amountCents: 50_00 },
    ]);
    const requests = await h.adapter.fetchAfterSaleRequests!();
    expect(requests.map((r) => [r.requestId, r.kind, r.amountCents, r.newDueDate])).toEqual([
      ['PV-1', 'return', 500_00, null],
      ['PV-2', 'bonus', 100_00, null],
      ['PV-3', 'extension', 2_750_00, '2027-01-31'],
      ['PV-4', 'credit_note', 50_00, null],
    ]);
    expect(requests[0]).toMatchObject({
      invoiceNumber: '4321',
      invoiceSeries: '1',
      reason: 'Devolução parcial',
    });
    await h.adapter.answerAfterSaleRequest!('PV-1', { accepted: true });
    await h.adapter.answerAfterSaleRequest!('PV-3', { accepted: false, reason: 'Prazo acima do contrato' });
    expect((await h.adapter.fetchAfterSaleRequests!()).map((r) => r.requestId)).toEqual(['PV-2', 'PV-4']);
    expect(h.emulator.platform.afterSale.get('PV-3')?.answer).toEqual({
      aceita: false,
      motivo: 'Prazo acima do contrato',
    });
    const error = await platformError(h.adapter.answerAfterSaleRequest!('PV-1', { accepted: true }));
    expect(error.message).toBe('Plataforma de crédito: Solicitação de pós-venda já respondida');
  });
});

describe('reconciliation events', () => {
  const event = (entryId: string, eventCode: string, type: 'C' | 'D', amountCents: number, feeCents = 0) => ({
    entryId,
    eventCode,
    type,
    amountCents,
    feeCents,
    customerDocument: CUSTOMER.document,
    invoiceNumber: '4321',
    invoiceSeries: '1',
    occurredOn: '2026-12-03',
  });

  it('serves posted events with their amounts until acknowledged, then never again', async () => {
    await h.control('/events', [
      event('E-1', 'IMPL', 'C', 5_500_00, 110_00),
      event('E-2', 'RPASSI', 'D', 12_34),
      { ...event('E-3', 'DIVCOM', 'D', 99_00), invoiceNumber: null, invoiceSeries: null },
      event('E-4', 'NOVO', 'C', 1_00),
    ]);
    const fetched = await h.adapter.fetchReconciliationEvents!();
    expect(fetched.map(({ raw: _raw, ...rest }) => rest)).toEqual([
      {
        entryId: 'E-1',
        eventCode: 'IMPL',
        entryType: 'credit',
        amountCents: 5_500_00,
        feeCents: 110_00,
        customerDocument: CUSTOMER.document,
        invoiceNumber: '4321',
        invoiceSeries: '1',
        occurredOn: '2026-12-03',
      },
      expect.objectContaining({
        entryId: 'E-2',
        eventCode: 'RPASSI',
        entryType: 'debit',
        amountCents: 12_34,
      }),
      expect.objectContaining({
        entryId: 'E-3',
        eventCode: 'DIVCOM',
        invoiceNumber: null,
        invoiceSeries: null,
      }),
      expect.objectContaining({ entryId: 'E-4', eventCode: 'NOVO' }),
    ]);
    // Not acknowledged yet: a second fetch serves the same events.
    expect((await h.adapter.fetchReconciliationEvents!()).map((e) => e.entryId)).toEqual([
      'E-1',
      'E-2',
      'E-3',
      'E-4',
    ]);

    expect(await h.adapter.acknowledgeReconciliationEvents!(['E-1', 'E-3', 'E-99'])).toEqual({
      acknowledged: ['E-1', 'E-3'],
      unknown: ['E-99'],
    });
    expect((await h.adapter.fetchReconciliationEvents!()).map((e) => e.entryId)).toEqual(['E-2', 'E-4']);
    // Acknowledging twice is harmless.
    expect((await h.adapter.acknowledgeReconciliationEvents!(['E-1'])).acknowledged).toEqual(['E-1']);
    await h.adapter.acknowledgeReconciliationEvents!(['E-2', 'E-4']);
    expect(await h.adapter.fetchReconciliationEvents!()).toEqual([]);
  });

  it('an event the platform re-sends comes back with the same entry id', async () => {
    await h.control('/events', [event('E-1', 'IMPL', 'C', 5_500_00, 110_00)]);
    expect((await h.adapter.fetchReconciliationEvents!()).map((e) => e.entryId)).toEqual(['E-1']);
    await h.adapter.acknowledgeReconciliationEvents!(['E-1']);
  });

  it('acknowledging nothing is a validation error naming our field', async () => {
    const error = await platformError(h.adapter.acknowledgeReconciliationEvents!([]));
    expect(error.property).toBe('entryIds');
  });
});
