/**
 * The boleto of a título in the console: nosso número and linha digitável computed by the engine from the portador
 * (checked here by the independent parser of src/domain/boleto), the 2ª via PDF, the PIX BR Code of a Boleto
 * Híbrido, the platform's values once it registered the título, and the reasons when there is no boleto.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInSaoPaulo } from '../../src/domain/dates.js';
import { parseBoleto } from '../../src/domain/boleto/index.js';
import { parsePix } from '../../src/domain/pix/index.js';
import { createBankAccount, createPortador } from '../../src/store/banking.js';
import { createIntegration } from '../../src/store/integrations.js';
import { postToLedger } from '../../src/store/ledger.js';
import { lockRemessa, updateRemessa } from '../../src/store/remessas.js';
import { json, startHarness, type Harness } from './harness.js';

let h: Harness;
let cookie: string;
const issueDate = todayInSaoPaulo();
const dueDate = addDays(issueDate, 20);

async function putTitulo(erpKey: string, body: Record<string, unknown>): Promise<string> {
  const response = await h.erpPut('receivables', h.tokens.sul, erpKey, {
    customerErpKey: 'CLI-B',
    document: `PED-${erpKey}`,
    installment: 2,
    issueDate,
    dueDate,
    amountCents: 123_456,
    ...body,
  });
  expect(response.statusCode).toBe(201);
  return json(response).id as string;
}

/** An integration of the portador of título `id` (only what the boleto reads matters here). */
async function integrationOf(
  id: string,
  own: { platform: string; chargeType: string; active: number; webhookToken: string },
) {
  const portadorId = json(await h.asUser(cookie, `/api/receivables/${id}`)).receivable.portadorId as string;
  return createIntegration(
    h.store.db,
    {
      ...own,
      companyId: h.companies.sul,
      portadorId,
      environment: 'sandbox',
      endpointUrl: '',
      realtime: 0,
      referenceDate: issueDate,
      options: {},
      secrets: null,
      feeCents: 0,
      receiptHistoryCode: null,
      entriesHistoryCode: null,
      feesHistoryCode: null,
      notifyUserIds: [],
    },
    'test',
  );
}

const detail = async (id: string) => json(await h.asUser(cookie, `/api/receivables/${id}`)).boleto;
const pdf = (id: string) => h.asUser(cookie, `/api/receivables/${id}/boleto.pdf`);

beforeAll(async () => {
  h = await startHarness();
  const customer = await h.erpPut('customers', h.tokens.sul, 'CLI-B', {
    name: 'Padaria Pão Dourado Ltda.',
    document: '11.222.333/0001-81',
    address: {
      street: 'Rua da Praia',
      number: '10',
      city: 'Porto Alegre',
      state: 'RS',
      postalCode: '90010-000',
    },
  });
  expect(customer.statusCode).toBe(201);
  const account = await createBankAccount(h.store.db, {
    companyId: h.companies.sul,
    erpKey: 'BB-1234',
    bankCode: '001',
    agency: '1234',
    agencyDigit: '3',
    account: '00056789',
    accountDigit: '2',
    pixKeyType: 'email',
    pixKey: 'financeiro@teste.com.br',
  });
  await createPortador(h.store.db, {
    companyId: h.companies.sul,
    erpKey: 'BB-17',
    name: 'BB carteira 17',
    bankAccountId: account.id,
    carteira: '17',
    convenio: '1234567',
  });
  cookie = await h.login(h.emails.operator);
}, 120_000);
afterAll(() => h?.close());

describe('boleto of a título (console)', () => {
  it('computes nosso número and linha digitável from the portador, for the open amount, and serves the 2ª via', async () => {
    const id = await putTitulo('TIT-B1', { number: '4321', portadorErpKey: 'BB-17' });
    const boleto = await detail(id);
    expect(boleto).toMatchObject({
      available: true,
      registered: false,
      nossoNumero: '12345670000432102',
      pixCopyPaste: null,
      pdfUrl: `/api/receivables/${id}/boleto.pdf`,
    });
    const parsed = parseBoleto(boleto.line, { today: issueDate });
    expect(parsed).toMatchObject({ valid: true, bank: '001', amountCents: 123_456, dueDate });

    const response = await pdf(id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="boleto-4321-2.pdf"');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('adds the PIX BR Code of a Boleto Híbrido (hybrid integration, PIX key on the account)', async () => {
    const id = await putTitulo('TIT-B2', { number: '4322', portadorErpKey: 'BB-17' });
    await integrationOf(id, {
      platform: 'cnab',
      chargeType: 'hybrid',
      active: 1,
      webhookToken: 'teste-boleto-hibrido',
    });
    const boleto = await detail(id);
    expect(parsePix(boleto.pixCopyPaste)).toMatchObject({
      valid: true,
      key: 'financeiro@teste.com.br',
      amountCents: 123_456,
    });
    const response = await pdf(id);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it("shows the platform's values once it registered the título, and has no 2ª via of its own", async () => {
    const id = await putTitulo('TIT-B3', { number: '4323', portadorErpKey: 'BB-17' });
    const integration = await integrationOf(id, {
      platform: 'efi',
      chargeType: 'boleto',
      active: 0,
      webhookToken: 'teste-boleto-efi',
    });
    const line = '36490001234567800001234567890128312340000123456';
    await h.store.transaction(async (tx) => {
      const { row } = await lockRemessa(tx, {
        companyId: h.companies.sul,
        receivableId: id,
        integrationId: integration.id,
      });
      await updateRemessa(
        tx,
        row,
        { status: 'sent', chargeId: '987', line, pdfUrl: 'https://efi.example/boleto/987.pdf' },
        { action: 'sent', actor: 'test' },
      );
    });
    expect(await detail(id)).toEqual({
      available: true,
      reason: null,
      registered: true,
      platform: 'efi',
      nossoNumero: '987',
      line: '36490.00123 45678.000012 34567.890128 3 12340000123456',
      pixCopyPaste: null,
      pdfUrl: 'https://efi.example/boleto/987.pdf',
    });
    const response = await pdf(id);
    expect(response.statusCode).toBe(422);
    expect(json(response).error.code).toBe('no_boleto');
  });

  it('says why there is no boleto: no portador, a paid título', async () => {
    const loose = await putTitulo('TIT-B4', { number: '4324' });
    expect(await detail(loose)).toMatchObject({
      available: false,
      reason: 'o título não tem portador',
      line: null,
    });
    expect((await pdf(loose)).statusCode).toBe(422);

    const paid = await putTitulo('TIT-B5', { number: '4325', portadorErpKey: 'BB-17' });
    await postToLedger(h.store.db, {
      receivableId: paid,
      actor: 'test',
      postings: [
        { kind: 'payment', amountCents: 123_456, occurredOn: issueDate, source: 'test', key: 'test:B5' },
      ],
    });
    expect(await detail(paid)).toMatchObject({
      available: false,
      reason: 'título pago: não há boleto a pagar',
    });
  });
});
