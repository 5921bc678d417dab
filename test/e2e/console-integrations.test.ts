/**
 * Parceiros/Bancos in Chromium: an integration created through the editor at 1366 px (one active Efí per company,
 * the secret never shown again, webhook URL regenerated, Testar conexão against the in-process Efí emulator, the
 * PIX-key refusal of Boleto Híbrido) and another through the setup wizard at 390 px, with its activation log.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EFI_EMULATOR_DEMO_ACCOUNT } from '../../src/platforms/efi/emulator/app.js';
import { createPortador } from '../../src/store/banking.js';
import { apiGet, hasChromium, login, newPage, shots, startServerAndBrowser, type Server } from './browser.js';

interface Session {
  companies: { id: string; name: string }[];
}
interface IntegrationItem {
  id: string;
  companyId: string;
  portadorErpKey: string;
  chargeType: string;
  active: boolean;
  secretsConfigured: string[];
  webhookUrl: string;
}

const WRONG_SECRET = 'segredo-que-a-efi-recusa';

async function openParceiros(page: Page, companyId: string, platform: string): Promise<void> {
  await page.evaluate(
    ([id, code]) => {
      window.location.hash = `#/parceiros?companyId=${id}&platform=${code}`;
    },
    [companyId, platform],
  );
  await page.locator('main table[aria-busy="false"]').first().waitFor();
}

async function integrationsOf(page: Page, platform: string, companyId: string): Promise<IntegrationItem[]> {
  const { body } = await apiGet<{ items: IntegrationItem[] }>(page, `/api/integrations?platform=${platform}`);
  return body.items.filter((item) => item.companyId === companyId);
}

describe.skipIf(!hasChromium)('Parceiros/Bancos no navegador', () => {
  let server: Server;
  let browser: Browser;
  let companies: Record<'sul' | 'norte', string>;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    const page = await newPage(browser, 1366);
    await page.goto(server.url);
    await login(page, 'admin@demo.finconsole', 'demo1234');
    await page.locator('main table').first().waitFor();
    const session = (await apiGet<Session>(page, '/api/session')).body;
    const byName = (name: string) => session.companies.find((c) => c.name === name)!.id;
    companies = { sul: byName('Demonstração Sul Ltda.'), norte: byName('Demonstração Norte Ltda.') };
    await page.context().close();
    // A second carteira portador in Sul, which already has the demo's active Efí account.
    await createPortador(server.store.db, {
      companyId: companies.sul,
      erpKey: 'EFI-2',
      name: 'Efí — segunda conta',
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('cria pelo editor (1366 px): uma Efí ativa por empresa, segredo nunca mostrado, webhook e Testar conexão', async () => {
    const page = await newPage(browser, 1366);
    await page.goto(server.url);
    await login(page, 'admin@demo.finconsole', 'demo1234');
    await page.locator('main table').first().waitFor();
    await openParceiros(page, companies.sul, 'efi');
    await expect.poll(() => page.locator('main tbody tr[data-id]').count()).toBe(1); // the demo's account

    await page.getByRole('button', { name: 'Novo', exact: true }).click();
    const editor = page.getByRole('dialog');
    await editor.getByLabel('Portador').selectOption({ label: 'Efí — segunda conta (EFI-2)' });
    await editor.getByLabel('Endereço personalizado (opcional)').fill('/emulators/efi');
    await editor.getByLabel('Client ID').fill(EFI_EMULATOR_DEMO_ACCOUNT.clientId);
    await editor.getByLabel('Client Secret').fill(EFI_EMULATOR_DEMO_ACCOUNT.clientSecret);
    await editor.getByLabel('Tipo de cobrança').selectOption({ label: 'Boleto Híbrido' });
    await editor.getByLabel('Tarifa por pagamento (R$)').fill('2,50');
    await editor.getByRole('button', { name: 'Salvar' }).click();
    await expect
      .poll(() => editor.locator('.form-error').textContent())
      .toContain('Esta empresa já tem uma conta Efí ativa: inative-a antes de ativar outra.');
    await expect
      .poll(() => editor.locator('.field-problem').allTextContents())
      .toContain('só uma integração Efí ativa por empresa');
    await page.screenshot({ path: join(shots, 'parceiros-1366-uma-efi-ativa.png'), fullPage: true });
    expect(await integrationsOf(page, 'efi', companies.sul)).toHaveLength(1);

    // Saved inactive: the secret is stored, shown only as "configurado", in no page or API text.
    await editor.getByLabel('Integração ativa').uncheck();
    await editor.getByRole('button', { name: 'Salvar' }).click();
    await editor.getByText('Integração salva.').waitFor();
    await editor.getByTestId('int-secret-clientSecret-configured').waitFor();
    expect(await page.content()).not.toContain(EFI_EMULATOR_DEMO_ACCOUNT.clientSecret);
    const created = (await integrationsOf(page, 'efi', companies.sul)).find(
      (i) => i.portadorErpKey === 'EFI-2',
    )!;
    expect(created).toMatchObject({
      chargeType: 'hybrid',
      active: false,
      secretsConfigured: ['clientSecret'],
    });
    const listed = await apiGet<unknown>(page, '/api/integrations?platform=efi');
    expect(JSON.stringify(listed.body)).not.toContain(EFI_EMULATOR_DEMO_ACCOUNT.clientSecret);

    // Webhook URL: shown as the API has it; a new one replaces it.
    expect(await editor.getByTestId('webhook-url').textContent()).toBe(created.webhookUrl);
    await editor.getByRole('button', { name: 'Gerar nova URL' }).click();
    await editor.getByText('Nova URL gerada').waitFor();
    const regenerated = (await integrationsOf(page, 'efi', companies.sul)).find((i) => i.id === created.id)!;
    expect(regenerated.webhookUrl).not.toBe(created.webhookUrl);
    expect(await editor.getByTestId('webhook-url').textContent()).toBe(regenerated.webhookUrl);

    // Testar conexão authenticates at the emulator; a replaced wrong secret is refused there.
    await editor.getByRole('button', { name: 'Testar conexão' }).click();
    await expect
      .poll(() => editor.getByTestId('connection-answer').textContent())
      .toMatch(/^Conexão bem-sucedida: /);
    await page.screenshot({ path: join(shots, 'parceiros-1366-editor-salvo.png'), fullPage: true });
    await editor.getByRole('button', { name: 'Substituir' }).click();
    await editor.getByLabel('Client Secret').fill(WRONG_SECRET);
    await editor.getByRole('button', { name: 'Salvar' }).click();
    await editor.getByTestId('int-secret-clientSecret-configured').waitFor();
    await editor.getByRole('button', { name: 'Testar conexão' }).click();
    await expect
      .poll(() => editor.getByTestId('connection-answer').textContent())
      .toMatch(/^Falha na conexão: /);
    expect(await page.content()).not.toContain(WRONG_SECRET);
    await editor.getByRole('button', { name: 'Fechar' }).click();

    const row = page.locator(`main tbody tr[data-id="${created.id}"]`);
    expect(await row.locator('[data-col="portador"]').textContent()).toBe('Efí — segunda conta (EFI-2)');
    expect(await row.locator('[data-col="charge-type"]').textContent()).toBe('Boleto Híbrido');
    expect(await row.locator('[data-col="status"]').textContent()).toBe('Inativa');
    await page.screenshot({ path: join(shots, 'parceiros-1366-lista.png'), fullPage: true });
    await page.context().close();
  });

  it('recusa Boleto Híbrido sem chave PIX na conta do portador, nomeando a tela da conta', async () => {
    const page = await newPage(browser, 1366);
    await page.goto(server.url);
    await login(page, 'admin@demo.finconsole', 'demo1234');
    await page.locator('main table').first().waitFor();
    await openParceiros(page, companies.sul, 'supplier');
    await page.getByRole('button', { name: 'Novo', exact: true }).click();
    const editor = page.getByRole('dialog');
    await editor.getByLabel('Portador').selectOption({ label: 'Bradesco — carteira 09 (BRADESCO-09)' });
    await editor.getByLabel('Client ID').fill('cliente-supplier');
    await editor.getByLabel('Client Secret').fill('segredo-supplier');
    await editor.getByLabel('Tipo de cobrança').selectOption({ label: 'Boleto Híbrido' });
    await editor.getByRole('button', { name: 'Salvar' }).click();
    const problem = editor.locator('#int-charge-type-error');
    await expect
      .poll(() => problem.textContent())
      .toBe(
        'Boleto Híbrido exige chave PIX na conta bancária do portador: cadastre-a em Contas e portadores',
      );
    await page.screenshot({ path: join(shots, 'parceiros-1366-hibrido-sem-pix.png'), fullPage: true });
    expect(await integrationsOf(page, 'supplier', companies.sul)).toHaveLength(0);
    await page.context().close();
  });

  it('cria pelo assistente (390 px): etapas, recusa que aponta a etapa, ativação com registro visível', async () => {
    const page = await newPage(browser, 390, 844);
    await page.goto(server.url);
    await login(page, 'admin@demo.finconsole', 'demo1234');
    await page.locator('main table').first().waitFor();
    await openParceiros(page, companies.norte, 'efi');
    expect(await integrationsOf(page, 'efi', companies.norte)).toHaveLength(0);

    await page.getByRole('button', { name: 'Assistente de configuração' }).click();
    const wizard = page.getByRole('dialog');
    await wizard.getByText('Este assistente configura a integração').waitFor();
    await page.screenshot({ path: join(shots, 'parceiros-390-assistente-boas-vindas.png'), fullPage: true });
    await wizard.getByRole('button', { name: 'Começar' }).click();
    await wizard.getByLabel('Endereço personalizado (opcional)').fill('/emulators/efi');
    await wizard.getByLabel('Client ID').fill(EFI_EMULATOR_DEMO_ACCOUNT.clientId);
    // Client Secret left empty: activation must refuse it and point back to Autenticação.
    await wizard.getByRole('button', { name: 'Próximo' }).click();
    await wizard.getByLabel('Portador').selectOption({ label: 'Carteira própria (CARTEIRA)' });
    await wizard.getByRole('button', { name: 'Próximo' }).click();
    await wizard.getByLabel('Registro em tempo real').check();
    await wizard.getByRole('button', { name: 'Próximo' }).click();
    await wizard.getByRole('button', { name: 'Validar e ativar' }).click();
    const refusal = wizard.locator('.form-error li');
    await expect
      .poll(() => refusal.first().textContent())
      .toContain('Autenticação: informe o Client Secret da aplicação Efí');
    await expect
      .poll(() => wizard.getByRole('list', { name: 'Registro da ativação' }).textContent())
      .toContain('Recusado');
    await page.screenshot({ path: join(shots, 'parceiros-390-assistente-recusa.png'), fullPage: true });
    expect(await integrationsOf(page, 'efi', companies.norte)).toHaveLength(0);

    await refusal.first().getByRole('button', { name: 'ir à etapa' }).click();
    await wizard.getByLabel('Client Secret').fill(EFI_EMULATOR_DEMO_ACCOUNT.clientSecret);
    for (let step = 0; step < 3; step++) await wizard.getByRole('button', { name: 'Próximo' }).click();
    await wizard.getByRole('button', { name: 'Validar e ativar' }).click();
    const log = wizard.getByRole('list', { name: 'Registro da ativação' });
    await expect.poll(() => log.textContent()).toContain('Concluído: integração ativa.');
    const [created] = await integrationsOf(page, 'efi', companies.norte);
    expect(created).toMatchObject({
      portadorErpKey: 'CARTEIRA',
      active: true,
      secretsConfigured: ['clientSecret'],
    });
    const lines = await log.locator('li').allTextContents();
    expect(lines).toContain('Conexão: Autenticado na Efí (homologação).');
    expect(lines).toContain(`Webhook a informar na plataforma: ${created!.webhookUrl}`);
    expect(await page.content()).not.toContain(EFI_EMULATOR_DEMO_ACCOUNT.clientSecret);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBe(0);
    await page.screenshot({ path: join(shots, 'parceiros-390-assistente-ativado.png'), fullPage: true });

    await wizard.getByRole('button', { name: 'Fechar assistente' }).click();
    await page.locator(`main tbody tr[data-id="${created!.id}"]`).waitFor();
    expect(
      await page.locator(`main tbody tr[data-id="${created!.id}"] [data-col="realtime"]`).textContent(),
    ).toBe('Sim');
    await page.screenshot({ path: join(shots, 'parceiros-390-lista.png'), fullPage: true });
    await page.context().close();
  });
});
