/** Bradesco (237): what the engines need from this bank. */
import type { BankProfile } from '../profile.js';
import { account } from './account.js';
import { bradesco } from './boleto.js';
import { bradesco237Remessa400, bradesco237Retorno400 } from './cnab400.js';
import { returnCommands400 } from './return-commands.js';

export const profile: BankProfile = {
  code: '237',
  slug: 'bradesco',
  name: 'Bradesco',
  codeDv: '2',
  account,
  boleto: bradesco,
  cnab400: {
    remessa: bradesco237Remessa400,
    retorno: bradesco237Retorno400,
    returnCommands: returnCommands400,
  },
};
