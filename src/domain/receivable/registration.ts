/** The registration of a título at its platform: one status rule applied the same by every platform. */
export const registrationStatuses = ['not_sent', 'sent', 'failed', 'erp_failed', 'paid'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const REGISTRATION_STATUS_LABELS: Readonly<Record<RegistrationStatus, string>> = {
  not_sent: 'Não Enviado',
  sent: 'Enviado',
  failed: 'Falha',
  erp_failed: 'Falha ERP',
  paid: 'Pago',
};
