/**
 * `finconsole keys rotate`: every stored platform secret re-encrypted under a new key, in one transaction (all or
 * nothing; the rows stay locked meanwhile, so nobody writes a secret under the old key in between). A secret the
 * current key cannot open stops the rotation before anything changes.
 */
import type { Store } from '../store/connection.js';
import { lockSealedSecrets, setSealedSecrets } from '../store/integrations.js';
import type { SecretBox } from './secrets.js';

export async function rotateSecrets(store: Store, current: SecretBox, next: SecretBox): Promise<number> {
  return store.transaction(async (tx) => {
    const rows = await lockSealedSecrets(tx);
    const resealed = rows.map((row) => {
      try {
        return { id: row.id, secrets: next.seal(current.open(row.secrets)) };
      } catch {
        throw new Error(
          `a integração ${row.id} tem segredos que a chave atual não abre: confira FINCONSOLE_SECRET_KEY ou o arquivo da chave; nada foi alterado`,
        );
      }
    });
    for (const row of resealed) await setSealedSecrets(tx, row.id, row.secrets);
    return resealed.length;
  });
}
