/**
 * One writable remessa setup per bank × layout (the 14 pairs the registry has): a portador as the bank identifies
 * it and a nosso número in the bank's format, for the tests that run every layout alike.
 */
import { layouts } from '../../../src/domain/cnab/registry.js';
import type { RemessaInput } from '../../../src/domain/cnab/remessa-input.js';

type Titulo = RemessaInput['titulos'][number];

export interface BankLayoutCase {
  bank: string;
  layout: 240 | 400;
  portador: RemessaInput['portador'];
  nossoNumero: string;
}

const base = {
  companyName: 'Distribuidora Ação & Cia Ltda',
  companyDocument: '11.222.333/0001-81',
  agency: '1234',
  agencyDigit: '5',
  account: '67890',
  accountDigit: '1',
};

export const bankLayoutCases: BankLayoutCase[] = [
  {
    bank: '001',
    layout: 240,
    portador: { ...base, convenio: '1234567', carteira: '17', variation: '019' },
    nossoNumero: '12345670000000042',
  },
  {
    bank: '001',
    layout: 400,
    portador: { ...base, convenio: '1234567', carteira: '17', variation: '019', account: '12345678' },
    nossoNumero: '12345670000000123',
  },
  {
    bank: '033',
    layout: 240,
    portador: { ...base, convenio: '123456789012345', account: '13000286', accountDigit: '2' },
    nossoNumero: '0000000014062',
  },
  {
    bank: '033',
    layout: 400,
    portador: { ...base, convenio: '17777751042700080112', account: '013000789', accountDigit: '5' },
    nossoNumero: '00001234',
  },
  { bank: '041', layout: 240, portador: { ...base, convenio: '0010123456789' }, nossoNumero: '0012345678' },
  {
    bank: '041',
    layout: 400,
    portador: { ...base, convenio: '1102900015046', carteira: '1' },
    nossoNumero: '2283256351',
  },
  { bank: '104', layout: 240, portador: { ...base, convenio: '123456' }, nossoNumero: '000000000000123' },
  { bank: '104', layout: 400, portador: { ...base, convenio: '123456' }, nossoNumero: '14000000000000123' },
  {
    bank: '237',
    layout: 400,
    portador: {
      ...base,
      carteira: '09',
      agency: '01467',
      account: '0019669',
      accountDigit: 'P',
      convenio: '4540691',
    },
    nossoNumero: '000000012346',
  },
  {
    bank: '341',
    layout: 240,
    portador: { ...base, account: '12345', carteira: '109' },
    nossoNumero: '123456780',
  },
  {
    bank: '341',
    layout: 400,
    portador: { ...base, account: '12345', carteira: '109' },
    nossoNumero: '00001234',
  },
  {
    bank: '748',
    layout: 240,
    portador: { ...base, account: '00623', accountDigit: '8', convenio: '12345' },
    nossoNumero: '262000031',
  },
  {
    bank: '756',
    layout: 240,
    portador: { ...base, account: '36668', accountDigit: '8', variation: '01' },
    nossoNumero: '0000429715',
  },
  {
    bank: '756',
    layout: 400,
    portador: {
      ...base,
      convenio: '123456789',
      carteira: '01',
      agency: '4327',
      agencyDigit: '3',
      account: '12345678',
    },
    nossoNumero: '000000429715',
  },
];

const registered = layouts
  .filter((l) => l.direction === 'remessa')
  .map((l) => `${l.bank}-${l.width}`)
  .sort();
const covered = bankLayoutCases.map((c) => `${c.bank}-${c.layout}`).sort();
if (registered.join() !== covered.join())
  throw new Error(`bank-cases.ts cobre ${covered.join()} mas o registro tem ${registered.join()}`);

/** A plain título: no interest, fine, discount, protest or other option (each test adds what it probes). */
export function plainTitulo(c: BankLayoutCase, overrides: Partial<Titulo> = {}): Titulo {
  return {
    nossoNumero: c.nossoNumero,
    seuNumero: 'NF2026-0001',
    issueDate: '2026-11-20',
    dueDate: '2026-12-21',
    amountCents: 123456,
    species: 'DM',
    payer: {
      name: 'João Conceição Araújo',
      document: '123.456.789-09',
      address: 'Avenida São João, 1500',
      neighborhood: 'Centro',
      zip: '01035-100',
      city: 'São Paulo',
      state: 'SP',
    },
    ...overrides,
  };
}

export function inputFor(c: BankLayoutCase, titulos: Titulo[]): RemessaInput {
  return {
    bank: c.bank,
    layout: c.layout,
    fileNumber: 42,
    generatedOn: '2026-11-23',
    generatedAt: '09:30:00',
    portador: c.portador,
    titulos,
  };
}
