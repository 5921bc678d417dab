/** Título statuses as screens and exports show them (pt-BR, capitalized). */
export const RECEIVABLE_STATUS_TITLES: Readonly<Record<string, string>> = {
  open: 'Em aberto',
  registered: 'Registrado',
  paid: 'Pago',
  written_off: 'Baixado',
  cancelled: 'Cancelado',
};
