/**
 * A new due date on a change may not be before today: the título would be overdue the moment it is saved, and a
 * platform refuses a boleto that is already past due. A título's creation may carry a past date (the ERP sends its
 * history as it is), and a change that leaves the due date alone is not held to it.
 */
import { formatDateBR, type CalendarDate } from '../dates.js';

/** The pt-BR reason a changed due date is refused, or null when it may be saved. */
export function pastDueDateIssue(dueDate: CalendarDate, today: CalendarDate): string | null {
  if (dueDate >= today) return null;
  return `o novo vencimento ${formatDateBR(dueDate)} é anterior a hoje (${formatDateBR(today)}); escolha hoje ou uma data futura`;
}
