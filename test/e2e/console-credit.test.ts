/**
 * The credit platform's tabs in Chromium (1366 px and 390 px) against the demo's Supplier emulator: "Múltiplos
 * clientes" in Adicionar clientes (codes separated by commas, an unknown code named, 1..N picked in the grid, the
 * requests sent, the platform's verdict in the Histórico with the Código da Última Análise), and Conciliação of a
 * selection (Conciliar only when the selection holds a reconcilable record; the título's open amount follows).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, hasChromium, login, newPage, shots, startServerAndBrowser, type Server } from './browser.js';

const CUSTOMERS = [
  { erpKey: 'CRD-1', name: 'Amazonas Atacadista Ltda', document: '11444777000161' },
  { erpKey: 'CRD-2', name: 'Belém Distribuidora Ltda', document: '45723174000110' },
  { erpKey: 'CRD-3', name: 'Manaus Comércio Ltda', document: '04252011000110' },
];

describe.skipIf(!hasChromium)('Crédito de Clientes e Conciliação no navegador', () => {
  let server: Server;
  let browser: Browser;
  let token: string;
  let norteId: string;

  const call = async (method: string, path: string, body?: unknown, auth = true) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(auth ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    // Loosely read: the assertions check what matters.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return JSON.parse(text) as any;
  };
  const control = (path: string, body: unknown) =>
    call('POST', `/emulators/supplier/_control${path}`, body, false);

  const openTab = async (width: number, tab: string, height = 900) => {
    const page = await newPage(browser, width, height);
    await page.goto(server.url);
    await login(page, 'admin@demo.finconsole', 'demo1234');
    await page.locator('main table').first().waitFor();
    await page.evaluate(([t, id]) => (window.location.hash = `#/${t}?companyId=${id}`), [tab, norteId]);
    return page;
  };
  const noSideScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    const norte = server.seed!.apiTokens.find((t) => t.companyName.includes('Norte'))!;
    token = norte.token;
    norteId = norte.companyId;
    for (const c of CUSTOMERS)
      await call('PUT', `/api/v1/customers/${c.erpKey}`, {
        name: c.name,
        document: c.document,
        phone: '92988887777',
      });
    await call('PUT', '/api/v1/customers/CRD-1/credit-profile', { erpCreditLimitCents: 1_250_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Múltiplos clientes: códigos separados por vírgula, 1..N na grade, solicitação e Histórico', async () => {
    const page = await openTab(1366, 'credito');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Crédito de Clientes');
    await page.getByRole('button', { name: 'Adicionar clientes' }).click();
    const panel = page.getByRole('dialog');
    await panel.getByLabel('Múltiplos clientes').check();
    await panel.getByLabel('Códigos dos clientes (separados por vírgula)').fill('CRD-1, CRD-3 ,NAO-EXISTE');
    await panel.getByRole('button', { name: 'Pesquisar' }).click();
    await expect.poll(() => panel.locator('tbody tr[data-id]').count()).toBe(2);
    expect(await panel.getByTestId('unknown-codes').textContent()).toContain('NAO-EXISTE');
    expect(await panel.locator('tbody [data-col="customer"]').allTextContents()).toEqual([
      'CRD-1 — Amazonas Atacadista Ltda',
      'CRD-3 — Manaus Comércio Ltda',
    ]);
    expect(
      (
        await panel.locator('tbody tr[data-id]').first().locator('[data-col="erp-limit"]').textContent()
      )?.replace(/\u00a0/g, ' '),
    ).toBe('R$ 12.500,00');
    // Nothing picked: nothing to send.
    expect(await panel.getByRole('button', { name: 'Enviar solicitação' }).isDisabled()).toBe(true);
    await panel.getByLabel('Selecionar todos desta página').check();
    expect(await panel.getByRole('status').first().textContent()).toContain('2 clientes selecionados');
    await panel.getByLabel('Limite sugerido (R$)').fill('15.000,00');
    await panel.getByLabel('Emergencial').check();
    await panel.getByRole('button', { name: 'Enviar solicitação' }).click();
    // Each request goes to the platform: wait for the answers as the page shows them.
    await panel.getByTestId('request-results').locator('li').nth(1).waitFor();
    expect(await panel.getByTestId('request-results').locator('li[data-ok="true"]').count()).toBe(2);
    await page.screenshot({ path: join(shots, 'credito-1366-adicionar-multiplos.png'), fullPage: true });
    await panel.getByRole('button', { name: 'Fechar' }).click();

    await expect.poll(() => page.locator('main tbody tr[data-id]').count()).toBe(2);
    expect(await page.locator('main tbody [data-col="credit-situation"]').allTextContents()).toEqual([
      'Em Processamento',
      'Em Processamento',
    ]);
    // No approved analysis yet: no limit change.
    const row1 = page.locator('main tbody tr[data-erp-key="CRD-1"]');
    expect(await row1.getByRole('button', { name: 'Solicitação de Alteração de Limite' }).isDisabled()).toBe(
      true,
    );

    await control(`/analyses/${CUSTOMERS[0]!.document}/decide`, { approved: true, limitCents: 1_800_000 });
    await row1.getByRole('button', { name: 'Histórico' }).click();
    const history = page.getByRole('dialog');
    const code = (await call('GET', '/api/v1/customers/CRD-1/credit')).lastAnalysisCode as string;
    await history.getByTestId('last-analysis-code').waitFor();
    expect(await history.getByTestId('last-analysis-code').textContent()).toBe(code);
    expect(await history.getByTestId('credit-situations').locator('li').first().textContent()).toContain(
      'Aprovado',
    );
    expect(await history.getByTestId('customer-situations').textContent()).toContain('Ativo');
    await page.screenshot({ path: join(shots, 'credito-1366-historico.png'), fullPage: true });
    await history.getByRole('button', { name: 'Fechar' }).click();
    await page.reload();
    await expect.poll(() => row1.locator('[data-col="approved-limit"]').textContent()).toMatch(/18\.000,00/);
    expect(await row1.getByRole('button', { name: 'Solicitação de Alteração de Limite' }).isDisabled()).toBe(
      false,
    );
    await page.screenshot({ path: join(shots, 'credito-1366-lista.png'), fullPage: true });
    await page.context().close();

    const phone = await openTab(390, 'credito', 844);
    await expect.poll(() => phone.locator('main tbody tr[data-id]').count()).toBe(2);
    expect(await noSideScroll(phone)).toBe(0);
    await phone.screenshot({ path: join(shots, 'credito-390-lista.png'), fullPage: true });
    await phone.context().close();
  });

  it('Conciliação: Conciliar só com registro conciliável na seleção; o título segue o razão', async () => {
    await call('PUT', '/api/v1/receivables/CRD-NF-500-1', {
      customerErpKey: 'CRD-2',
      document: 'PED-500',
      number: '500',
      installment: 1,
      issueDate: '2026-11-01',
      dueDate: '2026-12-15',
      amountCents: 300_000,
      invoiceNumber: '500',
    });
    const event = (entryId: string, eventCode: string, type: 'C' | 'D', amountCents: number) => ({
      entryId,
      eventCode,
      type,
      amountCents,
      feeCents: eventCode === 'IMPL' ? 1_500 : 0,
      customerDocument: CUSTOMERS[1]!.document,
      invoiceNumber: '500',
      invoiceSeries: '1',
      occurredOn: '2026-11-20',
    });
    await control('/events', [event('TX-1', 'IMPL', 'C', 300_000), event('TX-2', 'DIVCOM', 'D', 4_000)]);
    expect(await call('POST', '/api/v1/jobs/supplier-reconciliation/run', {})).toMatchObject({ stored: 2 });

    const page = await openTab(1366, 'conciliacao');
    await expect.poll(() => page.locator('main tbody tr[data-id]').count()).toBe(2);
    const impl = page.locator('main tbody tr[data-entry="TX-1"]');
    const divcom = page.locator('main tbody tr[data-entry="TX-2"]');
    expect(await divcom.locator('[data-col="situation"]').textContent()).toBe('Informativo');
    expect(await impl.locator('[data-col="receivable"]').textContent()).toBe('CRD-NF-500-1');

    await divcom.getByRole('checkbox').check();
    const toolbar = page.getByRole('toolbar', { name: 'Ações da seleção' });
    await toolbar.waitFor();
    expect(await toolbar.getByRole('button', { name: /Conciliar/ }).count()).toBe(0);
    await impl.getByRole('checkbox').check();
    await toolbar.getByRole('button', { name: 'Conciliar (1)' }).click();
    await expect
      .poll(() => page.getByTestId('reconciliation-outcome').textContent())
      .toContain('1 de 2 concluídos');
    await expect.poll(() => impl.locator('[data-col="situation"]').textContent()).toBe('Conciliado');
    expect((await call('GET', '/api/v1/receivables/CRD-NF-500-1')).openAmountCents).toBe(0);
    await page.screenshot({ path: join(shots, 'conciliacao-1366-conciliado.png'), fullPage: true });
    const job = page.locator('[data-job="supplier-reconciliation"]');
    await job.getByRole('button', { name: 'Executar agora' }).click();
    await job.getByText(/concluída/).waitFor();

    await impl.getByRole('checkbox').check();
    await toolbar.getByRole('button', { name: 'Excluir conciliação (1)' }).click();
    await expect.poll(() => impl.locator('[data-col="situation"]').textContent()).toBe('Não Conciliado');
    expect((await call('GET', '/api/v1/receivables/CRD-NF-500-1')).openAmountCents).toBe(300_000);
    await impl.getByRole('button', { name: 'Histórico' }).click();
    const history = page.getByRole('dialog');
    await expect.poll(() => history.locator('ol.history > li').count()).toBe(3);
    expect(await history.textContent()).toContain('Conciliação excluída');
    await page.screenshot({ path: join(shots, 'conciliacao-1366-historico.png'), fullPage: true });
    const session = (await apiGet<{ user: { name: string } }>(page, '/api/session')).body;
    expect(await history.textContent()).toContain(session.user.name);
    await page.context().close();

    const phone = await openTab(390, 'conciliacao', 844);
    await expect.poll(() => phone.locator('main tbody tr[data-id]').count()).toBe(2);
    expect(await noSideScroll(phone)).toBe(0);
    await phone.screenshot({ path: join(shots, 'conciliacao-390-lista.png'), fullPage: true });
    await phone.context().close();
  });
});
