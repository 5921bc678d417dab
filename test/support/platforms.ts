/** What platform calls need in tests: a throwaway secrets key and the URL the app under test answers at. */
import { randomBytes } from 'node:crypto';
import type { PlatformDeps } from '../../src/services/platform-gateway.js';
import { SecretBox } from '../../src/services/secrets.js';

export function testPlatformDeps(publicUrl = 'http://127.0.0.1:9'): PlatformDeps {
  return { secrets: SecretBox.fromKey(randomBytes(32)), publicUrl };
}
