/**
 * The título panel's boleto and due-date rule in a real browser, at 1366 px and 390 px: nosso número and linha
 * digitável as the API computes them, the "2ª via" downloaded as a PDF, and a new due date before today refused
 * with a pt-BR message in dd/mm/aaaa. Screenshots go to test-output/e2e/ (kept as CI artifacts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateBR, todayInSaoPaulo } from '../../src/domain/dates.js';
import {
  apiGet,
  fetchAll,
  hasChromium,
  login,
  newPage,
  shots,
  startServerAndBrowser,
  type ListItem,
  type Server,
} from './browser.js';

interface Boleto {
  available: boolean;
  nossoNumero: string | null;
  line: string | null;
  pdfUrl: string | null;
}

describe.skipIf(!hasChromium)('boleto e vencimento no painel do título (Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let sulId = '';
  let candidates: ListItem[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openAsOperator(width: number): Promise<Page> {
    const page = await newPage(browser, width, 844);
    await page.goto(server.url);
    await login(page, 'operador.sul@demo.finconsole', 'demo1234');
    await page.locator('main table[aria-busy="false"]').first().waitFor();
    if (!sulId) {
      sulId = (await apiGet<{ homeCompanyId: string }>(page, '/api/session')).body.homeCompanyId;
      const open = await fetchAll(page, { companyId: sulId, status: 'open' });
      candidates = (open as (ListItem & { portadorName: string | null })[]).filter((item) =>
        item.portadorName?.startsWith('Banco do Brasil'),
      );
      expect(candidates.length).toBeGreaterThan(1);
    }
    return page;
  }

  async function openPanel(page: Page, id: string): Promise<Boleto> {
    await page.goto(`${server.url}/#/titulos?companyId=${sulId}&titulo=${id}`);
    await page.getByRole('dialog').getByTestId('linha-digitavel').waitFor();
    const detail = await apiGet<{ boleto: Boleto }>(page, `/api/receivables/${id}`);
    expect(detail.body.boleto).toMatchObject({
      available: true,
      pdfUrl: `/api/receivables/${id}/boleto.pdf`,
    });
    return detail.body.boleto;
  }

  async function downloadSecondCopy(page: Page, file: string): Promise<void> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Baixar 2ª via (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^boleto-.+\.pdf$/);
    const path = join(shots, file);
    await download.saveAs(path);
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }

  it('1366 px: nosso número, linha digitável, 2ª via em PDF e vencimento anterior a hoje recusado', async () => {
    const page = await openAsOperator(1366);
    const item = candidates[0]!;
    const boleto = await openPanel(page, item.id);
    const panel = page.getByRole('dialog');
    expect(await panel.getByTestId('nosso-numero').textContent()).toBe(boleto.nossoNumero);
    expect(await panel.getByTestId('linha-digitavel').textContent()).toBe(boleto.line);
    expect(boleto.line).toMatch(/^001\d\d\.\d{5} \d{5}\.\d{6} \d{5}\.\d{6} \d \d{14}$/);
    await page.screenshot({ path: join(shots, 'titulo-boleto-1366.png') });
    await downloadSecondCopy(page, 'titulo-2via-1366.pdf');

    const today = todayInSaoPaulo();
    const yesterday = addDays(today, -1);
    await panel.getByLabel('Novo vencimento').fill(formatDateBR(yesterday));
    await panel.getByRole('button', { name: 'Salvar alterações' }).click();
    const alert = panel.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toContain(
        `o novo vencimento ${formatDateBR(yesterday)} é anterior a hoje (${formatDateBR(today)}); escolha hoje ou uma data futura`,
      );
    expect(await alert.textContent()).toContain('Vencimento anterior a hoje.');
    expect(await panel.getByText('Alterações salvas.').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'titulo-vencimento-passado-1366.png') });
    const after = await apiGet<{ receivable: ListItem }>(page, `/api/receivables/${item.id}`);
    expect(after.body.receivable.dueDate).toBe(item.dueDate);
    await page.context().close();
  }, 120_000);

  it('390 px: o boleto cabe na tela e a 2ª via baixa', async () => {
    const page = await openAsOperator(390);
    const boleto = await openPanel(page, candidates[1]!.id);
    expect(await page.getByRole('dialog').getByTestId('linha-digitavel').textContent()).toBe(boleto.line);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(shots, 'titulo-boleto-390.png'), fullPage: true });
    await downloadSecondCopy(page, 'titulo-2via-390.pdf');
    await page.context().close();
  }, 120_000);
});
