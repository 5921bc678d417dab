/**
 * Demo data (contract §3): a consolidated group with two child companies, customers with establishments, bank
 * accounts, portadores, ~200 títulos, three users and one ERP API token per child. Deterministic: the same
 * seed number gives the same records (dates are offsets from `today`), so tests can rely on counts.
 * Only seeds an empty database.
 */
import { sql } from 'drizzle-orm';
import { addDays, addMonths, todayInSaoPaulo } from '../domain/dates.js';
import { makeCnpj, makeCpf } from '../domain/documents/index.js';
import { createApiToken } from './api-tokens.js';
import { createBankAccount, createPortador } from './banking.js';
import { countCompanies, createCompany } from './companies.js';
import type { Executor, Store } from './connection.js';
import { hashPassword } from './passwords.js';
import {
  customers,
  establishments,
  receivableMovements,
  receivables,
  recordHistory,
  users,
} from './schema.js';

export const DEMO_PASSWORD = 'demo1234';
const SEED_LOCK_KEY = 7_310_202_612;
const ACTOR = 'seed';

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

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function isDatabaseEmpty(ex: Executor): Promise<boolean> {
  return (await countCompanies(ex)) === 0;
}

const PERSON_FIRST = [
  'Ana',
  'Bruno',
  'Carla',
  'Diego',
  'Elisa',
  'Fábio',
  'Gabriela',
  'Heitor',
  'Isabela',
  'João',
];
const PERSON_LAST = [
  'Silva',
  'Souza',
  'Oliveira',
  'Pereira',
  'Costa',
  'Rodrigues',
  'Almeida',
  'Nascimento',
  'Lima',
  'Araújo',
];
const BUSINESS = [
  'Mercado Bom Preço',
  'Ferragens Aliança',
  'Padaria Pão Dourado',
  'Distribuidora Horizonte',
  'Auto Peças Central',
  'Farmácia Vida',
  'Construtora Alicerce',
  'Papelaria Escrita',
  'Restaurante Sabor Caseiro',
  'Tecidos Primavera',
];
const CITIES = [
  { city: 'Porto Alegre', state: 'RS', postal: '90010' },
  { city: 'Curitiba', state: 'PR', postal: '80010' },
  { city: 'Florianópolis', state: 'SC', postal: '88010' },
  { city: 'Belém', state: 'PA', postal: '66010' },
  { city: 'Manaus', state: 'AM', postal: '69005' },
  { city: 'Fortaleza', state: 'CE', postal: '60025' },
];
const STREETS = [
  'Rua das Flores',
  'Avenida Brasil',
  'Rua XV de Novembro',
  'Avenida Independência',
  'Rua da Praia',
];

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
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
  const random = prng(options.seed ?? 20260707);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const choose = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');

  // One salt per password, always: each demo user gets its own hash (made before the transaction: scrypt is slow).
  const passwordHashes = await Promise.all([1, 2, 3].map(() => hashPassword(DEMO_PASSWORD)));

  return store.transaction(async (tx) => {
    if (store.kind === 'postgres') await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const empty: SeedDemoResult = {
      seeded: false,
      companies: [],
      users: [],
      apiTokens: [],
      counts: { customers: 0, establishments: 0, receivables: 0, bankAccounts: 0, portadores: 0 },
    };
    if (!(await isDatabaseEmpty(tx))) return empty;

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
    const children = [sul, norte];

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
    const portadorsByCompany = new Map<string, { id: string }[]>([
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

    // Customers: 10 per child company, alternating companies (CNPJ) and people (CPF).
    type CustomerSeed = typeof customers.$inferInsert;
    const customerRows: CustomerSeed[] = [];
    for (const [companyIndex, company] of children.entries()) {
      for (let i = 0; i < 10; i++) {
        const place = choose(CITIES);
        const isBusiness = i % 2 === 0;
        const name = isBusiness
          ? `${BUSINESS[(i + companyIndex * 5) % BUSINESS.length]} Ltda.`
          : `${PERSON_FIRST[(i + companyIndex * 3) % PERSON_FIRST.length]} ${choose(PERSON_LAST)}`;
        customerRows.push({
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
    const insertedCustomers = await tx.insert(customers).values(customerRows).returning();

    type EstablishmentSeed = typeof establishments.$inferInsert;
    const establishmentRows: EstablishmentSeed[] = [];
    for (const customer of insertedCustomers) {
      const address = {
        street: customer.street,
        addressNumber: customer.addressNumber,
        district: customer.district,
        city: customer.city,
        state: customer.state,
        postalCode: customer.postalCode,
      };
      establishmentRows.push({
        customerId: customer.id,
        erpKey: 'MATRIZ',
        document: customer.document,
        name: customer.name,
        ...address,
      });
      if (customer.document.length === 14) {
        establishmentRows.push({
          customerId: customer.id,
          erpKey: 'FILIAL-2',
          document: makeCnpj(`${customer.document.slice(0, 8)}0002`),
          name: `${customer.name} (filial)`,
          ...address,
          addressNumber: String(int(10, 2500)),
        });
      }
    }
    const insertedEstablishments = await tx.insert(establishments).values(establishmentRows).returning();
    const establishmentsByCustomer = new Map<string, string[]>();
    for (const row of insertedEstablishments)
      establishmentsByCustomer.set(row.customerId, [
        ...(establishmentsByCustomer.get(row.customerId) ?? []),
        row.id,
      ]);

    // Títulos: 100 per child company, sales of 1–3 monthly installments.
    type ReceivableSeed = typeof receivables.$inferInsert;
    const receivableRows: ReceivableSeed[] = [];
    for (const [companyIndex, company] of children.entries()) {
      const companyCustomers = insertedCustomers.filter((c) => c.companyId === company.id);
      const companyPortadores = portadorsByCompany.get(company.id)!;
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
          const roll = random();
          let status: ReceivableSeed['status'];
          let openAmountCents = installmentCents;
          if (roll < 0.2 && dueDate <= addDays(today, 10)) {
            status = 'paid';
            openAmountCents = 0;
          } else if (roll < 0.26) {
            status = 'written_off';
            openAmountCents = 0;
          } else if (roll < 0.31) {
            status = 'cancelled';
            openAmountCents = 0;
          } else if (roll < 0.6 && portador) {
            status = 'registered';
          } else {
            status = 'open';
          }
          if ((status === 'open' || status === 'registered') && random() < 0.1)
            openAmountCents = Math.round(installmentCents / 2);
          const customerEstablishments = establishmentsByCustomer.get(customer.id) ?? [];
          receivableRows.push({
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
            openAmountCents,
            invoiceNumber,
            portadorId: portador?.id ?? null,
            status,
          });
          made++;
        }
      }
    }
    const insertedReceivables = await tx.insert(receivables).values(receivableRows).returning();

    type MovementSeed = typeof receivableMovements.$inferInsert;
    const movementRows: MovementSeed[] = [];
    for (const row of insertedReceivables) {
      movementRows.push({
        receivableId: row.id,
        kind: 'created',
        amountCents: row.amountCents,
        occurredOn: row.issueDate,
        description: 'Título incluído',
        source: ACTOR,
        idempotencyKey: `receivable:${row.id}:created`,
      });
      const settled = row.amountCents - row.openAmountCents;
      if (row.status === 'paid' || (settled > 0 && (row.status === 'open' || row.status === 'registered'))) {
        movementRows.push({
          receivableId: row.id,
          kind: 'payment',
          amountCents: settled,
          occurredOn: row.dueDate < today ? row.dueDate : today,
          description: row.status === 'paid' ? 'Liquidação' : 'Pagamento parcial',
          source: ACTOR,
        });
      } else if (row.status === 'written_off') {
        movementRows.push({
          receivableId: row.id,
          kind: 'write_off',
          amountCents: row.amountCents,
          occurredOn: row.dueDate < today ? row.dueDate : today,
          description: 'Baixa sem pagamento',
          source: ACTOR,
        });
      }
    }
    await tx.insert(receivableMovements).values(movementRows);

    const historyRows = [
      ...insertedCustomers.map((row) => ({ entity: 'customer', entityId: row.id, companyId: row.companyId })),
      ...insertedReceivables.map((row) => ({
        entity: 'receivable',
        entityId: row.id,
        companyId: row.companyId,
      })),
    ].map((entry) => ({ ...entry, action: 'created', actor: ACTOR, after: { source: 'seed-demo' } }));
    await tx.insert(recordHistory).values(historyRows);

    const demoUsers = [
      { email: 'admin@demo.finconsole', name: 'Administração Demo', role: 'admin' as const, company: group },
      {
        email: 'operador.sul@demo.finconsole',
        name: 'Operador Sul',
        role: 'operator' as const,
        company: sul,
      },
      {
        email: 'leitura.norte@demo.finconsole',
        name: 'Leitura Norte',
        role: 'viewer' as const,
        company: norte,
      },
    ];
    await tx.insert(users).values(
      demoUsers.map((user, index) => ({
        email: user.email,
        name: user.name,
        role: user.role,
        homeCompanyId: user.company.id,
        passwordHash: passwordHashes[index]!,
      })),
    );

    const apiTokens: SeedDemoResult['apiTokens'] = [];
    for (const company of children) {
      const { token } = await createApiToken(tx, { companyId: company.id, name: 'ERP de demonstração' });
      apiTokens.push({ companyId: company.id, companyName: company.name, token });
    }

    return {
      seeded: true,
      companies: [group, sul, norte].map(({ id, name, cnpj, kind }) => ({ id, name, cnpj, kind })),
      users: demoUsers.map((user) => ({
        email: user.email,
        password: DEMO_PASSWORD,
        role: user.role,
        companyName: user.company.name,
      })),
      apiTokens,
      counts: {
        customers: insertedCustomers.length,
        establishments: insertedEstablishments.length,
        receivables: insertedReceivables.length,
        bankAccounts: 3,
        portadores: 4,
      },
    };
  });
}
