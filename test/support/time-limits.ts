/**
 * Vitest setup file (every test file): once a test of a file has run out of time, the file's later tests fail at
 * once instead of each waiting out its own limit. A timeout there usually means the embedded database is stuck —
 * e.g. a job enqueued outside its transaction waits on PGlite's single connection for that transaction, which
 * waits for the job — and every later query of the file would hang the same way.
 */
import { afterEach, beforeEach } from 'vitest';

let timedOut: string | undefined;

afterEach(({ task }) => {
  if (!timedOut && task.result?.errors?.some((error) => /timed out in \d+ms/.test(error.message ?? '')))
    timedOut = task.name;
});

beforeEach(() => {
  if (timedOut)
    throw new Error(
      `não executado: o teste "${timedOut}" deste arquivo estourou o tempo (banco de dados travado?)`,
    );
});
