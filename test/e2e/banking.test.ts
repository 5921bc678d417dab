/**
 * "Contas e portadores" in a real browser: Debian's Chromium driven by playwright-core against a full finconsole
 * (in-memory PGlite, demo seed). An admin creates a bank account through the form (a wrong conta DV shows the
 * server's message under the field, then the right one saves), a carteira portador and a bank portador, and edits
 * one; a viewer sees the lists without the write buttons. Screenshots go to test-output/e2e/ (1366 px and 390 px).
 * Itaú 2545 / 02366-1 is a vector from independent validators (see test/domain/banking/account.test.ts).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiGet,
  hasChromium,
  login as loginWith,
  newPage,
  shots,
  startServerAndBrowser,
  type Server,
} from './browser.js';

async function login(page: Page, email: string): Promise<void> {
  await loginWith(page, email, 'demo1234');
  await page.getByRole('button', { name: 'Sair' }).waitFor();
}

const section = (page: Page, title: string) => page.getByRole('region', { name: title });
const rowOf = (page: Page, title: string, key: string) =>
  section(page, title)
    .locator('tbody tr')
    .filter({ has: page.getByRole('cell', { name: key, exact: true }) });

describe.skipIf(!hasChromium)('Contas e portadores no navegador (Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let sulId = '';

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    page = await newPage(browser, 1366);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('admin creates a bank account (DV error shown on the field, then saved) and two portadores', async () => {
    await page.goto(server.url);
    await login(page, 'admin@demo.finconsole');
    const session = (await apiGet<{ companies: { id: string; name: string }[] }>(page, '/api/session')).body;
    sulId = session.companies.find((c) => c.name === 'Demonstração Sul Ltda.')!.id;
    await page.goto(`${server.url}/#/contas?companyId=${sulId}`);

    // The seed's Banco do Brasil account, with its digits.
    const bb = rowOf(page, 'Contas bancárias', 'BB-1234');
    await expect
      .poll(() => bb.locator('td').allTextContents())
      .toEqual(
        expect.arrayContaining([
          '001-Banco do Brasil',
          '1234-3',
          '00056789-2',
          'e-mail: financeiro.sul@demo.finconsole',
        ]),
      );

    await page.getByRole('button', { name: 'Nova conta' }).click();
    const form = page.getByRole('form', { name: 'Conta bancária' });
    await form.getByLabel('Código (chave ERP)').fill('ITAU-2545');
    await form.getByLabel('Nome').fill('Itaú cobrança');
    await form.getByLabel('Banco (código)').fill('341');
    await form.getByLabel('Agência').fill('2545');
    await form.getByLabel('Conta', { exact: true }).fill('02366');
    await form.locator('#ba-account-dv').fill('7');
    await form.getByLabel('Tipo da chave PIX').selectOption({ label: 'CNPJ' });
    await form.getByLabel('Chave PIX', { exact: true }).fill('12.ABC.345/01DE-35');
    await form.getByRole('button', { name: 'Criar conta' }).click();
    const dvError = form.locator('#ba-account-dv-error');
    await expect
      .poll(() => dvError.textContent())
      .toBe(
        'dígito da conta não confere: para a agência 2545 e a conta 02366 do Itaú Unibanco o dígito é 1 (recebido 7)',
      );
    expect(await form.locator('#ba-account-dv').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByRole('alert').textContent()).toBe(
      'Não foi salvo: confira os campos marcados em vermelho.',
    );
    await page.screenshot({ path: join(shots, 'contas-01-erro-digito.png') });

    await form.locator('#ba-account-dv').fill('1');
    await form.getByRole('button', { name: 'Criar conta' }).click();
    await form.waitFor({ state: 'detached' });
    const itau = rowOf(page, 'Contas bancárias', 'ITAU-2545');
    await expect
      .poll(() => itau.locator('td').allTextContents())
      .toEqual(expect.arrayContaining(['341-Itaú Unibanco', '2545', '02366-1', 'CNPJ: 12ABC34501DE35']));
    const stored = await apiGet<{ items: { accountDigit: string; companyId: string }[] }>(
      page,
      `/api/bank-accounts?companyId=${sulId}&q=ITAU-2545`,
    );
    expect(stored.body.items).toEqual([expect.objectContaining({ accountDigit: '1', companyId: sulId })]);

    // A carteira portador (no bank account: 0-Carteira) and a bank portador on the new account.
    await page.getByRole('button', { name: 'Novo portador' }).click();
    let portador = page.getByRole('form', { name: 'Portador' });
    await portador.getByLabel('Código (chave ERP)').fill('EFI-SUL');
    await portador.getByLabel('Nome').fill('Efí — boleto híbrido');
    await portador.getByLabel('Convênio').fill('efi-sul');
    await portador.getByRole('button', { name: 'Criar portador' }).click();
    await portador.waitFor({ state: 'detached' });
    await expect
      .poll(() => rowOf(page, 'Portadores', 'EFI-SUL').locator('td').allTextContents())
      .toEqual(expect.arrayContaining(['0-Carteira', 'sem conta (carteira)', 'efi-sul']));

    await page.getByRole('button', { name: 'Novo portador' }).click();
    portador = page.getByRole('form', { name: 'Portador' });
    await portador.getByLabel('Código (chave ERP)').fill('ITAU-2545-109');
    await portador.getByLabel('Nome').fill('Itaú carteira 109');
    await portador.getByLabel('Conta bancária').selectOption({ value: 'ITAU-2545' });
    await portador.getByLabel('Carteira').fill('109');
    await portador.getByRole('button', { name: 'Criar portador' }).click();
    await portador.waitFor({ state: 'detached' });
    const itauPortador = rowOf(page, 'Portadores', 'ITAU-2545-109');
    await expect
      .poll(() => itauPortador.locator('td').allTextContents())
      .toEqual(expect.arrayContaining(['341-Itaú Unibanco', 'ITAU-2545', '109']));

    // Edit: rename it.
    await itauPortador.getByRole('button', { name: 'Editar' }).click();
    portador = page.getByRole('form', { name: 'Portador' });
    expect(await portador.getByLabel('Código (chave ERP)').isDisabled()).toBe(true);
    await portador.getByLabel('Nome').fill('Itaú — carteira 109');
    await portador.getByRole('button', { name: 'Salvar alterações' }).click();
    await portador.waitFor({ state: 'detached' });
    await expect.poll(() => itauPortador.locator('td').allTextContents()).toContain('Itaú — carteira 109');
    await page.screenshot({ path: join(shots, 'contas-02-listas-1366.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    // On a phone the page never scrolls sideways: the tables scroll inside their own frame.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(shots, 'contas-03-listas-390.png'), fullPage: true });
  }, 120_000);

  it('a viewer sees the lists of its company without the write buttons', async () => {
    const viewer = await newPage(browser, 1366);
    await viewer.goto(server.url);
    await login(viewer, 'leitura.norte@demo.finconsole');
    await viewer.goto(`${server.url}/#/contas`);
    await expect
      .poll(() => rowOf(viewer, 'Portadores', 'CARTEIRA').locator('td').allTextContents())
      .toEqual(expect.arrayContaining(['Carteira própria', '0-Carteira']));
    expect(await viewer.getByRole('button', { name: 'Nova conta' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Editar' }).count()).toBe(0);
    expect(await rowOf(viewer, 'Contas bancárias', 'BB-1234').count()).toBe(0);
    await viewer.context().close();
  }, 60_000);
});
