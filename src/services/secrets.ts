/**
 * Platform secrets encrypted at rest with AES-256-GCM. The key comes from FINCONSOLE_SECRET_KEY (64 hex digits or
 * 44 base64 characters), or from a key file created on first use (default `<data dir>/secret.key`, mode 0600).
 * An envelope is `v1:<iv>:<tag>:<ciphertext>` in base64: the version lets `keys rotate` re-encrypt later.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromKey(key: Buffer): SecretBox {
    if (key.length !== 32) throw new Error('a chave de segredos deve ter 32 bytes (AES-256)');
    return new SecretBox(key);
  }

  /** The environment's key, else the key file (created with a fresh random key when absent). */
  static load(options: { envKey?: string | undefined; keyFile: string }): SecretBox {
    if (options.envKey) return SecretBox.fromKey(parseKey(options.envKey, 'FINCONSOLE_SECRET_KEY'));
    if (!existsSync(options.keyFile)) {
      mkdirSync(dirname(options.keyFile), { recursive: true });
      writeFileSync(options.keyFile, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
      chmodSync(options.keyFile, 0o600);
    }
    return SecretBox.fromKey(parseKey(readFileSync(options.keyFile, 'utf8').trim(), options.keyFile));
  }

  seal(value: Record<string, string>): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64')))
      .join(':');
  }

  open(envelope: string): Record<string, string> {
    const [version, iv, tag, data] = envelope.split(':');
    if (version !== 'v1' || !iv || !tag || !data) throw new Error('segredo gravado em formato desconhecido');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString(
      'utf8',
    );
    return JSON.parse(text) as Record<string, string>;
  }
}

function parseKey(text: string, source: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${source}: a chave deve ter 64 dígitos hexadecimais (32 bytes)`);
  return key;
}

/**
 * Replaces the values of secret keys anywhere in a JSON-like value (for logs and the communication log), and any
 * known secret value wherever it appears in a string (a platform echoing a credential under another name).
 */
export function maskSecrets(
  value: unknown,
  secretKeys: readonly string[],
  secretValues: readonly string[] = [],
): unknown {
  if (typeof value === 'string')
    return secretValues.reduce((text, secret) => text.split(secret).join('***'), value);
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item, secretKeys, secretValues));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        secretKeys.includes(key) ? '***' : maskSecrets(item, secretKeys, secretValues),
      ]),
    );
  return value;
}
