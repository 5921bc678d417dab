/**
 * "Faturamento a Prazo" (FSPL0250): whether the customer may be invoiced on credit terms through the platform. When
 * blocked, "os pedidos criados para o cliente serão bloqueados por um motivo específico … e não será permitido o
 * envio de vendas para a Supplier" — so the order check answers with the reason, and the ticket decides the rest
 * (TOTVS seed, RSKJOBCOMMAND: "Integração do ticket com o pedido de venda, para permitir o prosseguimento deste, ou
 * não").
 */
import type { CustomerSituation } from './situations.js';

export type TermBilling = { status: 'released' } | { status: 'blocked'; reason: string };

export const TERM_BILLING_LABELS = { released: 'Liberado', blocked: 'Bloqueado' } as const;

const BLOCKED_BY_SITUATION: Readonly<Record<Exclude<CustomerSituation, 'active'>, string>> = {
  blocked_credit: 'cliente bloqueado por crédito na plataforma',
  blocked_overdue: 'cliente bloqueado por atraso na plataforma',
  card_not_enabled: 'cartão do cliente não habilitado na plataforma',
  failed: 'o cadastro do cliente não chegou à plataforma (Falha)',
};

/** The platform manages the credit: term billing follows the situation it reports and the limit it granted. */
export function termBillingFor(customer: {
  situation: CustomerSituation | null;
  approvedLimitCents: number | null;
}): TermBilling {
  const blocked = (why: string): TermBilling => ({
    status: 'blocked',
    reason: `Faturamento a prazo bloqueado: ${why}`,
  });
  if (customer.situation === null) return blocked('cliente ainda não enviado à plataforma de crédito');
  if (customer.situation !== 'active') return blocked(BLOCKED_BY_SITUATION[customer.situation]);
  if (!customer.approvedLimitCents) return blocked('cliente sem limite de crédito aprovado');
  return { status: 'released' };
}

/** The credit ticket of one sales order, as the platform answers it (create, reuse, cancel). */
export const ticketStatuses = ['pending', 'approved', 'denied', 'cancelled'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const TICKET_STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  pending: 'Aguardando',
  approved: 'Aprovado',
  denied: 'Negado',
  cancelled: 'Cancelado',
};

export type OrderCheck =
  { status: 'released' } | { status: 'blocked'; reason: string } | { status: 'waiting'; reason: string };

/** What the ERP hears before it proceeds with a sales order on credit terms. */
export function checkOrder(
  termBilling: TermBilling,
  ticket: { status: TicketStatus; reason?: string | null } | null,
): OrderCheck {
  if (termBilling.status === 'blocked') return { status: 'blocked', reason: termBilling.reason };
  if (!ticket) return { status: 'waiting', reason: 'Pedido aguardando ticket de crédito da plataforma' };
  switch (ticket.status) {
    case 'approved':
      return { status: 'released' };
    case 'pending':
      return { status: 'waiting', reason: 'Pedido aguardando resposta do ticket de crédito' };
    case 'denied':
      return {
        status: 'blocked',
        reason: `Ticket de crédito negado${ticket.reason ? `: ${ticket.reason}` : ''}`,
      };
    case 'cancelled':
      return {
        status: 'blocked',
        reason: 'Ticket de crédito cancelado: solicite um novo ticket para o pedido',
      };
  }
}
