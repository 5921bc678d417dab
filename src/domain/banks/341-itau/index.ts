/** Itaú (341): what the engines need from this bank. */
import type { BankProfile } from '../profile.js';
import { account } from './account.js';
import { itau } from './boleto.js';
import { itau341Remessa240, itau341Retorno240 } from './cnab240.js';
import { itau341Remessa400, itau341Retorno400 } from './cnab400.js';
import { returnCommands } from './return-commands.js';

export const profile: BankProfile = {
  code: '341',
  slug: 'itau',
  name: 'Itaú',
  codeDv: '7',
  account,
  boleto: itau,
  cnab240: { remessa: itau341Remessa240, retorno: itau341Retorno240, returnCommands },
  cnab400: { remessa: itau341Remessa400, retorno: itau341Retorno400, returnCommands },
};
