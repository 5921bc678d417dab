/**
 * The `Idempotency-Key` header of the ERP API. A key belongs to one company. The first request with a key runs and
 * its response (status + body) is stored in the same transaction as its effects; a later request with the same key
 * and the same operation + body gets the stored response replayed (`replayed: true`); the same key with a different
 * operation or body is refused with 422 `idempotency_conflict`. Failed requests (4xx/5xx) are not stored, so a
 * client may fix the body and retry with the same key.
 */
import type { Store, Tx } from '../store/connection.js';
import { getIdempotencyKey, putIdempotencyKey, type IdempotencyKeyRow } from '../store/idempotency.js';
import { ServiceError, validationError } from './errors.js';

export interface StoredResponse<T> {
  status: number;
  body: T;
}

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The stored answer of an earlier request with this key, or 422 `idempotency_conflict` when it was another one. */
function replayOf<T>(
  row: IdempotencyKeyRow,
  key: string,
  requestHash: string,
): StoredResponse<T> & { replayed: true } {
  if (row.requestHash !== requestHash)
    throw new ServiceError(
      422,
      'idempotency_conflict',
      `A chave Idempotency-Key "${key}" já foi usada com outra requisição (outro corpo ou outra rota). ` +
        'Use uma chave nova para cada operação diferente.',
      [{ path: 'Idempotency-Key', message: 'chave já usada com outro corpo de requisição' }],
    );
  return { status: row.responseStatus, body: row.responseBody as T, replayed: true };
}

export async function runIdempotent<T>(
  store: Store,
  args: { companyId: string; key: string | undefined; requestHash: string },
  run: (tx: Tx) => Promise<StoredResponse<T>>,
): Promise<StoredResponse<T> & { replayed: boolean }> {
  const { companyId, key, requestHash } = args;
  if (key === undefined) return { ...(await store.transaction(run)), replayed: false };
  if (!IDEMPOTENCY_KEY_PATTERN.test(key))
    throw validationError(
      [{ path: 'Idempotency-Key', message: 'de 1 a 255 caracteres ASCII visíveis, sem espaços' }],
      'Idempotency-Key deve ter de 1 a 255 caracteres ASCII visíveis.',
    );

  const previous = await getIdempotencyKey(store.db, companyId, key);
  if (previous) return replayOf(previous, key, requestHash);
  return store.transaction(async (tx) => {
    const response = await run(tx);
    const { row, stored } = await putIdempotencyKey(tx, {
      companyId,
      key,
      requestHash,
      responseStatus: response.status,
      responseBody: response.body,
    });
    if (stored) return { ...response, replayed: false };
    // A concurrent request with the same key committed first: answer exactly as it did.
    return replayOf<T>(row, key, requestHash);
  });
}
