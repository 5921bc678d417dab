/** `finconsole keys rotate`: every stored platform secret re-encrypted under a new key, all or nothing. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIntegrations } from '../../src/services/demo/integrations.js';
import { rotateSecrets } from '../../src/services/key-rotation.js';
import { SecretBox } from '../../src/services/secrets.js';
import { integrations } from '../../src/store/schema.js';
import { seedDemo } from '../../src/services/demo/seed.js';
import { openTestStore, type TestStore } from '../support/database.js';

let t: TestStore;
const oldBox = SecretBox.fromKey(randomBytes(32));
beforeAll(async () => {
  t = await openTestStore();
  const seed = await seedDemo(t.store);
  const [sul, norte] = seed.companies.filter((company) => company.kind === 'child');
  await seedDemoIntegrations(
    { store: t.store, secrets: oldBox },
    {
      companyId: sul!.id,
      creditCompanyId: norte!.id,
      referenceDate: '2026-01-01',
      efiCredentials: { clientId: 'efi-id', clientSecret: 'efi-segredo' },
      supplierCredentials: { clientId: 'sup-id', clientSecret: 'sup-segredo' },
    },
  );
});
afterAll(async () => {
  await t.close();
});

const sealed = async () =>
  (await t.store.db.select({ id: integrations.id, secrets: integrations.secrets }).from(integrations))
    .filter((row) => row.secrets !== null)
    .sort((a, b) => a.id.localeCompare(b.id));

describe('rotateSecrets', () => {
  it('re-encrypts every secret under the new key: the new key opens them, the old one no longer does', async () => {
    const before = await sealed();
    expect(before.length).toBeGreaterThanOrEqual(2);
    const plain = before.map((row) => oldBox.open(row.secrets!));
    expect(plain.map((p) => p['clientSecret']).sort()).toEqual(['efi-segredo', 'sup-segredo']);

    const newBox = SecretBox.fromKey(randomBytes(32));
    expect(await rotateSecrets(t.store, oldBox, newBox)).toBe(before.length);
    const after = await sealed();
    expect(after.map((row) => newBox.open(row.secrets!))).toEqual(plain);
    for (const row of after) expect(() => oldBox.open(row.secrets!)).toThrow();

    // A key that opens nothing stops the rotation before any change.
    const wrong = SecretBox.fromKey(randomBytes(32));
    await expect(rotateSecrets(t.store, wrong, oldBox)).rejects.toThrow(/não abre.*nada foi alterado/);
    expect(await sealed()).toEqual(after);
  });
});
