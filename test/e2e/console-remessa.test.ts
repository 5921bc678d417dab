/**
 * Remessa and Logs in Chromium on the demo (in-process worker, Efí emulator over HTTP): a comunicação em lote
 * with failures (a customer without the phone the Efí requires), the progress view surviving a reload, the
 * customer fixed through the ERP API, "Reenviar falhas" → every título Enviado, registered once at the emulator;
 * a refused Alterar vencimento with its reason and the Histórico; the Logs screen listing the calls with the
 * secrets masked. Screenshots at 1366 px and 390 px.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EFI_EMULATOR_DEMO_ACCOUNT } from '../../src/platforms/efi/emulator/emulator.js';
import type { RunningFinconsole } from '../../src/runtime.js';
import { startDemo, type RunningDemo } from '../support/demo.js';
import { apiGet, ensureConsoleBuilt, hasChromium, launchBrowser, login, newPage, shots } from './browser.js';

const DAY = 86_400_000;
const saoPauloDate = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(
    new Date(Date.now() + offsetDays * DAY),
  );
const AMOUNTS = [71_001, 71_002, 71_003, 71_004];

describe.skipIf(!hasChromium)('Remessa e Logs no navegador (demo com o emulador Efí)', () => {
  let demo: RunningDemo | undefined;
  let running: RunningFinconsole;
  let browser: Browser;
  let token: string;
  let sulId: string;

  const erp = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return response.status;
  };
  const customer = (erpKey: string, phone?: string) =>
    erp('PUT', `/api/v1/customers/${erpKey}`, {
      name: `Cliente ${erpKey} Ltda`,
      document: erpKey === 'E2E-OK' ? '11.444.777/0001-61' : '45.723.174/0001-10',
      email: `${erpKey.toLowerCase()}@example.com`,
      ...(phone ? { phone } : {}),
      address: {
        street: 'Rua da Praia',
        number: '100',
        district: 'Centro',
        city: 'Porto Alegre',
        state: 'RS',
        postalCode: '90010-000',
      },
    });
  const emulatorCharges = async () => {
    const response = await fetch(`${running.url}/emulators/efi/_control/charges`);
    const { charges } = (await response.json()) as { charges: { totalCents: number }[] };
    return charges.map((charge) => charge.totalCents).filter((cents) => AMOUNTS.includes(cents));
  };
  const openRemessa = async (page: Page, query: string) => {
    await page.evaluate((hash) => (window.location.hash = hash), `#/remessa?companyId=${sulId}&${query}`);
    await page.locator('main table[aria-busy="false"]').first().waitFor();
  };
  const statuses = (page: Page) =>
    page
      .locator('main table.grid tbody tr[data-id]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));

  beforeAll(async () => {
    ensureConsoleBuilt();
    demo = await startDemo();
    running = demo.running;
    browser = await launchBrowser();
    const sul = running.seed!.apiTokens.find((t) => t.companyName.includes('Sul'))!;
    token = sul.token;
    expect([200, 201]).toContain(await customer('E2E-OK', '+55 51 97777-1111'));
    expect([200, 201]).toContain(await customer('E2E-SEMFONE'));
    for (const [index, amountCents] of AMOUNTS.entries()) {
      const status = await erp('PUT', `/api/v1/receivables/E2E-${index + 1}`, {
        customerErpKey: index < 2 ? 'E2E-OK' : 'E2E-SEMFONE',
        document: 'PED-E2E',
        number: `E2E-${index + 1}`,
        installment: 1,
        issueDate: saoPauloDate(0),
        dueDate: saoPauloDate(20),
        amountCents,
        portadorErpKey: 'EFI',
      });
      expect(status).toBe(201);
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('comunica em lote com falhas, sobrevive ao recarregar, reenvia as falhas e mostra tudo nos Logs', async () => {
    const page = await newPage(browser, 1366);
    await page.goto(running.url);
    await login(page, 'admin@demo.finconsole', 'demo1234');
    await page.locator('main table').first().waitFor();
    const session = (await apiGet<{ companies: { id: string; name: string }[] }>(page, '/api/session')).body;
    sulId = session.companies.find((c) => c.name === 'Demonstração Sul Ltda.')!.id;

    await openRemessa(page, 'q=E2E-');
    await expect.poll(() => statuses(page)).toEqual(['not_sent', 'not_sent', 'not_sent', 'not_sent']);
    expect(page.url()).toContain('q=E2E-');
    const totalText = (await page.locator('tfoot [data-col="total-amount"]').textContent())!.replace(
      /\s/g,
      ' ',
    );
    expect(totalText).toBe('R$ 2.840,10');
    await page.screenshot({ path: join(shots, 'remessa-1366-lista.png'), fullPage: true });

    // Comunicação em lote: carteira EFI, only our títulos, review the count, start.
    await page.getByRole('button', { name: 'Comunicação em lote' }).click();
    const panel = page.getByRole('dialog', { name: 'Comunicação em lote' });
    await panel.getByLabel('Carteira (portador)').selectOption({ label: 'Efí — carteira de cobrança' });
    await panel.getByLabel('Busca').fill('E2E-');
    await panel.getByRole('button', { name: 'Revisar' }).click();
    await expect
      .poll(() => panel.getByTestId('bulk-preview').textContent())
      .toContain('4 títulos serão comunicados');
    await panel.getByRole('button', { name: 'Iniciar' }).click();
    const progress = panel.getByTestId('bulk-progress');
    await expect.poll(() => progress.getAttribute('data-finished'), { timeout: 90_000 }).toBe('true');
    expect(await panel.getByTestId('bulk-successes').textContent()).toBe('2');
    expect(await panel.getByTestId('bulk-failed').textContent()).toBe('2');
    const failures = panel.locator('tr[data-failure]');
    expect(await failures.locator('[data-col="identifier"]').allTextContents()).toEqual([
      'E2E-3/1',
      'E2E-4/1',
    ]);
    for (const message of await failures.locator('[data-col="message"]').allTextContents())
      expect(message).toContain('telefone');
    await page.screenshot({ path: join(shots, 'remessa-1366-lote-falhas.png'), fullPage: true });

    // The progress comes from the server: a reload shows the same lote.
    expect(page.url()).toMatch(/lote=[0-9a-f-]{36}/);
    await page.reload();
    await expect.poll(() => page.getByTestId('bulk-successes').textContent()).toBe('2');
    expect(await page.getByTestId('bulk-failed').textContent()).toBe('2');

    // The operator fixes the customer (here, the ERP sends the phone) and resends the failures.
    expect(await customer('E2E-SEMFONE', '+55 51 96666-2222')).toBe(200);
    await page.getByRole('button', { name: 'Reenviar falhas' }).click();
    await expect.poll(() => page.getByTestId('bulk-successes').textContent(), { timeout: 90_000 }).toBe('4');
    expect(await page.getByTestId('bulk-failed').textContent()).toBe('0');
    expect(await page.getByTestId('bulk-progress').getAttribute('data-finished')).toBe('true');
    await page.getByRole('button', { name: 'Fechar' }).click();
    await expect.poll(() => statuses(page)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect((await emulatorCharges()).sort()).toEqual(AMOUNTS);
    await page.screenshot({ path: join(shots, 'remessa-1366-enviados.png'), fullPage: true });

    // A due date the Efí cannot take (today) is refused with its reason; the Histórico tells the whole story.
    await page.locator('main tbody tr[data-number="E2E-3"] [data-col="titulo"] button').click();
    const detail = page.getByRole('dialog', { name: 'Título E2E-3/1' });
    await detail.getByRole('button', { name: 'Alterar vencimento' }).click();
    const dueDialog = page.getByRole('dialog', { name: 'Alterar vencimento' });
    const [y, m, d] = saoPauloDate(0).split('-');
    await dueDialog.getByLabel('Novo vencimento').fill(`${d}/${m}/${y}`);
    await dueDialog.getByRole('button', { name: 'Alterar vencimento' }).click();
    await expect
      .poll(() => dueDialog.locator('[data-refused]').textContent())
      .toContain('só aceita nova data de vencimento posterior a hoje');
    await page.screenshot({ path: join(shots, 'remessa-1366-vencimento-recusado.png') });
    await dueDialog.getByRole('button', { name: 'Cancelar' }).click();
    const history = detail.getByRole('region', { name: 'Histórico da remessa' });
    const historyText = await history.textContent();
    expect(historyText).toContain('Falha');
    expect(historyText).toContain('Motivo da plataforma');
    expect(historyText).toContain('telefone');
    expect(historyText).toContain('Enviado (registrado na plataforma)');
    expect(historyText).toContain('Administração Demo');
    expect(historyText).toContain('Rotina automática');
    await page.screenshot({ path: join(shots, 'remessa-1366-historico.png'), fullPage: true });
    await detail.getByRole('button', { name: 'Fechar' }).click();

    // Logs: the calls to the Efí, the refusals among them, the secrets masked.
    await page.evaluate((id) => (window.location.hash = `#/logs?companyId=${id}&platform=efi`), sulId);
    await page.locator('main table[aria-busy="false"]').first().waitFor();
    const operations = await page
      .locator('main tbody tr[data-id]')
      .evaluateAll((rows) =>
        rows.map((row) => `${row.getAttribute('data-operation')}:${row.getAttribute('data-outcome')}`),
      );
    expect(operations).toContain('registrar boleto:ok');
    expect(operations).toContain('registrar boleto:error');
    expect(operations).toContain('authorize:ok');
    await page.getByLabel('Status').selectOption({ label: 'Erro' });
    await expect
      .poll(() =>
        page
          .locator('main tbody tr[data-id]')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome'))),
      )
      .not.toContain('ok');
    expect(page.url()).toContain('outcome=error');
    await page
      .locator('main tbody tr[data-operation="registrar boleto"] [data-col="at"] button')
      .first()
      .click();
    const logPanel = page.getByRole('dialog');
    expect(await logPanel.getByTestId('log-response').textContent()).toContain('telefone');
    await page.screenshot({ path: join(shots, 'logs-1366-erro.png'), fullPage: true });
    await logPanel.getByRole('button', { name: 'Fechar' }).click();

    await page.getByLabel('Status').selectOption({ label: 'Todos' });
    await page.getByLabel('Busca').fill('authorize');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await expect.poll(() => page.url()).toContain('q=authorize');
    await page.locator('main tbody tr[data-operation="authorize"] [data-col="at"] button').first().click();
    const authorize = page.getByRole('dialog');
    expect(await authorize.getByTestId('log-response').textContent()).toContain('"access_token": "***"');
    await authorize.getByRole('button', { name: 'Fechar' }).click();
    const everything = await apiGet<{ items: unknown[] }>(page, `/api/logs?companyId=${sulId}&pageSize=200`);
    const logged = JSON.stringify(everything.body.items);
    expect(logged).not.toContain(EFI_EMULATOR_DEMO_ACCOUNT.clientSecret);
    expect(logged).not.toMatch(/"access_token":"(?!\*\*\*)/);
    await page.context().close();

    // The phone layout: nothing scrolls sideways.
    const phone = await newPage(browser, 390, 844);
    await phone.goto(running.url);
    await login(phone, 'admin@demo.finconsole', 'demo1234');
    await phone.locator('main table').first().waitFor();
    await openRemessa(phone, 'q=E2E-');
    await expect.poll(() => statuses(phone)).toEqual(['sent', 'sent', 'sent', 'sent']);
    const overflow = () =>
      phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    await phone.screenshot({ path: join(shots, 'remessa-390-lista.png'), fullPage: true });
    await phone.evaluate((id) => (window.location.hash = `#/logs?companyId=${id}`), sulId);
    await phone.locator('main table[aria-busy="false"]').first().waitFor();
    expect(await overflow()).toBe(0);
    await phone.screenshot({ path: join(shots, 'logs-390-lista.png'), fullPage: true });
    await phone.context().close();
  }, 300_000);
});
