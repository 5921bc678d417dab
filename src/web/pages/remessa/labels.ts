/** The Remessa tab's words: statuses with their badges, and the remessa history's events for people. */
import type { HistoryItem } from '../../components/HistoryPanel.js';
import type { RemessaHistory } from '../../contracts.js';
import { actorLabel, formatDate } from '../../format.js';
import {
  REGISTRATION_STATUS_LABELS,
  type RegistrationStatus,
} from '../../../domain/receivable/registration.js';

export { REGISTRATION_STATUS_LABELS };

export const REGISTRATION_BADGES: Record<RegistrationStatus, string> = {
  not_sent: 'badge-open',
  sent: 'badge-registered',
  failed: 'badge-overdue',
  erp_failed: 'badge-cancelled',
  paid: 'badge-paid',
};

export const PLATFORM_LABELS: Record<string, string> = { efi: 'Efí', cnab: 'CNAB', supplier: 'Supplier' };
export const platformLabel = (code: string) => PLATFORM_LABELS[code] ?? code;

const CHANGE_LABELS: Record<string, string> = {
  dueDate: 'alteração de vencimento',
  writeOff: 'baixa',
  resendEmail: 'reenvio por e-mail',
  reverse: 'estorno',
};

const EVENT_TITLES: Record<string, string> = {
  send_requested: 'Envio pedido',
  attempt: 'Tentativa de envio',
  sent: 'Enviado (registrado na plataforma)',
  failed: 'Falha',
  erp_failed: 'Falha ERP',
  retry_scheduled: 'Falha transitória: nova tentativa agendada',
  change_queued: 'Alteração enfileirada',
  due_date_changed: 'Vencimento alterado na plataforma',
  written_off: 'Baixado na plataforma',
  email_resent: 'Reenviado por e-mail',
  reversed: 'Estornado na plataforma',
  change_failed: 'Alteração recusada',
  change_retry_scheduled: 'Alteração: falha transitória, nova tentativa agendada',
};

const OUTCOMES: Record<string, string> = {
  sent: 'sucesso',
  due_date_changed: 'sucesso',
  written_off: 'sucesso',
  email_resent: 'sucesso',
  reversed: 'sucesso',
  failed: 'falha',
  erp_failed: 'falha',
  change_failed: 'falha',
  retry_scheduled: 'falha transitória',
  change_retry_scheduled: 'falha transitória',
};

/** Each event: what happened, who (user by name, or the job), the outcome and the platform's reason. */
export function remessaHistoryItems(history: RemessaHistory): HistoryItem[] {
  return history.items.map((entry) => {
    const before = (entry.before ?? {}) as Record<string, unknown>;
    const after = (entry.after ?? {}) as Record<string, unknown>;
    const changes: HistoryItem['changes'] = [];
    const status = (value: unknown) =>
      REGISTRATION_STATUS_LABELS[value as RegistrationStatus] ?? String(value);
    if (after.status !== undefined && before.status !== after.status)
      changes.push({
        label: 'Status',
        before: status(before.status ?? 'not_sent'),
        after: status(after.status),
      });
    const outcome = OUTCOMES[entry.action];
    if (outcome) changes.push({ label: 'Resultado', after: outcome });
    if (typeof after.change === 'string')
      changes.push({ label: 'Alteração', after: CHANGE_LABELS[after.change] ?? after.change });
    if (typeof after.dueDate === 'string')
      changes.push({ label: 'Vencimento', after: formatDate(after.dueDate) });
    if (typeof after.attempt === 'number') changes.push({ label: 'Tentativa', after: String(after.attempt) });
    if (typeof after.chargeId === 'string')
      changes.push({ label: 'Cobrança na plataforma', after: after.chargeId });
    if (typeof after.email === 'string') changes.push({ label: 'E-mail', after: after.email });
    if (typeof after.reason === 'string')
      changes.push({ label: 'Motivo da plataforma', after: after.reason });
    return {
      id: entry.id,
      at: entry.at,
      title: EVENT_TITLES[entry.action] ?? entry.action,
      actor: actorLabel(entry),
      changes,
    };
  });
}
