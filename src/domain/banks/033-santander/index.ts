/** Santander (033): what the engines need from this bank. */
import { febrabanReturnCommands } from '../../cnab/febraban-240.js';
import type { BankProfile } from '../profile.js';
import { account } from './account.js';
import { santander } from './boleto.js';
import { santander033Remessa240, santander033Retorno240 } from './cnab240.js';
import { santander033Remessa400, santander033Retorno400 } from './cnab400.js';
import { returnCommands400 } from './return-commands.js';

export const profile: BankProfile = {
  code: '033',
  slug: 'santander',
  name: 'Santander',
  codeDv: '7',
  account,
  boleto: santander,
  cnab240: {
    remessa: santander033Remessa240,
    retorno: santander033Retorno240,
    returnCommands: febrabanReturnCommands,
  },
  cnab400: {
    remessa: santander033Remessa400,
    retorno: santander033Retorno400,
    returnCommands: returnCommands400,
  },
};
