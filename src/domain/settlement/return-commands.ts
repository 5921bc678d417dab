/**
 * Return commands (the seeds' "Cadastro de Comandos de Retorno", FCOB0102): what an occurrence code reported by a
 * bank or platform does to a título. Readers only report codes; this table decides, so an unknown code is a normal
 * event that settlement marks "comando de retorno não cadastrado" instead of a parse error.
 */
export const returnCommandActions = [
  'confirm_registration',
  'settle',
  'write_off',
  'reject_registration',
  'due_date_changed',
  'protest',
  'fee_only',
  'reverse',
  'informative',
] as const;
export type ReturnCommandAction = (typeof returnCommandActions)[number];

/** pt-BR names of the actions, as the console shows them. */
export const RETURN_COMMAND_ACTION_LABELS: Readonly<Record<ReturnCommandAction, string>> = {
  confirm_registration: 'Confirmar entrada',
  settle: 'Liquidar',
  write_off: 'Baixar sem pagamento',
  reject_registration: 'Rejeitar entrada',
  due_date_changed: 'Vencimento alterado',
  protest: 'Protesto',
  fee_only: 'Somente tarifa',
  reverse: 'Estornar pagamento',
  informative: 'Informativo',
};

export interface ReturnCommand {
  /** The occurrence code as the bank or platform writes it ("06", "paid"). */
  code: string;
  /** pt-BR, as the manual words it. */
  description: string;
  action: ReturnCommandAction;
}

export type ReturnCommandTable = readonly ReturnCommand[];

/**
 * How each amount of a retorno posts (FCOB0102's "contabilização"): interest and fine are revenue, discount and
 * rebate deductions, fee and collection costs expenses; the received amount credits the convênio's account.
 */
export const amountPostingClasses = {
  payment: 'Recebimento',
  interest: 'Receita',
  fine: 'Receita',
  discount: 'Dedução',
  rebate: 'Dedução',
  fee: 'Despesa',
  collection_cost: 'Despesa',
} as const;
export type PostedAmountKind = keyof typeof amountPostingClasses;
export const postedAmountKinds = Object.keys(amountPostingClasses) as PostedAmountKind[];

/** An admin's history codes per amount (a kind without one posts with the integration's code, if any). */
export type HistoryCodes = Partial<Record<PostedAmountKind, string>>;

export function findReturnCommand(table: ReturnCommandTable, code: string): ReturnCommand | undefined {
  return table.find((command) => command.code === code);
}
