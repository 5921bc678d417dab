/**
 * The console's list features in Chromium at 1366 px (desktop) and 390 px (phone): totals over the filtered
 * set, Pago em / Valor pago, the CSV export, the customer search, the impossible-date message, history and
 * edit messages for people, the Clientes and Tokens de API screens, and the phone layout.
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
  type ListItem,
  type Server,
} from './browser.js';

interface Session {
  user: { name: string };
  companies: { id: string; name: string; kind: string }[];
  homeCompanyId: string;
}

const rows = (page: Page) => page.locator('main table tbody tr[data-id]');
const sum = (items: ListItem[], key: 'amountCents' | 'openAmountCents') =>
  items.reduce((total, item) => total + item[key], 0);

/** RFC 4180 fields separated by ';' (what the export writes), one array per CRLF line. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  return records;
}

/** Money as ICU's pt-BR (CLDR) writes it, its no-break space after R$ as a plain one: "R$ 1.234,56". */
const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const reais = (cents: number) => brl.format(cents / 100).replace(/\u00a0/g, ' ');

/** The totals row as printed. */
async function totalsShown(page: Page): Promise<{ amount: string; open: string }> {
  return {
    amount: ((await page.locator('tfoot [data-col="total-amount"]').textContent()) ?? '').trim(),
    open: ((await page.locator('tfoot [data-col="total-open-amount"]').textContent()) ?? '').trim(),
  };
}

describe.skipIf(!hasChromium)('listas do console no navegador (1366 px e 390 px)', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('1366 px, administrador: totais, Pago em, CSV, cliente, data impossível, histórico, clientes e tokens', async () => {
    const page = await newPage(browser, 1366);
    await page.goto(server.url);
    await reloadList(page, () => login(page, 'admin@demo.finconsole', 'demo1234'));
    const session = (await apiGet<Session>(page, '/api/session')).body;
    const sul = session.companies.find((c) => c.name === 'Demonstração Sul Ltda.')!;
    await reloadList(page, () =>
      page.getByLabel('Empresa', { exact: true }).selectOption({ label: 'Demonstração Sul Ltda.' }),
    );

    // Menu: every screen of the seeds is built; none says "em breve".
    for (const name of ['Títulos', 'Remessa', 'Retorno', 'Logs', 'Crédito de Clientes', 'Conciliação'])
      expect(await page.getByRole('link', { name, exact: true }).textContent()).not.toContain('em breve');

    // Totals of the whole filtered set (all pages), against sums made here over every título of the filter.
    const allSul = await fetchAll(page, { companyId: sul.id });
    expect(allSul.length).toBeGreaterThan(25); // so the totals cover more than the page on screen
    expect(await totalsShown(page)).toEqual({
      amount: reais(sum(allSul, 'amountCents')),
      open: reais(sum(allSul, 'openAmountCents')),
    });
    await reloadList(page, () => page.getByLabel('Em aberto').check());
    const open = allSul.filter((i) => i.status === 'open');
    expect(await totalsShown(page)).toEqual({
      amount: reais(sum(open, 'amountCents')),
      open: reais(sum(open, 'openAmountCents')),
    });
    expect(await page.locator('tfoot').textContent()).toContain(`${open.length} título`);
    await reloadList(page, () => page.getByLabel('Em aberto').uncheck());

    // Pago em / Valor pago: a paid título shows its payment movement (date and amount) from the detail.
    await reloadList(page, () => page.getByLabel('Pago').check());
    const paidRow = rows(page).first();
    const paidId = (await paidRow.getAttribute('data-id')) ?? '';
    const detail = await apiGet<{ movements: { kind: string; amountCents: number; occurredOn: string }[] }>(
      page,
      `/api/receivables/${paidId}?companyId=${sul.id}`,
    );
    const payments = detail.body.movements.filter((m) => m.kind === 'payment');
    expect(payments.length).toBeGreaterThan(0);
    const paidCell = (await paidRow.locator('[data-col="paid"]').textContent()) ?? '';
    const lastPayment = payments
      .map((m) => m.occurredOn)
      .sort()
      .at(-1)!;
    expect(paidCell.startsWith(isoToBr(lastPayment))).toBe(true);
    expect(paidCell.slice(10).trim()).toBe(reais(payments.reduce((t, m) => t + m.amountCents, 0)));

    // CSV of the filtered list: UTF-8 with BOM, ';' separators, decimal comma, every título of the filter.
    const href = (await page.getByRole('link', { name: 'Exportar CSV' }).getAttribute('href')) ?? '';
    expect(href).toContain('status=paid');
    const csv = await page.evaluate(async (url) => {
      const response = await fetch(url);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        type: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
        head: [...bytes.slice(0, 3)],
        text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
      };
    }, href);
    expect(csv.type).toContain('text/csv');
    expect(csv.disposition).toContain('attachment');
    expect(csv.head).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = parseCsv(csv.text.slice(1));
    expect(header?.slice(0, 3)).toEqual(['Empresa', 'Cliente', 'CPF/CNPJ']);
    const col = (name: string) => header!.indexOf(name);
    const paid = allSul.filter((i) => i.status === 'paid');
    expect(lines.length).toBe(paid.length);
    const key = (number: string, installment: string | number, cents: string) =>
      `${number}/${installment}=${cents}`;
    const decimal = (cents: number) => `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    expect(lines.map((l) => key(l[col('Número')]!, l[col('Parcela')]!, l[col('Valor')]!)).sort()).toEqual(
      paid.map((i) => key(i.number, i.installment, decimal(i.amountCents))).sort(),
    );
    expect(
      lines.every((l) => l[col('Status')] === 'Pago' && /^\d{2}\/\d{2}\/\d{4}$/.test(l[col('Vencimento')]!)),
    ).toBe(true);
    await reloadList(page, () => page.getByRole('button', { name: 'Limpar filtros' }).first().click());

    // Cliente: typing part of a name asks the server; the choice filters the list.
    const target = allSul[allSul.length - 1]!;
    const customerBox = page.getByRole('combobox', { name: 'Cliente' });
    const searched = page.waitForResponse(
      (r) => r.url().includes('/api/customers?') && r.url().includes('q='),
    );
    await customerBox.fill(target.customerName.slice(0, 5));
    await searched;
    const option = page.getByRole('option', { name: new RegExp(`^${target.customerName}`) });
    await reloadList(page, () => option.click());
    expect(new URL(page.url()).hash).toContain(`customerId=${target.customerId}`);
    const ofCustomer = allSul.filter((i) => i.customerId === target.customerId);
    expect((await page.getByTestId('results-count').textContent())?.trim()).toMatch(
      new RegExp(` de ${ofCustomer.length}$`),
    );
    await page.screenshot({ path: join(shots, '20-1366-cliente-totais.png'), fullPage: true });

    // An impossible date in a filter says why.
    await page.getByLabel('Vencimento de').fill('31/02/2026');
    await expect
      .poll(() => page.locator('#f-due-from-problem').textContent())
      .toBe('31/02/2026 não existe: fevereiro de 2026 tem 28 dias.');
    await page.screenshot({ path: join(shots, '21-1366-data-impossivel.png') });
    await page.getByLabel('Vencimento de').fill('');
    await reloadList(page, () => page.getByRole('button', { name: 'Limpar filtros' }).first().click());

    // Edit panel: one message at a time, dates as dd/mm/aaaa; the history names the user and speaks pt-BR.
    await reloadList(page, () => page.getByLabel('Em aberto').check());
    const openRow = rows(page).first();
    const oldDue = brDateToIso((await openRow.locator('[data-col="due"]').textContent()) ?? '');
    const issue = brDateToIso((await openRow.locator('[data-col="issue"]').textContent()) ?? '');
    const newDue = addDays(oldDue > todayInSaoPaulo() ? oldDue : todayInSaoPaulo(), 10);
    await openRow.locator('.col-ref button').click();
    const panel = page.getByRole('dialog');
    await panel.getByLabel('Novo vencimento').fill(isoToBr(newDue));
    await reloadList(page, () => panel.getByRole('button', { name: 'Salvar alterações' }).click());
    await panel.getByText('Alterações salvas.').waitFor();
    const history = panel.locator('.history');
    await expect
      .poll(() => history.textContent())
      .toContain(`Vencimento: ${isoToBr(oldDue)} → ${isoToBr(newDue)}`);
    const historyText = (await history.textContent()) ?? '';
    expect(historyText).toContain(session.user.name);
    expect(historyText).not.toMatch(/job|jobId|change:|user:/);
    const before = addDays(issue, -1);
    await panel.getByLabel('Novo vencimento').fill(isoToBr(before));
    await panel.getByRole('button', { name: 'Salvar alterações' }).click();
    const error = panel.getByRole('alert');
    await error.waitFor();
    expect(await panel.getByText('Alterações salvas.').count()).toBe(0);
    const errorText = (await error.textContent()) ?? '';
    expect(errorText).toContain(isoToBr(before));
    expect(errorText).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.screenshot({ path: join(shots, '22-1366-historico-e-erro.png') });
    await page.keyboard.press('Escape');

    // Clientes: server search and a customer's títulos.
    await page.getByRole('link', { name: 'Clientes', exact: true }).click();
    await page.locator('main table[aria-busy="false"]').first().waitFor();
    const term = target.customerName.split(' ')[0]!;
    const customers = await apiGet<{ items: { id: string; name: string }[]; total: number }>(
      page,
      `/api/customers?companyId=${sul.id}&q=${encodeURIComponent(term)}`,
    );
    await reloadList(page, () => page.getByLabel('Busca').fill(term), '/api/customers?');
    await expect.poll(() => rows(page).count()).toBe(customers.body.total);
    await rows(page).filter({ hasText: target.customerName }).getByRole('button').click();
    const customerPanel = page.getByRole('dialog');
    await page.screenshot({ path: join(shots, '23-1366-cliente-detalhe.png') });
    await expect
      .poll(() => customerPanel.locator('#customer-receivables').textContent())
      .toBe(`Títulos (${ofCustomer.length})`);
    expect(await customerPanel.locator('tbody tr[data-id]').count()).toBe(Math.min(ofCustomer.length, 50));
    await page.screenshot({ path: join(shots, '23-1366-cliente-detalhe.png') });
    await page.keyboard.press('Escape');

    // Tokens de API: create (shown once), it works, last use appears, revoke, it stops working.
    await page.getByRole('link', { name: 'Tokens de API' }).click();
    await page.getByRole('button', { name: 'Novo token' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nome').fill('ERP teste e2e');
    await dialog.getByRole('button', { name: 'Criar token' }).click();
    const token = (await dialog.getByTestId('new-token').textContent()) ?? '';
    expect(token.length).toBeGreaterThan(20);
    await page.screenshot({ path: join(shots, '24-1366-token-criado.png') });
    await dialog.getByRole('button', { name: 'Concluir' }).click();
    expect(await page.getByText(token).count()).toBe(0); // never shown again
    const callWith = (bearer: string) =>
      page.evaluate(
        async (t) => (await fetch('/api/v1/customers', { headers: { authorization: `Bearer ${t}` } })).status,
        bearer,
      );
    expect(await callWith(token)).toBe(200);
    const row = page.locator('main tbody tr').filter({ hasText: 'ERP teste e2e' });
    await page.reload();
    await expect
      .poll(() => row.locator('[data-col="last-used"]').textContent())
      .toMatch(/^\d{2}\/\d{2}\/\d{4}/);
    await row.getByRole('button', { name: 'Revogar' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revogar' }).click();
    await expect.poll(() => row.locator('[data-col="state"]').textContent()).toContain('Revogado');
    expect(await callWith(token)).toBe(401);
    await page.screenshot({ path: join(shots, '25-1366-token-revogado.png') });
    await page.context().close();
  }, 240_000);

  it('390 px, operador: menu recolhível, sem rolagem lateral da página, tabelas rolam por dentro', async () => {
    const page = await newPage(browser, 390, 844);
    await page.goto(server.url);
    await reloadList(page, () => login(page, 'operador.sul@demo.finconsole', 'demo1234'));
    const pageOverflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await pageOverflow()).toBe(0);

    // The header spans the screen and holds "Sair"; the filters stay inside their card.
    const topbar = (await page.locator('.topbar').boundingBox())!;
    expect(topbar.width).toBe(390);
    const sair = (await page.getByRole('button', { name: 'Sair' }).boundingBox())!;
    expect(sair.y >= topbar.y && sair.y + sair.height <= topbar.y + topbar.height).toBe(true);
    const card = (await page.locator('form.filters').boundingBox())!;
    for (const input of await page.locator('form.filters input').all()) {
      const box = await input.boundingBox();
      if (box && box.width > 0) expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width + 0.5);
    }
    // The table is wider than the screen and scrolls inside its frame.
    const frame = await page
      .locator('main .table-wrap')
      .first()
      .evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(frame[0]).toBeGreaterThan(frame[1]!);
    await page.screenshot({ path: join(shots, '30-390-titulos.png'), fullPage: true });

    // The menu is folded behind a button, opens, and closes after choosing.
    const nav = page.getByRole('navigation', { name: 'Abas do console' });
    expect(await nav.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Remessa' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, '31-390-menu.png') });
    await nav.getByRole('link', { name: 'Clientes', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Clientes' }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    await page.locator('main table[aria-busy="false"]').first().waitFor();
    expect(await pageOverflow()).toBe(0);
    await page.screenshot({ path: join(shots, '32-390-clientes.png'), fullPage: true });

    // The título panel fits the phone.
    await menu.click();
    await reloadList(page, () => nav.getByRole('link', { name: 'Títulos' }).click());
    await rows(page).first().locator('.col-ref button').click();
    await page.getByRole('dialog').getByRole('heading', { name: 'Movimentos' }).waitFor();
    expect(await pageOverflow()).toBe(0);
    await page.screenshot({ path: join(shots, '33-390-titulo.png') });
    await page.context().close();
  }, 180_000);
});
