/** Sicoob (756): what the engines need from this bank. */
import { febrabanReturnCommands } from '../../cnab/febraban-240.js';
import type { BankProfile } from '../profile.js';
import { account } from './account.js';
import { sicoob } from './boleto.js';
import { sicoob756Remessa240, sicoob756Retorno240 } from './cnab240.js';
import { sicoob756Remessa400, sicoob756Retorno400 } from './cnab400.js';
import { returnCommands400 } from './return-commands.js';

export const profile: BankProfile = {
  code: '756',
  slug: 'sicoob',
  name: 'Sicoob',
  codeDv: '0',
  account,
  boleto: sicoob,
  cnab240: {
    remessa: sicoob756Remessa240,
    retorno: sicoob756Retorno240,
    returnCommands: febrabanReturnCommands,
  },
  cnab400: { remessa: sicoob756Remessa400, retorno: sicoob756Retorno400, returnCommands: returnCommands400 },
};
