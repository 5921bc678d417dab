/**
 * Readiness (`/readyz`): whether this process can do its work now — the database answers, the job queue answers,
 * and the database carries every migration this code knows. Liveness (`/healthz`) only asks the database.
 */
import { appliedMigrationCount, journalMigrationCount, type Store } from '../store/connection.js';

export interface ReadinessCheck {
  ok: boolean;
  message?: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: ReadinessCheck; queue: ReadinessCheck; migrations: ReadinessCheck };
}

async function probe(run: () => Promise<string | undefined>): Promise<ReadinessCheck> {
  try {
    const problem = await run();
    return problem ? { ok: false, message: problem } : { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export async function checkReadiness(store: Store, queue: { check(): Promise<void> }): Promise<Readiness> {
  const database = await probe(async () => {
    await store.sql.executeSql('select 1', []);
    return undefined;
  });
  const queueCheck = await probe(async () => {
    await queue.check();
    return undefined;
  });
  const migrations = database.ok
    ? await probe(async () => {
        const applied = await appliedMigrationCount(store);
        const known = journalMigrationCount();
        return applied === known
          ? undefined
          : `${applied} de ${known} migrações aplicadas: rode finconsole migrate (ou reinicie o serve)`;
      })
    : { ok: false, message: 'banco de dados indisponível' };
  return {
    ready: database.ok && queueCheck.ok && migrations.ok,
    checks: { database, queue: queueCheck, migrations },
  };
}
