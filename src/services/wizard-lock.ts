/**
 * "Acesso exclusivo" of the setup wizard: one run at a time per company. Opening the wizard takes the lock for
 * WIZARD_LOCK_MINUTES (the wizard renews it while open); another user meets a 409 naming who holds it and until
 * when. Closing releases it; an abandoned lock simply expires.
 */
import {
  getWizardLock,
  releaseWizardLock,
  takeWizardLock,
  type WizardLockRow,
} from '../store/wizard-locks.js';
import type { Store } from '../store/connection.js';
import { ServiceError } from './errors.js';
import { scopeFor, type UserPrincipal } from './scope.js';

export const WIZARD_LOCK_MINUTES = 15;

function view(lock: WizardLockRow) {
  return {
    companyId: lock.companyId,
    userId: lock.userId,
    userName: lock.userName,
    expiresAt: lock.expiresAt.toISOString(),
  };
}

const timeOf = (date: Date) =>
  date.toLocaleTimeString('pt-BR', { timeZone: 'America/Sao_Paulo', hour: '2-digit', minute: '2-digit' });

export async function openWizard(store: Store, user: UserPrincipal, companyId: string) {
  scopeFor(user, companyId);
  const expiresAt = new Date(Date.now() + WIZARD_LOCK_MINUTES * 60_000);
  for (;;) {
    const outcome = await takeWizardLock(store.db, {
      companyId,
      userId: user.userId,
      userName: user.name,
      expiresAt,
    });
    if (outcome.taken) return view(outcome.lock);
    if (!outcome.lock) continue; // released between the two statements: try again
    throw new ServiceError(
      409,
      'wizard_locked',
      `O assistente de configuração desta empresa está em uso por ${outcome.lock.userName} até ` +
        `${timeOf(outcome.lock.expiresAt)} (acesso exclusivo). Tente de novo quando ${outcome.lock.userName} terminar.`,
    );
  }
}

export async function closeWizard(store: Store, user: UserPrincipal, companyId: string): Promise<void> {
  scopeFor(user, companyId);
  await releaseWizardLock(store.db, companyId, user.userId);
}

export async function wizardLockOf(store: Store, user: UserPrincipal, companyId: string) {
  scopeFor(user, companyId);
  const lock = await getWizardLock(store.db, companyId);
  return { lock: lock && lock.expiresAt > new Date() ? view(lock) : null };
}
