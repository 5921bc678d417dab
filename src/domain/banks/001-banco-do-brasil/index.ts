/** Banco do Brasil (001): what the engines need from this bank. */
import { febrabanReturnCommands } from '../../cnab/febraban-240.js';
import type { BankProfile } from '../profile.js';
import { account } from './account.js';
import { bancoDoBrasil } from './boleto.js';
import { bb001Remessa240, bb001Retorno240 } from './cnab240.js';
import { bancoBrasil001Remessa400, bancoBrasil001Retorno400 } from './cnab400.js';
import { returnCommands400 } from './return-commands.js';

export const profile: BankProfile = {
  code: '001',
  slug: 'banco-do-brasil',
  name: 'Banco do Brasil',
  codeDv: '9',
  account,
  boleto: bancoDoBrasil,
  cnab240: { remessa: bb001Remessa240, retorno: bb001Retorno240, returnCommands: febrabanReturnCommands },
  cnab400: {
    remessa: bancoBrasil001Remessa400,
    retorno: bancoBrasil001Retorno400,
    returnCommands: returnCommands400,
  },
};
