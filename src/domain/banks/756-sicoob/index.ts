/** Sicoob (756): what the engines need from this bank. */
import type { BankProfile } from '../profile.js';
import { sicoob } from './boleto.js';
import { sicoob756Remessa240, sicoob756Retorno240 } from './cnab240.js';
import { sicoob756Remessa400, sicoob756Retorno400 } from './cnab400.js';

export const profile: BankProfile = {
  code: '756',
  slug: 'sicoob',
  name: 'Sicoob',
  codeDv: '0',
  boleto: sicoob,
  cnab240: { remessa: sicoob756Remessa240, retorno: sicoob756Retorno240 },
  cnab400: { remessa: sicoob756Remessa400, retorno: sicoob756Retorno400 },
};
