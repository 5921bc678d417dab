/**
 * The console in a real browser: Debian's Chromium driven by playwright-core against a full finconsole
 * (in-memory PGlite, demo seed). Screenshots go to test-output/e2e/. Without /usr/bin/chromium the suite is
 * skipped with a message; a browser is never downloaded.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInSaoPaulo } from '../../src/domain/dates.js';
import {
  apiGet,
  brDateToIso,
  fetchAll,
  hasChromium,
  isoToBr,
  login,
  newPage,
  reloadList,
  shots,
  startServerAndBrowser,
  type ListItem as Item,
  type Server,
} from './browser.js';

interface Company {
  id: string;
  name: string;
  kind: 'consolidated' | 'child';
}
interface ListBody {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

/** Money as ICU's pt-BR (CLDR) writes it, its no-break space after R$ as a plain one: "R$ 1.234,56". */
const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const reais = (cents: number) => brl.format(cents / 100).replace(/\u00a0/g, ' ');

/** A count as the console prints it (pt-BR thousands separator). */
const count = (value: number) => value.toLocaleString('pt-BR');

/** The list's count text ("1–25 de 203") ends with this total. */
async function expectTotal(page: Page, total: number): Promise<void> {
  expect((await page.getByTestId('results-count').textContent())?.trim()).toMatch(
    new RegExp(`(^| )de ${count(total).replace('.', '\\.')}$`),
  );
}

const rows = (page: Page) => page.locator('table tbody tr[data-id]');

describe.skipIf(!hasChromium)('console no navegador (Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let outsideSul: string[] = []; // company ids the Sul operator must not reach (learnt as admin)

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    page = await newPage(browser, 1366);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('admin: login, Títulos, empresa Sul, filtros, ordenação, paginação e URL', async () => {
    await page.goto(server.url);

    // Wrong password: a clear pt-BR error, still on the login screen.
    await login(page, 'admin@demo.finconsole', 'senha-errada');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('E-mail ou senha inválidos.');
    await page.screenshot({ path: join(shots, '01-login-erro.png') });

    await reloadList(page, () => login(page, 'admin@demo.finconsole', 'demo1234'));
    expect(await rows(page).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('columnheader', { name: 'Empresa' }).count()).toBe(1);

    const session = await apiGet<{ companies: Company[]; homeCompanyId: string }>(page, '/api/session');
    const group = session.body.companies.find((c) => c.kind === 'consolidated');
    const sul = session.body.companies.find((c) => c.name === 'Demonstração Sul Ltda.');
    expect(group?.id).toBe(session.body.homeCompanyId);
    expect(sul).toBeDefined();
    if (!group || !sul) return;
    outsideSul = session.body.companies.filter((c) => c.id !== sul.id).map((c) => c.id);
    expect(outsideSul.length).toBe(2);

    const switcher = page.getByLabel('Empresa', { exact: true });
    expect(await switcher.isDisabled()).toBe(false);
    expect(await switcher.locator('option').allTextContents()).toContain(`${group.name} (todas as empresas)`);
    const groupTotal = (await apiGet<ListBody>(page, `/api/receivables?companyId=${group.id}`)).body.total;
    await expectTotal(page, groupTotal);
    await page.screenshot({ path: join(shots, '02-titulos-grupo.png') });

    // Company switch: the list reloads for Sul only, the Empresa column goes away.
    await reloadList(page, () => switcher.selectOption({ label: 'Demonstração Sul Ltda.' }));
    await expect.poll(() => page.getByRole('columnheader', { name: 'Empresa' }).count()).toBe(0);
    expect(new URL(page.url()).hash).toContain(`companyId=${sul.id}`);

    // Oracle for the filters: every Sul título, fetched whole and filtered here, not by the server.
    const allSul = await fetchAll(page, { companyId: sul.id });
    expect(allSul.length).toBeGreaterThan(0);
    expect(allSul.every((item) => item.companyId === sul.id)).toBe(true);
    const paidDue = allSul
      .filter((item) => item.status === 'paid')
      .map((item) => item.dueDate)
      .sort();
    expect(paidDue.length).toBeGreaterThan(0);
    const dueFrom = paidDue[Math.floor(paidDue.length / 4)] ?? '';
    const dueTo = paidDue[Math.floor((paidDue.length * 3) / 4)] ?? '';
    const expected = allSul.filter((i) => i.status === 'paid' && i.dueDate >= dueFrom && i.dueDate <= dueTo);
    expect(expected.length).toBeGreaterThan(0);

    await reloadList(page, () => page.getByLabel('Pago').check());
    await reloadList(page, () => page.getByLabel('Vencimento de').fill(isoToBr(dueFrom)));
    await reloadList(page, () => page.getByLabel('Vencimento até').fill(isoToBr(dueTo)));

    const checkFilteredRows = async () => {
      const ids = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id') ?? ''));
      const statuses = await rows(page).locator('[data-col="status"]').allTextContents();
      const dues = await rows(page).locator('[data-col="due"]').allTextContents();
      expect(ids.length).toBe(Math.min(expected.length, 25));
      expect(statuses.every((s) => s === 'Pago')).toBe(true);
      for (const due of dues) {
        const iso = brDateToIso(due);
        expect(iso >= dueFrom && iso <= dueTo, `vencimento ${due} fora de ${dueFrom}..${dueTo}`).toBe(true);
      }
      const expectedIds = new Set(expected.map((i) => i.id));
      expect(ids.every((id) => expectedIds.has(id))).toBe(true); // so every row is a Sul título too
    };
    await checkFilteredRows();

    // The count text agrees with the API's total for the same filter, asked through the page's session.
    const query = new URLSearchParams({ companyId: sul.id, status: 'paid', dueFrom, dueTo });
    const apiTotal = (await apiGet<ListBody>(page, `/api/receivables?${query.toString()}`)).body.total;
    expect(apiTotal).toBe(expected.length);
    await expectTotal(page, apiTotal);
    await page.screenshot({ path: join(shots, '03-sul-pago-vencimento.png'), fullPage: true });

    // A reload keeps tab, company and filters (they live in the URL).
    await reloadList(page, () => page.reload());
    expect(await page.getByLabel('Pago').isChecked()).toBe(true);
    expect(await page.getByLabel('Vencimento de').inputValue()).toBe(isoToBr(dueFrom));
    expect(await switcher.inputValue()).toBe(sul.id);
    await checkFilteredRows();

    // Sorting by Valor (server-side, over all pages): ascending, then descending.
    // Each row's Valor must be printed exactly as pt-BR writes its API amount (R$ 1.234,56, never R$ 1,234.56).
    const amountById = new Map(allSul.map((item) => [item.id, item.amountCents]));
    const amounts = async () => {
      const ids = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id') ?? ''));
      const printed = await rows(page).locator('[data-col="amount"]').allTextContents();
      const cents = ids.map((id) => amountById.get(id) ?? Number.NaN);
      expect(printed.map((text) => text.trim())).toEqual(cents.map(reais));
      return cents;
    };
    const valorHeader = page.getByRole('columnheader', { name: /^Valor/ }).first();
    await reloadList(page, () => page.getByRole('button', { name: 'Valor', exact: true }).click());
    expect(await valorHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await amounts();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(ascending[0]).toBe(Math.min(...expected.map((i) => i.amountCents)));
    await reloadList(page, () => page.getByRole('button', { name: 'Valor', exact: true }).click());
    expect(await valorHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = await amounts();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending[0]).toBe(Math.max(...expected.map((i) => i.amountCents)));
    await page.screenshot({ path: join(shots, '04-sul-ordenado-valor.png'), fullPage: true });

    // Título side panel: the row's título with its movements (the creation one at least) and history.
    const firstRef = (await rows(page).first().locator('.col-ref button').textContent()) ?? '';
    const firstId = (await rows(page).first().getAttribute('data-id')) ?? '';
    await rows(page).first().locator('.col-ref button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Título ${firstRef}` }).waitFor();
    await dialog.getByRole('heading', { name: 'Movimentos' }).waitFor();
    expect(await dialog.locator('tbody tr').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Inclusão')]),
    );
    expect(await dialog.locator('.history').textContent()).toContain('Incluído');
    const valor = dialog.locator('dt', { hasText: /^Valor$/ }).locator('xpath=following-sibling::dd[1]');
    expect((await valor.textContent())?.trim()).toBe(reais(amountById.get(firstId) ?? Number.NaN));
    expect(new URL(page.url()).hash).toContain('titulo=');
    await page.screenshot({ path: join(shots, '05-titulo-detalhe.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await reloadList(page, () => page.getByRole('button', { name: 'Limpar filtros' }).first().click());
    await expectTotal(page, allSul.length);
    if (allSul.length > 25) {
      await reloadList(page, () => page.getByRole('button', { name: /Próxima/ }).click());
      expect((await page.getByTestId('results-count').textContent())?.trim()).toBe(
        `26–${Math.min(50, allSul.length)} de ${count(allSul.length)}`,
      );
    }

    await page.getByRole('link', { name: 'Logs' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Logs');
    await page.screenshot({ path: join(shots, '06-logs.png') });

    await page.getByRole('button', { name: 'Sair' }).click();
    await page.getByLabel('E-mail').waitFor();
    expect((await apiGet(page, '/api/session')).status).toBe(401);
  }, 180_000);

  it('operador da Sul vê só a Sul', async () => {
    await page.context().clearCookies(); // independent of how the previous test ended
    await page.goto(server.url);
    await reloadList(page, () => login(page, 'operador.sul@demo.finconsole', 'demo1234'));
    const switcher = page.getByLabel('Empresa', { exact: true });
    expect(await switcher.isDisabled()).toBe(true);
    expect(await switcher.locator('option').allTextContents()).toEqual(['Demonstração Sul Ltda.']);

    const session = await apiGet<{ companies: Company[]; homeCompanyId: string }>(page, '/api/session');
    expect(session.body.companies.map((c) => c.name)).toEqual(['Demonstração Sul Ltda.']);
    const sulId = session.body.homeCompanyId;
    const mine = await fetchAll(page, { companyId: sulId });
    expect(mine.every((i) => i.companyId === sulId)).toBe(true);
    await expectTotal(page, mine.length);
    for (const companyId of outsideSul) {
      expect((await apiGet(page, `/api/receivables?companyId=${companyId}`)).status).toBe(403);
    }
    await page.screenshot({ path: join(shots, '07-operador-sul.png') });

    // Cliente filter: every row is that customer's, and the count is the API's for that customerId.
    // (A combobox that searches the server as you type: the first customer it offers, by name.)
    const customerBox = page.getByRole('combobox', { name: 'Cliente' });
    await customerBox.click();
    const option = page.getByRole('option').first();
    await option.waitFor();
    const customerName = (await option.locator('[slot="label"]').textContent()) ?? '';
    await reloadList(page, () => option.click());
    const customerId = new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('customerId') ?? '';
    expect(customerId).not.toBe('');
    const names = await rows(page).locator('.customer-name').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name === customerName)).toBe(true);
    const ofCustomer = mine.filter((i) => i.customerId === customerId);
    await expectTotal(page, ofCustomer.length);

    // "Vencidos" quick filter: every row is flagged overdue and the total is the overdue count of the oracle.
    await reloadList(page, () => page.getByRole('button', { name: 'Limpar filtros' }).first().click());
    await reloadList(page, () => page.getByRole('button', { name: 'Vencidos' }).click());
    expect(await page.getByRole('button', { name: 'Vencidos' }).getAttribute('aria-pressed')).toBe('true');
    const overdueCount = mine.filter((i) => i.overdue).length;
    expect(overdueCount).toBeGreaterThan(0);
    await expectTotal(page, overdueCount);
    const dueCells = await rows(page).locator('[data-col="due"]').allTextContents();
    expect(dueCells.every((text) => text.toLowerCase().includes('vencido'))).toBe(true);
    await reloadList(page, () => page.getByRole('button', { name: 'Vencidos' }).click());

    await reloadList(page, () => page.getByLabel('Busca').fill('nada-casa-com-isto-0000'));
    expect(await rows(page).count()).toBe(0);
    expect(await page.locator('tbody').textContent()).toContain(
      'Nenhum título encontrado com estes filtros.',
    );

    // An operator changes the vencimento of an open título in its panel; history and list show it.
    await reloadList(page, () => page.getByRole('button', { name: 'Limpar filtros' }).first().click());
    await reloadList(page, () => page.getByLabel('Em aberto').check());
    const openRow = rows(page).first();
    const openId = (await openRow.getAttribute('data-id')) ?? '';
    const oldDue = brDateToIso((await openRow.locator('[data-col="due"]').textContent()) ?? '');
    // A new due date may not be before today (an open título is often overdue already).
    const today = todayInSaoPaulo();
    const newDue = addDays(oldDue > today ? oldDue : today, 7);
    await openRow.locator('.col-ref button').click();
    const panel = page.getByRole('dialog');
    await panel.getByLabel('Novo vencimento').waitFor();
    await panel.getByLabel('Novo vencimento').fill(isoToBr(newDue));
    await reloadList(page, () => panel.getByRole('button', { name: 'Salvar alterações' }).click());
    await panel.getByRole('status').filter({ hasText: 'Alterações salvas.' }).waitFor();
    await expect
      .poll(() => panel.locator('.history').textContent())
      .toContain(`Vencimento: ${isoToBr(oldDue)} → ${isoToBr(newDue)}`);
    await page.screenshot({ path: join(shots, '08-operador-altera-vencimento.png') });
    await page.keyboard.press('Escape');
    const changed = (
      await apiGet<{ receivable: Item }>(page, `/api/receivables/${openId}?companyId=${sulId}`)
    ).body;
    expect(changed.receivable.dueDate).toBe(newDue);
    const shownDue = await page.locator(`tr[data-id="${openId}"] [data-col="due"]`).textContent();
    if (shownDue !== null) expect(brDateToIso(shownDue)).toBe(newDue); // the row may have moved to another page

    await page.route('**/api/receivables?**', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal', message: 'Falha simulada no servidor.' } }),
      }),
    );
    await reloadList(page, () => page.getByRole('button', { name: 'Limpar filtros' }).first().click());
    expect(await page.locator('tbody [role="alert"]').textContent()).toContain('Falha simulada no servidor.');
    await page.screenshot({ path: join(shots, '09-erro-ao-carregar.png') });
    await page.unroute('**/api/receivables?**');
    await reloadList(page, () => page.getByRole('button', { name: 'Tentar de novo' }).click());
    await expectTotal(page, mine.length);
  }, 120_000);

  it('leitura da Norte consulta sem poder alterar', async () => {
    await page.context().clearCookies();
    await page.goto(server.url);
    await reloadList(page, () => login(page, 'leitura.norte@demo.finconsole', 'demo1234'));
    const switcher = page.getByLabel('Empresa', { exact: true });
    expect(await switcher.isDisabled()).toBe(true);
    expect(await switcher.locator('option').allTextContents()).toEqual(['Demonstração Norte Ltda.']);
    await reloadList(page, () => page.getByLabel('Em aberto').check()); // a título an operator could change
    expect(await rows(page).count()).toBeGreaterThan(0);
    await rows(page).first().locator('.col-ref button').click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('heading', { name: 'Movimentos' }).waitFor();
    expect(await panel.getByRole('button', { name: 'Salvar alterações' }).count()).toBe(0);
    await page.screenshot({ path: join(shots, '10-leitura-norte.png') });
  }, 120_000);
});
