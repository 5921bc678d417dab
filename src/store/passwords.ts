import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt at OWASP's current recommendation (N=2^17, r=8, p=1: 128 MiB, ~0.5 s on one core) and a 16-byte random
 * salt per password. The parameters are stored with each hash, so raising them later re-hashes each password at its
 * owner's next login (see needsRehash). FINCONSOLE_SCRYPT_LOG2N lowers N for test suites only (they create and log
 * in users by the hundred); production leaves it unset.
 */
export function currentPasswordParams(): { N: number; r: number; p: number } {
  const log2n = Number(process.env.FINCONSOLE_SCRYPT_LOG2N ?? 17);
  return { N: 2 ** (Number.isInteger(log2n) && log2n >= 14 && log2n <= 20 ? log2n : 17), r: 8, p: 1 };
}
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, params: ScryptOptions, keyLength: number): Promise<Buffer> {
  const { N = 0, r = 0 } = params;
  return new Promise((resolvePromise, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      keyLength,
      { ...params, maxmem: 2 * 128 * N * r },
      (error, key) => (error ? reject(error) : resolvePromise(key)),
    ),
  );
}

/** "scrypt$N$r$p$<salt b64>$<hash b64>" */
export async function hashPassword(password: string): Promise<string> {
  const params = currentPasswordParams();
  const salt = randomBytes(16);
  const key = await derive(password, salt, params, KEY_LENGTH);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(stored: string) {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, saltText, hashText] = parts as [string, string, string, string, string, string];
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isSafeInteger(v) && v > 0)) return null;
  return { params, salt: Buffer.from(saltText, 'base64'), expected: Buffer.from(hashText, 'base64') };
}

/** Constant-time comparison of a password with a stored hash; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.expected.length === 0) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.expected.length);
  return timingSafeEqual(key, parsed.expected);
}

/** Whether a stored hash was made with weaker parameters than the current ones (re-hash it at the next login). */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  const current = currentPasswordParams();
  return (
    !parsed ||
    parsed.params.N < current.N ||
    parsed.params.r < current.r ||
    parsed.params.p < current.p ||
    parsed.expected.length < KEY_LENGTH
  );
}
