/** Caixa (104): what the engines need from this bank. */
import type { BankProfile } from '../profile.js';
import { account } from './account.js';
import { caixa } from './boleto.js';
import { caixa104Remessa240, caixa104Retorno240 } from './cnab240.js';
import { caixa104Remessa400, caixa104Retorno400 } from './cnab400.js';
import { returnCommands240, returnCommands400 } from './return-commands.js';

export const profile: BankProfile = {
  code: '104',
  slug: 'caixa',
  name: 'Caixa',
  codeDv: '0',
  account,
  boleto: caixa,
  cnab240: { remessa: caixa104Remessa240, retorno: caixa104Retorno240, returnCommands: returnCommands240 },
  cnab400: { remessa: caixa104Remessa400, retorno: caixa104Retorno400, returnCommands: returnCommands400 },
};
