/**
 * Demo data (contract §3): a consolidated group with two child companies, customers with establishments, bank
 * accounts, portadores, ~200 títulos with their ledgers, three users and one ERP API token per child. Deterministic:
 * the same seed number gives the same records (dates are offsets from `today`), so tests can rely on counts. Only
 * seeds an empty database. Every write goes through the store's functions; the platform side is integrations.ts.
 */
import { addDays, addMonths, todayInSaoPaulo } from '../../domain/dates.js';
import { makeCnpj, makeCpf } from '../../domain/documents/index.js';
import { createApiToken } from '../../store/api-tokens.js';
import { createBankAccount, createPortador } from '../../store/banking.js';
import { countCompanies, createCompany, type CompanyRow } from '../../store/companies.js';
import type { Store, Tx } from '../../store/connection.js';
import {
  insertCustomers,
  insertEstablishments,
  type CustomerRow,
  type EstablishmentRow,
} from '../../store/customers.js';
import { insertReceivablesWithLedgers, type OpeningLedger, type PostingInput } from '../../store/ledger.js';
import { createUser } from '../../store/users.js';
import { lockTransaction } from '../../store/util.js';
import { BUSINESS, CITIES, PERSON_FIRST, PERSON_LAST, picker, slug, STREETS, type Picker } from './people.js';

export const DEMO_PASSWORD = 'demo1234';
const SEED_LOCK_KEY = 7_310_202_612;
const ACTOR = 'seed';
const HISTORY = { actor: ACTOR, after: { source: 'seed-demo' } };

export interface SeedDemoResult {
  seeded: boolean;
  companies: { id: string; name: string; cnpj: string; kind: 'consolidated' | 'child' }[];
  users: { email: string; password: string; role: 'admin' | 'operator' | 'viewer'; companyName: string }[];
  apiTokens: { companyId: string; companyName: string; token: string }[];
  counts: {
    customers: number;
    establishments: number;
    receivables: number;
    bankAccounts: number;
    portadores: number;
  };
}

/**
 * Seeds the demo data into an empty database in one transaction (on PostgreSQL under an advisory lock, so
 * processes starting together seed once). Returns `seeded: false` and empty lists when data already exists.
 */
export async function seedDemo(
  store: Store,
  options: { today?: string; seed?: number } = {},
): Promise<SeedDemoResult> {
  const today = options.today ?? todayInSaoPaulo();
  const pick = picker(options.seed ?? 20260707);
  return store.transaction(async (tx) => {
    if (store.kind === 'postgres') await lockTransaction(tx, SEED_LOCK_KEY);
    if ((await countCompanies(tx)) > 0)
      return {
        seeded: false,
        companies: [],
        users: [],
        apiTokens: [],
        counts: { customers: 0, establishments: 0, receivables: 0, bankAccounts: 0, portadores: 0 },
      };

    const { group, sul, norte } = await seedCompanies(tx);
    const children = [sul, norte];
    const portadoresByCompany = await seedBanking(tx, sul, norte);
    const customers = await seedCustomers(tx, children, pick);
    const establishments = await seedEstablishments(tx, customers, pick);
    const receivables = await insertReceivablesWithLedgers(
      tx,
      demoReceivables({ children, customers, establishments, portadoresByCompany, today, pick }),
      HISTORY,
    );
    const users = await seedUsers(tx, group, sul, norte);
    const apiTokens: SeedDemoResult['apiTokens'] = [];
    for (const company of children) {
      const { token } = await createApiToken(tx, { companyId: company.id, name: 'ERP de demonstração' });
      apiTokens.push({ companyId: company.id, companyName: company.name, token });
    }

    return {
      seeded: true,
      companies: [group, sul, norte].map(({ id, name, cnpj, kind }) => ({ id, name, cnpj, kind })),
      users,
      apiTokens,
      counts: {
        customers: customers.length,
        establishments: establishments.length,
        receivables: receivables.length,
        bankAccounts: 3,
        portadores: 4,
      },
    };
  });
}

async function seedCompanies(tx: Tx): Promise<{ group: CompanyRow; sul: CompanyRow; norte: CompanyRow }> {
  const group = await createCompany(tx, {
    name: 'Grupo Demonstração S.A.',
    cnpj: makeCnpj('112223330001'),
    kind: 'consolidated',
  });
  const sul = await createCompany(tx, {
    name: 'Demonstração Sul Ltda.',
    cnpj: makeCnpj('445556660001'),
    kind: 'child',
    parentCompanyId: group.id,
  });
  // Alphanumeric CNPJ (IN RFB nº 2.229/2024), valid by the shared documents validator.
  const norte = await createCompany(tx, {
    name: 'Demonstração Norte Ltda.',
    cnpj: makeCnpj('12ABC3450001'),
    kind: 'child',
    parentCompanyId: group.id,
  });
  return { group, sul, norte };
}

/** Three bank accounts and four portadores (one a carteira with no account); by company. */
async function seedBanking(
  tx: Tx,
  sul: CompanyRow,
  norte: CompanyRow,
): Promise<Map<string, { id: string }[]>> {
  const sulBb = await createBankAccount(tx, {
    companyId: sul.id,
    erpKey: 'BB-1234',
    bankCode: '001',
    agency: '1234',
    agencyDigit: '3',
    account: '00056789',
    accountDigit: '2',
    pixKeyType: 'email',
    pixKey: 'financeiro.sul@demo.finconsole',
  });
  const sulBradesco = await createBankAccount(tx, {
    companyId: sul.id,
    erpKey: 'BRADESCO-0452',
    bankCode: '237',
    agency: '0452',
    agencyDigit: '9',
    account: '0012345',
    accountDigit: '5',
  });
  const norteItau = await createBankAccount(tx, {
    companyId: norte.id,
    erpKey: 'ITAU-0057',
    bankCode: '341',
    agency: '0057',
    account: '12345',
    accountDigit: '7',
  });
  return new Map([
    [
      sul.id,
      [
        await createPortador(tx, {
          companyId: sul.id,
          erpKey: 'BB-17',
          name: 'Banco do Brasil — carteira 17',
          bankAccountId: sulBb.id,
          carteira: '17',
          convenio: '1234567',
        }),
        await createPortador(tx, {
          companyId: sul.id,
          erpKey: 'BRADESCO-09',
          name: 'Bradesco — carteira 09',
          bankAccountId: sulBradesco.id,
          carteira: '09',
        }),
      ],
    ],
    [
      norte.id,
      [
        await createPortador(tx, {
          companyId: norte.id,
          erpKey: 'ITAU-109',
          name: 'Itaú — carteira 109',
          bankAccountId: norteItau.id,
          carteira: '109',
        }),
        await createPortador(tx, { companyId: norte.id, erpKey: 'CARTEIRA', name: 'Carteira própria' }),
      ],
    ],
  ]);
}

/** 10 customers per child company, alternating companies (CNPJ) and people (CPF). */
async function seedCustomers(tx: Tx, children: CompanyRow[], pick: Picker): Promise<CustomerRow[]> {
  const { random, int, choose, digits } = pick;
  const rows: Parameters<typeof insertCustomers>[1] = [];
  for (const [companyIndex, company] of children.entries()) {
    for (let i = 0; i < 10; i++) {
      const place = choose(CITIES);
      const isBusiness = i % 2 === 0;
      const name = isBusiness
        ? `${BUSINESS[(i + companyIndex * 5) % BUSINESS.length]} Ltda.`
        : `${PERSON_FIRST[(i + companyIndex * 3) % PERSON_FIRST.length]} ${choose(PERSON_LAST)}`;
      rows.push({
        companyId: company.id,
        erpKey: `CLI-${companyIndex + 1}${String(i + 1).padStart(3, '0')}`,
        name,
        document: isBusiness ? makeCnpj(`${digits(8)}0001`) : makeCpf(digits(9)),
        email: `${slug(name).slice(0, 24)}@exemplo.com.br`,
        // Stored as the API stores it (digits, DDD first); no DDD has a 0, so 20 becomes 21.
        phone: `${String(int(11, 99)).replace('0', '1')}9${digits(8)}`,
        street: choose(STREETS),
        addressNumber: String(int(10, 2500)),
        complement: random() < 0.3 ? `Sala ${int(1, 40)}` : null,
        district: 'Centro',
        city: place.city,
        state: place.state,
        postalCode: `${place.postal}${digits(3)}`,
      });
    }
  }
  return insertCustomers(tx, rows, HISTORY);
}

/** The head office of every customer, and a branch for those with a CNPJ. */
async function seedEstablishments(
  tx: Tx,
  customers: CustomerRow[],
  { int }: Picker,
): Promise<EstablishmentRow[]> {
  const rows: Parameters<typeof insertEstablishments>[1] = [];
  for (const customer of customers) {
    const address = {
      street: customer.street,
      addressNumber: customer.addressNumber,
      district: customer.district,
      city: customer.city,
      state: customer.state,
      postalCode: customer.postalCode,
    };
    rows.push({
      customerId: customer.id,
      erpKey: 'MATRIZ',
      document: customer.document,
      name: customer.name,
      ...address,
    });
    if (customer.document.length === 14) {
      rows.push({
        customerId: customer.id,
        erpKey: 'FILIAL-2',
        document: makeCnpj(`${customer.document.slice(0, 8)}0002`),
        name: `${customer.name} (filial)`,
        ...address,
        addressNumber: String(int(10, 2500)),
      });
    }
  }
  return insertEstablishments(tx, rows);
}

/**
 * 100 títulos per child company, sales of 1–3 monthly installments, each with its ledger: some paid (in full or in
 * part), written off or cancelled, some registered at their portador.
 */
function demoReceivables(args: {
  children: CompanyRow[];
  customers: CustomerRow[];
  establishments: EstablishmentRow[];
  portadoresByCompany: Map<string, { id: string }[]>;
  today: string;
  pick: Picker;
}): OpeningLedger[] {
  const { today } = args;
  const { random, int, choose } = args.pick;
  const establishmentsByCustomer = new Map<string, string[]>();
  for (const row of args.establishments)
    establishmentsByCustomer.set(row.customerId, [
      ...(establishmentsByCustomer.get(row.customerId) ?? []),
      row.id,
    ]);
  const items: OpeningLedger[] = [];
  for (const [companyIndex, company] of args.children.entries()) {
    const companyCustomers = args.customers.filter((c) => c.companyId === company.id);
    const companyPortadores = args.portadoresByCompany.get(company.id)!;
    let sale = 0;
    let made = 0;
    while (made < 100) {
      sale++;
      const customer = choose(companyCustomers);
      const installments = Math.min(100 - made, int(1, 3));
      const issueDate = addDays(today, -int(0, 150));
      const firstDue = addDays(issueDate, choose([14, 21, 28, 30, 45]));
      const installmentCents = int(50_00, 15_000_00);
      const number = String(10_000 * (companyIndex + 1) + sale);
      const invoiceNumber = random() < 0.8 ? String(int(1000, 99999)) : null;
      const portador = random() < 0.85 ? choose(companyPortadores) : null;
      for (let installment = 1; installment <= installments; installment++) {
        const dueDate = addMonths(firstDue, installment - 1);
        const closedOn = dueDate < today ? dueDate : today;
        const posting = (kind: PostingInput['kind'], amountCents: number, description: string) => ({
          kind,
          amountCents,
          occurredOn: closedOn,
          description,
          source: ACTOR,
        });
        const postings: Omit<PostingInput, 'key'>[] = [
          {
            kind: 'created',
            amountCents: installmentCents,
            occurredOn: issueDate,
            description: 'Título incluído',
            source: ACTOR,
          },
        ];
        let mark: OpeningLedger['mark'];
        const roll = random();
        if (roll < 0.2 && dueDate <= addDays(today, 10)) {
          postings.push(posting('payment', installmentCents, 'Liquidação'));
        } else if (roll < 0.26) {
          postings.push(posting('write_off', installmentCents, 'Baixa sem pagamento'));
        } else if (roll < 0.31) {
          postings.push(posting('write_off', installmentCents, 'Cancelamento'));
          mark = 'cancelled';
        } else {
          if (roll < 0.6 && portador) mark = 'registered';
          if (random() < 0.1)
            postings.push(
              posting('payment', installmentCents - Math.round(installmentCents / 2), 'Pagamento parcial'),
            );
        }
        const customerEstablishments = establishmentsByCustomer.get(customer.id) ?? [];
        items.push({
          receivable: {
            companyId: company.id,
            erpKey: `TIT-${number}-${installment}`,
            customerId: customer.id,
            establishmentId: customerEstablishments.length ? choose(customerEstablishments) : null,
            document: `DM-${number}`,
            number,
            installment,
            issueDate,
            dueDate,
            amountCents: installmentCents,
            invoiceNumber,
            portadorId: portador?.id ?? null,
          },
          postings,
          ...(mark ? { mark } : {}),
        });
        made++;
      }
    }
  }
  return items;
}

async function seedUsers(
  tx: Tx,
  group: CompanyRow,
  sul: CompanyRow,
  norte: CompanyRow,
): Promise<SeedDemoResult['users']> {
  const demoUsers = [
    { email: 'admin@demo.finconsole', name: 'Administração Demo', role: 'admin' as const, company: group },
    { email: 'operador.sul@demo.finconsole', name: 'Operador Sul', role: 'operator' as const, company: sul },
    {
      email: 'leitura.norte@demo.finconsole',
      name: 'Leitura Norte',
      role: 'viewer' as const,
      company: norte,
    },
  ];
  for (const user of demoUsers)
    await createUser(tx, {
      email: user.email,
      name: user.name,
      role: user.role,
      homeCompanyId: user.company.id,
      password: DEMO_PASSWORD,
    });
  return demoUsers.map((user) => ({
    email: user.email,
    password: DEMO_PASSWORD,
    role: user.role,
    companyName: user.company.name,
  }));
}
