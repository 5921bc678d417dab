/** Banrisul (041): what the engines need from this bank. */
import { febrabanReturnCommands } from '../../cnab/febraban-240.js';
import type { BankProfile } from '../profile.js';
import { account } from './account.js';
import { banrisul } from './boleto.js';
import { banrisul041Remessa240, banrisul041Retorno240 } from './cnab240.js';
import { banrisul041Remessa400, banrisul041Retorno400 } from './cnab400.js';
import { returnCommands400 } from './return-commands.js';

export const profile: BankProfile = {
  code: '041',
  slug: 'banrisul',
  name: 'Banrisul',
  codeDv: '8',
  account,
  boleto: banrisul,
  cnab240: {
    remessa: banrisul041Remessa240,
    retorno: banrisul041Retorno240,
    returnCommands: febrabanReturnCommands,
  },
  cnab400: {
    remessa: banrisul041Remessa400,
    retorno: banrisul041Retorno400,
    returnCommands: returnCommands400,
  },
};
