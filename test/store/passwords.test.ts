/** Password hashing: OWASP scrypt parameters stored with each hash, re-hash at login, one salt per password. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../src/services/auth.js';
import {
  currentPasswordParams,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../../src/store/passwords.js';
import { seedDemo } from '../../src/services/demo/seed.js';
import { findUserByEmail, setPasswordHash } from '../../src/store/users.js';
import { users } from '../../src/store/schema.js';
import { openTestStore, type TestStore } from '../support/database.js';

/** Runs fn with FINCONSOLE_SCRYPT_LOG2N set to `value` (unset when undefined), restoring it after. */
async function withCost<T>(value: string | undefined, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.FINCONSOLE_SCRYPT_LOG2N;
  if (value === undefined) delete process.env.FINCONSOLE_SCRYPT_LOG2N;
  else process.env.FINCONSOLE_SCRYPT_LOG2N = value;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.FINCONSOLE_SCRYPT_LOG2N;
    else process.env.FINCONSOLE_SCRYPT_LOG2N = saved;
  }
}

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
});
afterAll(async () => {
  await t.close();
});

describe('password hashes', () => {
  it('production parameters are N=2^17, r=8, p=1, stored in the hash with a random salt', async () => {
    const hash = await withCost(undefined, async () => {
      expect(currentPasswordParams()).toEqual({ N: 2 ** 17, r: 8, p: 1 });
      return hashPassword('segredo forte');
    });
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(await verifyPassword('segredo forte', hash)).toBe(true);
    expect(await verifyPassword('segredo fraco', hash)).toBe(false);
    expect(await withCost(undefined, async () => needsRehash(hash))).toBe(false);
  });

  it('a hash under weaker parameters needs a re-hash; a malformed one never verifies', async () => {
    const weak = await withCost('14', () => hashPassword('x'));
    expect(weak.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await withCost('15', async () => needsRehash(weak))).toBe(true);
    expect(await withCost('14', async () => needsRehash(weak))).toBe(false);
    expect(await verifyPassword('x', 'scrypt$0$8$1$AAAA$BBBB')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  });

  it('login re-hashes a weaker stored hash under the current parameters and the password keeps working', async () => {
    await seedDemo(t.store);
    const email = 'admin@demo.finconsole';
    const user = (await findUserByEmail(t.store.db, email))!;
    await setPasswordHash(t.store.db, user.id, await withCost('14', () => hashPassword('senha-antiga-1')));
    await withCost('15', () => login(t.store, email, 'senha-antiga-1'));
    const after = (await findUserByEmail(t.store.db, email))!.passwordHash;
    expect(after.startsWith('scrypt$32768$8$1$')).toBe(true);
    await withCost('15', () => login(t.store, email, 'senha-antiga-1'));
    expect((await findUserByEmail(t.store.db, email))!.passwordHash).toBe(after);
  });

  it('the demo seed gives each user its own salt and hash', async () => {
    const rows = await t.store.db.select({ hash: users.passwordHash }).from(users);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const salts = rows.map((row) => row.hash.split('$')[4]);
    expect(new Set(salts).size).toBe(rows.length);
    expect(new Set(rows.map((row) => row.hash)).size).toBe(rows.length);
  });
});
