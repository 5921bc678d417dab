/**
 * The credit platform on the ERP API, over real HTTP to the Supplier emulator and a real store: credit requests and
 * every Situação Crédito the platform answers, the limit-change rule, Faturamento a Prazo, the daily reconciliation
 * run (idempotent when repeated or concurrent), Conciliar refusing informative and unknown events, and Excluir
 * conciliação restoring the ledger. Expected values come from what the test tells the emulator (the platform's
 * verdicts and events) and the título's own amount, never from the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../src/platforms/supplier/emulator/index.js';
import {
  startSupplierEmulator,
  type RunningSupplierEmulator,
} from '../../src/platforms/supplier/emulator/standalone.js';
import { createIntegration } from '../../src/store/integrations.js';
import { json, startHarness, type Harness } from './harness.js';

let h: Harness;
let emulator: RunningSupplierEmulator;
const CPF = '12345678909';

async function control(path: string, body: unknown) {
  const response = await fetch(`${emulator.url}/_control${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json() as Promise<unknown>;
}

const erp = (url: string, payload?: object) =>
  h.asErp(h.tokens.norte, url, payload === undefined ? {} : { method: 'POST', payload });
const credit = async () => json(await erp('/api/v1/customers/CLI-1/credit'));
const openAmount = async () => json(await erp('/api/v1/receivables/TIT-77-1')).openAmountCents as number;

beforeAll(async () => {
  h = await startHarness();
  emulator = await startSupplierEmulator();
  await createIntegration(
    h.store.db,
    {
      companyId: h.companies.norte,
      portadorId: h.portadores.norte,
      platform: 'supplier',
      chargeType: 'boleto',
      environment: 'sandbox',
      endpointUrl: emulator.url,
      realtime: 0,
      referenceDate: '2026-01-01',
      active: 1,
      options: { clientId: DEMO_CLIENT_ID, environment: 'dev' },
      secrets: h.platforms.secrets.seal({ clientSecret: DEMO_CLIENT_SECRET }),
      webhookToken: randomBytes(24).toString('base64url'),
      feeCents: 0,
      receiptHistoryCode: null,
      entriesHistoryCode: null,
      feesHistoryCode: null,
      notifyUserIds: [],
    },
    'test',
  );
  const customer = await h.erpPut('customers', h.tokens.norte, 'CLI-1', {
    name: 'Comercial Norte Ltda',
    document: '123.456.789-09',
    phone: '92999990000',
  });
  expect(customer.statusCode).toBe(201);
  const receivable = await h.erpPut('receivables', h.tokens.norte, 'TIT-77-1', {
    customerErpKey: 'CLI-1',
    document: 'PED-77',
    number: '77',
    installment: 1,
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    amountCents: 150_000,
    invoiceNumber: '77',
  });
  expect(receivable.statusCode).toBe(201);
});
afterAll(async () => {
  await emulator?.close();
  await h?.close();
});

describe('credit requests and the customer credit', () => {
  it('stores the analysis as Falha with the field the platform refused', async () => {
    // The platform refuses a customer without a phone (it contacts the buyer about every sale).
    await h.erpPut('customers', h.tokens.norte, 'CLI-2', {
      name: 'Sem Telefone Ltda',
      document: '11.222.333/0001-81',
    });
    const sent = await erp('/api/v1/customers/CLI-2/credit-requests', { suggestedLimitCents: 100_000 });
    expect(sent.statusCode).toBe(201);
    expect(json(sent)).toMatchObject({ situation: 'failed', reason: expect.stringContaining('phone') });
    expect((await json(await erp('/api/v1/customers/CLI-2/credit'))).creditSituation).toBe('failed');
  });

  it('refuses a limit change before any approved analysis', async () => {
    const response = await erp('/api/v1/customers/CLI-1/credit-requests', {
      kind: 'limit_change',
      suggestedLimitCents: 100_000,
    });
    expect(response.statusCode).toBe(409);
    expect(json(response).error.message).toContain('análise de crédito aprovada');
  });

  it('sends a concession: processing, then approved with the limit the platform grants', async () => {
    const sent = await erp('/api/v1/customers/CLI-1/credit-requests', {
      suggestedLimitCents: 300_000,
      emergency: true,
      erpCreditLimitCents: 250_000,
      salesLast12Months: [{ month: '2026-02', amountCents: 90_000 }],
    });
    expect(sent.statusCode).toBe(201);
    const analysis = json(sent);
    expect(analysis).toMatchObject({
      kind: 'concession',
      situation: 'processing',
      emergency: true,
      reason: null,
    });
    expect(analysis.analysisCode).toBeTruthy();

    let view = await credit();
    expect(view).toMatchObject({ customerSituation: 'active', creditSituation: 'processing' });
    expect(view.termBilling).toEqual({
      status: 'blocked',
      reason: expect.stringContaining('sem limite de crédito aprovado'),
    });

    const again = await erp('/api/v1/customers/CLI-1/credit-requests', { suggestedLimitCents: 1 });
    expect(again.statusCode).toBe(409);

    await control(`/analyses/${CPF}/review`, {});
    expect((await credit()).creditSituation).toBe('under_review');

    // The platform grants more than suggested: the suggestion is only a suggestion.
    await control(`/analyses/${CPF}/decide`, { approved: true, limitCents: 500_000 });
    view = await credit();
    expect(view).toMatchObject({
      customerSituation: 'active',
      creditSituation: 'approved',
      approvedLimitCents: 500_000,
      availableLimitCents: 500_000,
      termBilling: { status: 'released' },
      lastAnalysisCode: analysis.analysisCode,
    });
    expect(view.analyses[0].grantedLimitCents).toBe(500_000);
  });

  it('a denied limit change keeps the limit and records the reason', async () => {
    const sent = await erp('/api/v1/customers/CLI-1/credit-requests', {
      kind: 'limit_change',
      suggestedLimitCents: 900_000,
    });
    expect(sent.statusCode).toBe(201);
    expect(json(sent).situation).toBe('processing');
    await control(`/analyses/${CPF}/decide`, { approved: false, reason: 'Endividamento elevado' });
    const view = await credit();
    expect(view.creditSituation).toBe('rejected');
    expect(view.analyses[0]).toMatchObject({ kind: 'limit_change', reason: 'Endividamento elevado' });
    expect(view.approvedLimitCents).toBe(500_000);
  });

  it('blocks term billing with the reason when the platform blocks the customer', async () => {
    await control(`/customers/${CPF}/situation`, { situation: 'blocked_overdue' });
    const view = await credit();
    expect(view.customerSituation).toBe('blocked_overdue');
    expect(view.termBilling).toEqual({ status: 'blocked', reason: expect.stringContaining('atraso') });
    await control(`/customers/${CPF}/situation`, { situation: 'active' });
    expect((await credit()).termBilling).toEqual({ status: 'released' });
  });
});

describe('reconciliation', () => {
  const event = (entryId: string, eventCode: string, type: 'C' | 'D', amountCents: number, extra = {}) => ({
    entryId,
    eventCode,
    type,
    amountCents,
    feeCents: 0,
    customerDocument: CPF,
    invoiceNumber: '77',
    invoiceSeries: '1',
    occurredOn: '2026-03-10',
    ...extra,
  });
  const records = async (query = '') => json(await erp(`/api/v1/reconciliation-records${query}`));
  const idOf = async (entryId: string) => (await records(`?entryId=${entryId}`)).items[0].id as string;

  it('stores each event once, even when the run is repeated or concurrent, and acknowledges them', async () => {
    await control('/events', [
      event('E-1', 'IMPL', 'C', 100_000, { feeCents: 500 }),
      event('E-2', 'DIVCOM', 'D', 3_000),
      event('E-3', 'NOVO', 'D', 1_000),
      event('E-4', 'IMPL', 'C', 2_000, { customerDocument: '11444777000161' }),
      event('E-5', 'BONIFI', 'D', 60_000),
    ]);
    const runs = await Promise.all([
      erp('/api/v1/jobs/supplier-reconciliation/run', {}),
      erp('/api/v1/jobs/supplier-reconciliation/run', {}),
    ]);
    expect(runs.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(runs.reduce((sum, r) => sum + (json(r).stored as number), 0)).toBe(5);
    const third = json(await erp('/api/v1/jobs/supplier-reconciliation/run', {}));
    expect(third).toEqual({ fetched: 0, stored: 0, acknowledged: 0 });
    expect((await records()).total).toBe(5);

    // The platform re-sends an entry it already sent: still one record.
    await control('/events', [event('E-1', 'IMPL', 'C', 100_000, { feeCents: 500 })]);
    expect(json(await erp('/api/v1/jobs/supplier-reconciliation/run', {}))).toMatchObject({ stored: 0 });
    expect((await records()).total).toBe(5);

    const bySituation = async (situation: string) =>
      (await records(`?situation=${situation}`)).items.map((r: { entryId: string }) => r.entryId).sort();
    expect(await bySituation('not_reconciled')).toEqual(['E-1', 'E-5']);
    expect(await bySituation('informative')).toEqual(['E-2']);
    expect(await bySituation('failed')).toEqual(['E-3', 'E-4']);
    expect((await records('?eventCode=NOVO')).items[0].reason).toContain('"NOVO" não cadastrado');
    expect((await records('?entryId=E-4')).items[0].reason).toContain('Cliente do registro não encontrado');
    expect((await records('?entryId=E-1')).items[0].receivableErpKey).toBe('TIT-77-1');
  });

  it('Conciliar is refused for informative and unknown events', async () => {
    const response = await erp('/api/v1/reconciliation-records/reconcile', {
      ids: [await idOf('E-2'), await idOf('E-3')],
    });
    expect(response.statusCode).toBe(422);
    expect(json(response).error.code).toBe('not_reconcilable');
  });

  it('reconciles on the Título ERP, refuses what would overdraw it, and Excluir conciliação restores it', async () => {
    const impl = await idOf('E-1');
    const divcom = await idOf('E-2');
    const reconciled = json(await erp('/api/v1/reconciliation-records/reconcile', { ids: [impl, divcom] }));
    expect(reconciled.results).toEqual([
      { id: impl, situation: 'reconciled', ok: true, reason: null },
      { id: divcom, situation: 'informative', ok: false, reason: expect.stringContaining('informativo') },
    ]);
    // 150.000 owed, 100.000 paid by the platform; the 500 fee does not change what the customer owes.
    expect(await openAmount()).toBe(50_000);
    const movements = json(await erp('/api/v1/receivables/TIT-77-1/movements')).items as {
      kind: string;
      amountCents: number;
    }[];
    expect(movements.filter((m) => m.kind !== 'created')).toEqual([
      expect.objectContaining({ kind: 'payment', amountCents: 100_000 }),
      expect.objectContaining({ kind: 'fee', amountCents: 500 }),
    ]);

    const twice = json(
      await erp('/api/v1/reconciliation-records/reconcile', { ids: [impl, await idOf('E-5')] }),
    );
    expect(twice.results[0]).toMatchObject({ ok: false, situation: 'reconciled' });
    // BONIFI of 60.000 on a título with 50.000 open: refused, the record is Falha with the reason.
    expect(twice.results[1]).toMatchObject({ ok: false, situation: 'failed' });
    expect(twice.results[1].reason).toContain('negativo');
    expect(await openAmount()).toBe(50_000);

    const undone = json(await erp('/api/v1/reconciliation-records/undo', { ids: [impl] }));
    expect(undone.results).toEqual([{ id: impl, situation: 'not_reconciled', ok: true, reason: null }]);
    expect(await openAmount()).toBe(150_000);
    const after = json(await erp('/api/v1/receivables/TIT-77-1/movements')).items as {
      kind: string;
      amountCents: number;
    }[];
    const total = (kind: string) =>
      after.filter((m) => m.kind === kind).reduce((sum, m) => sum + m.amountCents, 0);
    expect([total('payment'), total('fee')]).toEqual([0, 0]);

    // Reconciled again after the undo: it posts again.
    json(await erp('/api/v1/reconciliation-records/reconcile', { ids: [impl] }));
    expect(await openAmount()).toBe(50_000);
  });

  it("the console lists the records, shows a record's history and lets only writers reconcile", async () => {
    const admin = await h.login(h.emails.admin);
    const page = json(await h.asUser(admin, `/api/reconciliation-records?companyId=${h.companies.norte}`));
    expect(page.total).toBe(5);
    const impl = await idOf('E-1');
    const detail = json(await h.asUser(admin, `/api/reconciliation-records/${impl}/history`));
    expect(detail.history.map((e: { action: string }) => e.action)).toEqual([
      'received',
      'reconciled',
      'reconciliation_undone',
      'reconciled',
    ]);
    const viewer = await h.login(h.emails.viewer);
    const refused = await h.asUser(viewer, '/api/reconciliation-records/undo', {
      method: 'POST',
      payload: { ids: [impl] },
    });
    expect(refused.statusCode).toBe(403);
    const undone = await h.asUser(admin, '/api/reconciliation-records/undo', {
      method: 'POST',
      payload: { ids: [impl] },
    });
    expect(json(undone).results[0]).toMatchObject({ ok: true, situation: 'not_reconciled' });
    const last = json(await h.asUser(admin, `/api/reconciliation-records/${impl}/history`)).history.at(-1);
    expect(last).toMatchObject({ action: 'reconciliation_undone', actorName: 'Admin' });
    expect(await openAmount()).toBe(150_000);
  });
});

describe('console: Crédito de Clientes', () => {
  const CNPJ_3 = '45723174000110';
  let admin: string;
  const consoleGet = async (url: string) => json(await h.asUser(admin, url));
  const consolePost = (url: string, payload: object, cookie = admin) =>
    h.asUser(cookie, url, { method: 'POST', payload });

  beforeAll(async () => {
    admin = await h.login(h.emails.admin);
    await h.erpPut('customers', h.tokens.norte, 'CLI-3', {
      name: 'Atacado Solimões Ltda',
      document: CNPJ_3,
      phone: '92977776666',
    });
  });

  it("keeps the ERP's credit profile (idempotent) and sends it with a console request", async () => {
    const profile = {
      erpCreditLimitCents: 80_000,
      salesLast12Months: [
        { month: '2026-10', amountCents: 40_000 },
        { month: '2026-09', amountCents: 30_000 },
      ],
    };
    const put = () =>
      h.asErp(h.tokens.norte, '/api/v1/customers/CLI-3/credit-profile', { method: 'PUT', payload: profile });
    expect((await put()).statusCode).toBe(201);
    const again = await put();
    expect(again.statusCode).toBe(200);
    expect(json(again).salesLast12Months.map((m: { month: string }) => m.month)).toEqual([
      '2026-09',
      '2026-10',
    ]);
    const twice = await h.asErp(h.tokens.norte, '/api/v1/customers/CLI-3/credit-profile', {
      method: 'PUT',
      payload: { erpCreditLimitCents: -1, salesLast12Months: [{ month: '2026-13', amountCents: 1 }] },
    });
    expect(twice.statusCode).toBe(400);
    expect(
      json(twice)
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['erpCreditLimitCents', 'salesLast12Months.0.month']);

    const candidates = await consoleGet(
      `/api/credit-customers/candidates?companyId=${h.companies.norte}&codes=${encodeURIComponent(' CLI-3, CLI-1 ,NAO-EXISTE,CLI-3')}`,
    );
    expect(candidates.items.map((c: { erpKey: string }) => c.erpKey).sort()).toEqual(['CLI-1', 'CLI-3']);
    expect(candidates.unknownCodes).toEqual(['NAO-EXISTE']);
    const cli3 = candidates.items.find((c: { erpKey: string }) => c.erpKey === 'CLI-3');
    expect(cli3.erpCreditLimitCents).toBe(80_000);

    const sent = await consolePost('/api/credit-customers/requests', {
      companyId: h.companies.norte,
      customerIds: candidates.items.map((c: { customerId: string }) => c.customerId),
      suggestedLimitCents: 120_000,
      emergency: true,
    });
    expect(sent.statusCode).toBe(200);
    const results = json(sent).results as { name: string; ok: boolean; reason: string | null }[];
    expect(results.find((r) => r.name === 'Comercial Norte Ltda')).toMatchObject({ ok: true });
    expect(results.find((r) => r.name === 'Atacado Solimões Ltda')).toMatchObject({ ok: true, reason: null });
    const state = (await (await fetch(`${emulator.url}/_control/state`)).json()) as {
      analyses: { document: string; erpLimitCents: number; salesMonths: string[]; requestedCents: number }[];
    };
    expect(state.analyses.filter((a) => a.document === CNPJ_3).at(-1)).toEqual(
      expect.objectContaining({
        erpLimitCents: 80_000,
        salesMonths: ['2026-09', '2026-10'],
        requestedCents: 120_000,
      }),
    );
  });

  it('lists the customers with both situations and the limit-change rule; the viewer may not request', async () => {
    const page = await consoleGet(`/api/credit-customers?companyId=${h.companies.norte}`);
    const byKey = Object.fromEntries(page.items.map((c: { erpKey: string }) => [c.erpKey, c]));
    expect(Object.keys(byKey).sort()).toEqual(['CLI-1', 'CLI-2', 'CLI-3']);
    expect(byKey['CLI-2']).toMatchObject({ creditSituation: 'failed', creditSituationLabel: 'Falha' });
    expect(byKey['CLI-3']).toMatchObject({
      customerSituationLabel: 'Ativo',
      creditSituationLabel: 'Em Processamento',
      limitChange: { allowed: false, reason: expect.stringContaining('aprovada') },
      termBilling: { status: 'blocked' },
    });
    const filtered = await consoleGet(
      `/api/credit-customers?companyId=${h.companies.norte}&creditSituation=processing`,
    );
    expect(filtered.items.map((c: { erpKey: string }) => c.erpKey).sort()).toEqual(['CLI-1', 'CLI-3']);

    const viewer = await h.login(h.emails.viewer);
    const refused = await consolePost(
      '/api/credit-customers/requests',
      { companyId: h.companies.norte, customerIds: [byKey['CLI-3'].customerId], suggestedLimitCents: 1 },
      viewer,
    );
    expect(refused.statusCode).toBe(403);
    const other = await h.login(h.emails.otherAdmin);
    expect(
      (await h.asUser(other, `/api/credit-customers/${byKey['CLI-3'].customerId}/history`)).statusCode,
    ).toBe(404);
  });

  it('limit change only after an approved analysis; Histórico with both lists, reasons and messages', async () => {
    const page = await consoleGet(`/api/credit-customers?companyId=${h.companies.norte}&q=Solim`);
    const id = page.items[0].customerId as string;
    const early = await consolePost(`/api/credit-customers/${id}/limit-change`, {
      suggestedLimitCents: 1_000,
    });
    expect(early.statusCode).toBe(409);
    await control(`/analyses/${CNPJ_3}/decide`, { approved: true, limitCents: 70_000 });
    const change = await consolePost(`/api/credit-customers/${id}/limit-change`, {
      suggestedLimitCents: 90_000,
    });
    expect(change.statusCode).toBe(201);
    await control(`/analyses/${CNPJ_3}/decide`, { approved: false, reason: 'Faturamento insuficiente' });

    const history = await consoleGet(`/api/credit-customers/${id}/history`);
    expect(history.customer).toMatchObject({ approvedLimitCents: 70_000, creditSituation: 'rejected' });
    expect(history.customer.lastAnalysisCode).toBe(json(change).analysisCode);
    const credit = history.creditSituations as {
      situationLabel: string;
      kind: string;
      reason: string | null;
    }[];
    expect(credit[0]).toMatchObject({
      kind: 'limit_change',
      situationLabel: 'Rejeitado',
      reason: 'Faturamento insuficiente',
    });
    expect(credit.map((e) => e.situationLabel)).toEqual(
      expect.arrayContaining(['Em Processamento', 'Aprovado', 'Rejeitado']),
    );
    expect(credit.find((e) => e.situationLabel === 'Aprovado')).toMatchObject({ grantedLimitCents: 70_000 });
    expect(history.customerSituations.at(-1)).toMatchObject({ situationLabel: 'Ativo' });
    expect(history.customerSituations[0]).toMatchObject({ approvedLimitCents: 70_000 });
    const operations = new Set(history.messages.map((m: { operation: string }) => m.operation));
    expect(operations.size).toBeGreaterThanOrEqual(3);
    expect(history.messages.every((m: { requestBody: unknown; at: string }) => m.at)).toBe(true);
  });
});

describe('scheduled jobs of the credit platform', () => {
  let admin: string;
  const run = (job: string) =>
    h.asUser(admin, `/api/platform-jobs/${job}/run`, {
      method: 'POST',
      payload: { companyId: h.companies.norte },
    });
  const jobs = async () =>
    json(await h.asUser(admin, `/api/platform-jobs?companyId=${h.companies.norte}`)).items as {
      job: string;
      lastOutcome: string | null;
      lastSummary: Record<string, number>;
      running: boolean;
    }[];

  beforeAll(async () => {
    admin = await h.login(h.emails.admin);
  });

  it('lists the three jobs with schedule; executar agora twice at once stores each event once', async () => {
    expect((await jobs()).map((j) => j.job).sort()).toEqual([
      'supplier-commands',
      'supplier-reconciliation',
      'supplier-sync',
    ]);
    const before = json(await erp('/api/v1/reconciliation-records')).total as number;
    await control('/events', [
      {
        entryId: 'J-1',
        eventCode: 'IMPL',
        type: 'C',
        amountCents: 1_000,
        feeCents: 0,
        customerDocument: CPF,
        invoiceNumber: '77',
        invoiceSeries: '1',
        occurredOn: '2026-03-11',
      },
      {
        entryId: 'J-2',
        eventCode: 'DEBNF',
        type: 'D',
        amountCents: 2_000,
        feeCents: 0,
        customerDocument: CPF,
        invoiceNumber: '77',
        invoiceSeries: '1',
        occurredOn: '2026-03-11',
      },
    ]);
    const runs = (await Promise.all([run('supplier-reconciliation'), run('supplier-reconciliation')])).map(
      json,
    );
    const ran = runs.filter((r) => r.status === 'ran');
    expect(ran.length).toBeGreaterThanOrEqual(1);
    expect(runs.every((r) => r.status === 'ran' || r.status === 'already_running')).toBe(true);
    expect(ran.reduce((sum, r) => sum + r.summary.stored, 0)).toBe(2);
    expect(json(await run('supplier-reconciliation'))).toMatchObject({
      status: 'ran',
      summary: { stored: 0 },
    });
    expect(json(await erp('/api/v1/reconciliation-records')).total).toBe(before + 2);
    const reconciliation = (await jobs()).find((j) => j.job === 'supplier-reconciliation')!;
    expect(reconciliation).toMatchObject({ lastOutcome: 'ok', running: false });
  });

  it('data sync is incremental and platform commands read the verdicts of open analyses', async () => {
    const first = json(await run('supplier-sync'));
    expect(first).toMatchObject({ status: 'ran', outcome: 'ok' });
    expect(first.summary.sent).toBeGreaterThan(0);
    expect(json(await run('supplier-sync'))).toMatchObject({ summary: { sent: 0 } });
    await h.erpPut('customers', h.tokens.norte, 'CLI-1', {
      name: 'Comercial Norte Ltda (nova razão)',
      document: '123.456.789-09',
      phone: '92999990000',
    });
    expect(json(await run('supplier-sync'))).toMatchObject({ summary: { sent: 1 } });

    // CLI-1's concession sent from the console is still open at the platform.
    expect(json(await erp('/api/v1/customers/CLI-1/credit')).creditSituation).toBe('processing');
    await control(`/analyses/${CPF}/decide`, { approved: false, reason: 'Sem garantias' });
    expect(json(await run('supplier-commands'))).toMatchObject({ summary: { checked: 1 } });
    const credit = json(
      await h.asUser(admin, `/api/credit-customers?companyId=${h.companies.norte}&q=CLI-1`),
    );
    expect(credit.items[0]).toMatchObject({ creditSituation: 'rejected' });
    expect(json(await run('supplier-commands'))).toMatchObject({ summary: { checked: 0 } });
  });
});
