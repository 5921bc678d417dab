/**
 * The Retorno tab in Chromium (1366 px and 390 px) over retorno records stored through the store as the webhook
 * path stores them: every record listed, the totals row equal to the sums of what was stored (formatted by ICU),
 * the Situação filter, and the phone layout.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRetorno, type RetornoInput } from '../../src/store/retornos.js';
import { retornos } from '../../src/store/schema.js';
import { eq } from 'drizzle-orm';
import { apiGet, hasChromium, login, newPage, shots, startServerAndBrowser, type Server } from './browser.js';

const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const reais = (cents: number) => brl.format(cents / 100).replace(/\u00a0/g, ' ');
const shown = async (page: Page, selector: string) =>
  ((await page.locator(selector).textContent()) ?? '').replace(/\u00a0/g, ' ');

describe.skipIf(!hasChromium)('Retorno no navegador', () => {
  let server: Server;
  let browser: Browser;
  let sulId: string;
  const stored: RetornoInput[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    const page = await newPage(browser, 1366);
    await page.goto(server.url);
    await login(page, 'admin@demo.finconsole', 'demo1234');
    await page.locator('main table').first().waitFor();
    const session = (await apiGet<{ companies: { id: string; name: string }[] }>(page, '/api/session')).body;
    sulId = session.companies.find((c) => c.name === 'Demonstração Sul Ltda.')!.id;
    const [efi] = (
      await apiGet<{ items: { id: string; companyId: string }[] }>(page, '/api/integrations?platform=efi')
    ).body.items;
    const receivable = (
      await apiGet<{ items: { id: string }[] }>(page, `/api/receivables?companyId=${sulId}&pageSize=1`)
    ).body.items[0]!;
    await page.context().close();
    const base = { companyId: sulId, integrationId: efi!.id, platform: 'efi', source: 'webhook' };
    stored.push(
      {
        ...base,
        eventId: '1',
        receivableId: receivable.id,
        chargeId: '9001',
        nossoNumero: '00000009001',
        occurrenceCode: 'paid',
        occurrenceDescription: 'Pago',
        occurredAt: new Date('2026-11-20T13:00:00Z'),
        paidOn: '2026-11-20',
        creditedOn: '2026-11-21',
        paidCents: 123_456,
        interestCents: 1_050,
        feeCents: 199,
      },
      {
        ...base,
        eventId: '2',
        chargeId: '9002',
        occurrenceCode: 'waiting',
        occurrenceDescription: 'Aguardando',
        occurredAt: new Date('2026-11-21T13:00:00Z'),
      },
      {
        ...base,
        eventId: '3',
        chargeId: '9003',
        occurrenceCode: 'paid',
        occurrenceDescription: 'Pago',
        occurredAt: new Date('2026-11-22T13:00:00Z'),
        paidOn: '2026-11-22',
        paidCents: 5_000,
        discountCents: 250,
        feeCents: 199,
        collectionCostCents: 330,
      },
    );
    await server.store.transaction(async (tx) => {
      for (const input of stored) await insertRetorno(tx, input, 'teste');
    });
    // The third one failed processing, as processing records it.
    await server.store.db
      .update(retornos)
      .set({ situation: 'failed', note: 'comando de retorno não cadastrado' })
      .where(eq(retornos.eventId, '3'));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lista, totaliza e filtra por situação (1366 px), e cabe no celular (390 px)', async () => {
    const page = await newPage(browser, 1366);
    await page.goto(server.url);
    await login(page, 'admin@demo.finconsole', 'demo1234');
    await page.locator('main table').first().waitFor();
    await page.evaluate((id) => (window.location.hash = `#/retorno?companyId=${id}`), sulId);
    await expect.poll(() => page.locator('main tbody tr[data-id]').count()).toBe(3);
    const sum = (key: 'paidCents' | 'feeCents' | 'interestCents' | 'discountCents' | 'collectionCostCents') =>
      stored.reduce((total, input) => total + (input[key] ?? 0), 0);
    expect(await shown(page, 'tfoot [data-col="total-paid"]')).toBe(reais(sum('paidCents')));
    expect(await shown(page, 'tfoot [data-col="total-fee"]')).toBe(reais(sum('feeCents')));
    expect(await shown(page, 'tfoot [data-col="total-interest"]')).toBe(reais(sum('interestCents')));
    expect(await shown(page, 'tfoot [data-col="total-discount"]')).toBe(reais(sum('discountCents')));
    expect(await shown(page, 'tfoot [data-col="total-collection-cost"]')).toBe(
      reais(sum('collectionCostCents')),
    );
    // Newest event first by default.
    expect(await page.locator('main tbody tr[data-id] [data-col="paid-on"]').first().textContent()).toBe(
      '22/11/2026',
    );
    await page.screenshot({ path: join(shots, 'retorno-1366-lista.png'), fullPage: true });

    await page.getByLabel('Situação').selectOption({ label: 'Falha' });
    await expect.poll(() => page.locator('main tbody tr[data-id]').count()).toBe(1);
    expect(await page.locator('main tbody tr[data-id] [data-col="note"]').textContent()).toBe(
      'comando de retorno não cadastrado',
    );
    expect(await shown(page, 'tfoot [data-col="total-paid"]')).toBe(reais(5_000));
    expect(page.url()).toContain('situation=failed');
    await page.screenshot({ path: join(shots, 'retorno-1366-falhas.png'), fullPage: true });
    await page.context().close();

    const phone = await newPage(browser, 390, 844);
    await phone.goto(server.url);
    await login(phone, 'admin@demo.finconsole', 'demo1234');
    await phone.locator('main table').first().waitFor();
    await phone.evaluate((id) => (window.location.hash = `#/retorno?companyId=${id}`), sulId);
    await expect.poll(() => phone.locator('main tbody tr[data-id]').count()).toBe(3);
    expect(
      await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBe(0);
    await phone.screenshot({ path: join(shots, 'retorno-390-lista.png'), fullPage: true });
    await phone.context().close();
  });

  it('Processar os selecionados, Histórico com o motivo da falha e o editor de comandos de retorno', async () => {
    const page = await newPage(browser, 1366);
    await page.goto(server.url);
    await login(page, 'admin@demo.finconsole', 'demo1234');
    await page.locator('main table').first().waitFor();
    await page.evaluate((id) => (window.location.hash = `#/retorno?companyId=${id}`), sulId);
    await expect.poll(() => page.locator('main tbody tr[data-id]').count()).toBe(3);
    const waiting = page.locator('main tbody tr[data-id]', { hasText: 'waiting' });
    await waiting.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Processar' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'processado(s)' }).textContent())
      .toContain('0 processado(s), 1 em falha');
    await expect.poll(() => waiting.getAttribute('data-situation')).toBe('failed');
    expect(await waiting.locator('[data-col="note"]').textContent()).toBe(
      'título não encontrado para a cobrança 9002',
    );
    await page.screenshot({ path: join(shots, 'retorno-1366-processar.png'), fullPage: true });

    await waiting.getByRole('button', { name: /Histórico do retorno/ }).click();
    const panel = page.getByRole('dialog', { name: 'Histórico do retorno' });
    const trail = panel.getByRole('list', { name: 'Histórico deste retorno' });
    await expect.poll(() => trail.locator('li').count()).toBe(2);
    expect(await trail.locator('li').nth(1).textContent()).toContain(
      'título não encontrado para a cobrança 9002',
    );
    expect(await panel.textContent()).toContain('Título não encontrado para esta cobrança.');
    await page.screenshot({ path: join(shots, 'retorno-1366-historico.png'), fullPage: true });
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Comandos de retorno' }).click();
    const commands = page.getByRole('dialog', { name: 'Comandos de retorno' });
    const unpaid = commands.locator('tr[data-code="unpaid"]');
    await unpaid.waitFor();
    expect(await commands.locator('tr[data-code="refunded"]').textContent()).toContain('Estornar pagamento');
    await unpaid.getByRole('button', { name: 'Editar' }).click();
    await commands.getByLabel('Ação').selectOption({ label: 'Baixar sem pagamento' });
    await commands.getByLabel(/Histórico — Tarifa/).fill('TAR-7');
    await commands.getByRole('button', { name: 'Salvar comando' }).click();
    await expect.poll(() => unpaid.textContent()).toContain('Baixar sem pagamento');
    expect(await unpaid.textContent()).toContain('Tarifa: TAR-7');
    expect(await unpaid.locator('td').first().textContent()).toBe('unpaid *');
    await page.screenshot({ path: join(shots, 'retorno-1366-comandos.png'), fullPage: true });
    const table = await apiGet<{
      items: { code: string; action: string; historyCodes: Record<string, string> }[];
    }>(page, '/api/return-commands?scope=efi');
    expect(table.body.items.find((c) => c.code === 'unpaid')).toMatchObject({
      action: 'write_off',
      historyCodes: { fee: 'TAR-7' },
    });
    await page.context().close();
  }, 180_000);
});
