/** Sicredi (748): what the engines need from this bank. */
import type { BankProfile } from '../profile.js';
import { account } from './account.js';
import { sicredi } from './boleto.js';
import { sicredi748Remessa240, sicredi748Retorno240 } from './cnab240.js';
import { returnCommands240 } from './return-commands.js';

export const profile: BankProfile = {
  code: '748',
  slug: 'sicredi',
  name: 'Sicredi',
  codeDv: 'X',
  account,
  boleto: sicredi,
  cnab240: {
    remessa: sicredi748Remessa240,
    retorno: sicredi748Retorno240,
    returnCommands: returnCommands240,
  },
};
