/**
 * Hand-written examples for the main bodies of /docs, by component name, and one error body per status. Each is
 * checked against its schema by test/api/openapi.test.ts; bodies without one here get an example built from the
 * schema (src/api/openapi.ts).
 */

const customer = {
  id: '7d1f0c2a-4b3e-4d5f-8a6b-9c0d1e2f3a4b',
  erpKey: 'CLI-000123',
  companyId: '3e9a1c5d-2b4f-4e6a-8c7d-0f1a2b3c4d5e',
  name: 'Maria da Silva',
  document: '12345678909',
  email: 'maria@example.com',
  phone: '11987654321',
  address: {
    street: 'Av. Paulista',
    number: '1000',
    complement: null,
    district: 'Bela Vista',
    city: 'São Paulo',
    state: 'SP',
    postalCode: '01310100',
  },
  establishments: [
    {
      id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
      erpKey: 'FIL-1',
      name: 'Filial Campinas',
      document: '12ABC34501DE35',
      address: {
        street: null,
        number: null,
        complement: null,
        district: null,
        city: 'Campinas',
        state: 'SP',
        postalCode: null,
      },
    },
  ],
  createdAt: '2026-03-01T12:00:00.000Z',
  updatedAt: '2026-03-01T12:00:00.000Z',
};

const receivable = {
  id: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  erpKey: 'TIT-500-1',
  companyId: customer.companyId,
  companyName: 'Demonstração Sul Ltda.',
  customerId: customer.id,
  customerName: customer.name,
  customerDocument: customer.document,
  establishmentId: null,
  document: 'PED-500',
  number: '500',
  installment: 1,
  issueDate: '2026-03-01',
  dueDate: '2026-03-31',
  amountCents: 150000,
  openAmountCents: 150000,
  invoiceNumber: 'NF-77',
  portadorId: null,
  portadorErpKey: null,
  portadorName: null,
  status: 'open',
  overdue: false,
};

export const schemaExamples: Record<string, unknown> = {
  CustomerUpsert: {
    name: 'Maria da Silva',
    document: '123.456.789-09',
    email: 'maria@example.com',
    phone: '(11) 98765-4321',
    address: {
      street: 'Av. Paulista',
      number: '1000',
      district: 'Bela Vista',
      city: 'São Paulo',
      state: 'SP',
      postalCode: '01310-100',
    },
    establishments: [
      {
        erpKey: 'FIL-1',
        name: 'Filial Campinas',
        document: '12.ABC.345/01DE-35',
        address: { city: 'Campinas' },
      },
    ],
  },
  Customer: customer,
  ReceivableUpsert: {
    customerErpKey: 'CLI-000123',
    document: 'PED-500',
    number: '500',
    installment: 1,
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    amountCents: 150000,
    invoiceNumber: 'NF-77',
  },
  Receivable: receivable,
  ErpReceivable: { ...receivable, customerErpKey: customer.erpKey },
  ReceivablePatch: { dueDate: '2026-04-15', invoiceNumber: 'NF-78' },
  LoginRequest: { email: 'operador.sul@demo.finconsole', password: 'demo1234' },
  CreateApiToken: { companyId: customer.companyId, name: 'ERP produção' },
};

const error = (code: string, message: string, fields?: { path: string; message: string }[]) => ({
  error: fields ? { code, message, fields } : { code, message },
});

export const errorExamples: Record<string, unknown> = {
  '400': error(
    'validation',
    'Dados inválidos (corpo): amountCents: obrigatório; dueDate: "2026-02-30" não é uma data válida: use AAAA-MM-DD com um dia que exista no calendário',
    [
      { path: 'amountCents', message: 'obrigatório' },
      {
        path: 'dueDate',
        message: '"2026-02-30" não é uma data válida: use AAAA-MM-DD com um dia que exista no calendário',
      },
    ],
  ),
  '401': error('unauthorized', 'Token de API ausente, desconhecido ou revogado.'),
  '403': error('forbidden', 'Você não tem acesso a esta empresa.'),
  '404': error('not_found', 'Título "TIT-500-1" não encontrado.'),
  '409': error(
    'immutable_field',
    'O título "TIT-500-1" já existe com outro valor em campo que não pode mudar: amountCents.',
    [
      {
        path: 'amountCents',
        message: 'não pode ser alterado depois de criado (gravado: 150000; recebido: 160000)',
      },
    ],
  ),
  '422': error('reference_not_found', 'Cliente "CLI-000999" não encontrado nesta empresa.', [
    { path: 'customerErpKey', message: 'não encontrado' },
  ]),
  '429': error('too_many_attempts', 'Muitas tentativas de entrar. Aguarde alguns minutos.'),
};
