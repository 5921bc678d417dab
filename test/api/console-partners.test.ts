/**
 * What the Parceiros/Bancos and Retorno screens read, over real HTTP on a real store: the portadores of the
 * user's companies only (bank code and PIX key presence for the editor), the options each platform declares, and the
 * Retorno list scoped to the user's companies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortador } from '../../src/store/banking.js';
import { json, startHarness, type Harness } from './harness.js';

let h: Harness;
let carteiraSul: string;

beforeAll(async () => {
  h = await startHarness();
  carteiraSul = (
    await createPortador(h.store.db, { companyId: h.companies.sul, erpKey: 'EFI', name: 'Efí — carteira' })
  ).id;
});
afterAll(() => h.close());

interface PortadorOption {
  id: string;
  companyId: string;
  bankCode: string | null;
  hasPixKey: boolean;
}

describe('GET /api/integrations/portadores', () => {
  it('lists only the portadores of the companies the user reaches, with their bank (null for a carteira)', async () => {
    const operator = await h.login(h.emails.operator);
    const sul = json<{ items: PortadorOption[] }>(
      await h.asUser(operator, '/api/integrations/portadores'),
    ).items;
    expect(sul.map((p) => p.id).sort()).toEqual([h.portadores.sul, carteiraSul].sort());
    expect(sul.find((p) => p.id === h.portadores.sul)).toMatchObject({ bankCode: '341', hasPixKey: false });
    expect(sul.find((p) => p.id === carteiraSul)).toMatchObject({ bankCode: null, hasPixKey: false });

    const admin = await h.login(h.emails.admin);
    const all = json<{ items: PortadorOption[] }>(
      await h.asUser(admin, '/api/integrations/portadores'),
    ).items;
    expect(new Set(all.map((p) => p.companyId))).toEqual(new Set([h.companies.sul, h.companies.norte]));

    expect((await h.asUser('', '/api/integrations/portadores')).statusCode).toBe(401);
  });
});

describe('GET /api/platforms', () => {
  it("declares each platform's options, marking the secret ones and the required ones", async () => {
    const admin = await h.login(h.emails.admin);
    const { items } = json<{
      items: { platform: string; optionFields: { name: string; secret: boolean; required: boolean }[] }[];
    }>(await h.asUser(admin, '/api/platforms'));
    const efi = items.find((p) => p.platform === 'efi')!;
    // Efí's OAuth2 client credentials (POST /v1/authorize with Basic client_id:client_secret).
    expect(efi.optionFields).toEqual([
      { name: 'clientId', secret: false, required: true },
      { name: 'clientSecret', secret: true, required: true },
    ]);
  });
});

describe('GET /api/retornos', () => {
  it('answers an empty page with zero totals, and 403 for a company out of reach', async () => {
    const operator = await h.login(h.emails.operator);
    const page = json(await h.asUser(operator, `/api/retornos?companyId=${h.companies.sul}`));
    expect(page).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 25,
      totals: {
        paidCents: 0,
        discountCents: 0,
        interestCents: 0,
        otherCostsCents: 0,
        collectionCostCents: 0,
        feeCents: 0,
      },
    });
    expect((await h.asUser(operator, `/api/retornos?companyId=${h.companies.norte}`)).statusCode).toBe(403);
    const refused = await h.asUser(operator, `/api/retornos?companyId=${h.companies.sul}&situation=pago`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('situação deve ser not_processed, processed ou failed');
  });
});
