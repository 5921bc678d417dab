/**
 * The two situations FSPL0250 ("Gestão de Crédito de Clientes") shows per customer: "Situação Crédito" (the state of
 * one credit analysis — a concession or a limit change — as we send it and the platform answers it) and "Situação do
 * Cliente" (how the platform holds the customer).
 */
import { defineStateMachine } from '../state-machine.js';

export const creditSituations = [
  'pending',
  'sent',
  'processing',
  'under_review',
  'approved',
  'rejected',
  'cancelled',
  'failed',
] as const;
export type CreditSituation = (typeof creditSituations)[number];

/**
 * pending: stored, waiting for the platform-commands job; sent: delivered; processing: the platform accepted it and
 * computes (its first answer); under_review: an analyst looks at it; approved / rejected: its verdict; cancelled:
 * withdrawn; failed: the platform refused the message or could not be reached for good (resent as a new attempt).
 * An analysis that ended (approved, rejected, cancelled) never changes: a new request is a new analysis.
 */
export const creditSituationMachine = defineStateMachine<CreditSituation>({
  name: 'Situação Crédito',
  labels: {
    pending: 'Pendente',
    sent: 'Enviado',
    processing: 'Em Processamento',
    under_review: 'Em Análise',
    approved: 'Aprovado',
    rejected: 'Rejeitado',
    cancelled: 'Cancelado',
    failed: 'Falha',
  },
  next: {
    pending: ['sent', 'failed', 'cancelled'],
    sent: ['processing', 'under_review', 'approved', 'rejected', 'cancelled', 'failed'],
    processing: ['under_review', 'approved', 'rejected', 'cancelled', 'failed'],
    under_review: ['approved', 'rejected', 'cancelled'],
    failed: ['pending'],
    approved: [],
    rejected: [],
    cancelled: [],
  },
  finalReasons: {
    approved:
      'Situação Crédito: a análise já foi aprovada; para mudar o limite, solicite uma alteração de limite',
    rejected: 'Situação Crédito: a análise foi rejeitada; para tentar de novo, envie uma nova solicitação',
    cancelled: 'Situação Crédito: a análise foi cancelada; para tentar de novo, envie uma nova solicitação',
  },
});

/** Situations in which an analysis still waits for the platform's verdict. */
export const openCreditSituations: readonly CreditSituation[] = [
  'pending',
  'sent',
  'processing',
  'under_review',
];

export const customerSituations = [
  'active',
  'blocked_credit',
  'blocked_overdue',
  'card_not_enabled',
  'failed',
] as const;
export type CustomerSituation = (typeof customerSituations)[number];

const reportedByPlatform = ['active', 'blocked_credit', 'blocked_overdue', 'card_not_enabled'] as const;
const toOtherReported = (self: CustomerSituation) => reportedByPlatform.filter((s) => s !== self);

/**
 * The platform moves a customer freely between the four situations it reports. "Falha" is ours: the customer's
 * registration never reached the platform. Once the platform holds the customer, a later failed update is a log
 * entry, not a situation: the platform still holds the customer as it last said.
 */
export const customerSituationMachine = defineStateMachine<CustomerSituation>({
  name: 'Situação do Cliente',
  labels: {
    active: 'Ativo',
    blocked_credit: 'Bloqueado por crédito',
    blocked_overdue: 'Bloqueado por Atraso',
    card_not_enabled: 'Cartão não Habilitado',
    failed: 'Falha',
  },
  next: {
    active: toOtherReported('active'),
    blocked_credit: toOtherReported('blocked_credit'),
    blocked_overdue: toOtherReported('blocked_overdue'),
    card_not_enabled: toOtherReported('card_not_enabled'),
    failed: [...reportedByPlatform],
  },
});
