/**
 * Default return commands for Efí: the occurrence code is the charge status Efí reports in a notification
 * (`status.current`, efipay SDK ChargeTransactionStatusSchema; dev.efipay.com.br "Notificações"). An admin may
 * edit the copy the console keeps; this is what ships.
 */
import type { ReturnCommandTable } from '../../domain/settlement/return-commands.js';

export const efiReturnCommands: ReturnCommandTable = [
  { code: 'new', description: 'Cobrança gerada, aguardando forma de pagamento', action: 'informative' },
  { code: 'waiting', description: 'Boleto emitido, aguardando pagamento', action: 'confirm_registration' },
  { code: 'link', description: 'Link de pagamento gerado', action: 'informative' },
  {
    code: 'identified',
    description: 'Pagamento identificado, aguardando confirmação',
    action: 'informative',
  },
  { code: 'approved', description: 'Pagamento aprovado, aguardando confirmação', action: 'informative' },
  { code: 'paid', description: 'Pago', action: 'settle' },
  { code: 'settled', description: 'Marcado como pago (baixa manual na Efí)', action: 'settle' },
  { code: 'unpaid', description: 'Vencido sem pagamento', action: 'informative' },
  { code: 'canceled', description: 'Cobrança cancelada', action: 'write_off' },
  { code: 'expired', description: 'Cobrança expirada', action: 'informative' },
  { code: 'refunded', description: 'Pagamento devolvido', action: 'reverse' },
  { code: 'contested', description: 'Pagamento contestado', action: 'informative' },
];
