/**
 * Banks by CNAB file, both ways, for every bank × layout the registry supports, through the ERP API: títulos sent
 * (Enviar) → the registration job writes one remessa file numbered in the portador's sequence → downloaded
 * (twice, unchanged) and read back with the bank's remessa layout, field by field against what the ERP sent →
 * the bank emulator answers the retorno of that very file (liquidação, with the bank's own occurrence code) →
 * imported by `POST /api/v1/retornos` → processed by the return commands → títulos Pago, open amount 0, the payment,
 * interest and fee on the ledger once.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLayout, listLayouts } from '../../src/domain/cnab/registry.js';
import { readRecords } from '../../src/domain/cnab/reader.js';
import type { CnabWidth, Values } from '../../src/domain/cnab/layout.js';
import { RETURN_COMMAND_ACTION_LABELS } from '../../src/domain/settlement/return-commands.js';
import { bankRetorno, readRemessa } from '../../src/platforms/cnab/emulator/bank.js';
import { cnabDefinition } from '../../src/platforms/cnab/adapter.js';
import { runRegistration } from '../../src/services/registration.js';
import { processRetorno } from '../../src/services/retornos.js';
import { createPortador } from '../../src/store/banking.js';
import { createIntegration } from '../../src/store/integrations.js';
import { remessaOfReceivable } from '../../src/store/remessas.js';
import * as schema from '../../src/store/schema.js';
import { json, startHarness, type Harness } from '../api/harness.js';
import { describeDatabase } from '../support/database.js';

/** A portador as each bank's rules need it (convênio widths, carteira/modalidade codes). */
function portadorOf(bank: string) {
  const convenio: Record<string, string> = { '001': '1234567', '104': '123456', '748': '12345' };
  const carteira: Record<string, string> = { '001': '17', '033': '101', '104': '1', '237': '09', '756': '1' };
  const variation: Record<string, string> = { '001': '019', '748': '03', '756': '01' };
  return {
    companyName: 'Comercio de Pecas Sao Joao Ltda',
    companyDocument: '11222333000181',
    agency: '1234',
    agencyDigit: '5',
    account: '12345',
    accountDigit: '6',
    convenio: convenio[bank] ?? '1234567',
    carteira: carteira[bank] ?? '109',
    variation: variation[bank] ?? '',
  };
}

const customer = {
  name: 'José da Conceição',
  document: '942.715.646-56',
  address: {
    street: 'Rua das Acácias',
    number: '120',
    district: 'Centro',
    city: 'Ouro Preto',
    state: 'MG',
    postalCode: '35400-000',
  },
};

const combos = listLayouts()
  .filter((l) => l.direction === 'remessa')
  .map((l) => ({ bank: l.bank, width: l.width }));

/** What a bank reports per título: paid with interest, and its fee. */
const PAID = [
  { amountCents: 15_000, interestCents: 0, feeCents: 150 },
  { amountCents: 23_456, interestCents: 321, feeCents: 199 },
];

const digitsOnly = (v: unknown) => String(v ?? '').replace(/\D/g, '');
const noLeadingZeros = (v: unknown) =>
  String(v ?? '')
    .trim()
    .replace(/^0+(?=.)/, '');

describe(`CNAB data path, every bank × layout (${describeDatabase()})`, () => {
  let h: Harness;
  const deps = () => ({ ...h.platforms, store: h.store });

  beforeAll(async () => {
    h = await startHarness();
    expect((await h.erpPut('customers', h.tokens.sul, 'CLI-CNAB', customer)).statusCode).toBe(201);
    await h.erpPut('customers', h.tokens.sul, 'CLI-SEM-ENDERECO', {
      name: 'Cliente Sem Endereço',
      document: '529.982.247-25',
    });
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  async function cnabPortador(bank: string, width: CnabWidth, erpKey = `CNAB-${bank}-${width}`) {
    const portador = await createPortador(h.store.db, { companyId: h.companies.sul, erpKey, name: erpKey });
    const integration = await createIntegration(
      h.store.db,
      {
        companyId: h.companies.sul,
        portadorId: portador.id,
        platform: 'cnab',
        chargeType: 'boleto',
        environment: 'production',
        referenceDate: '2026-01-01',
        options: cnabDefinition.optionsSchema.parse({ bank, layout: width, portador: portadorOf(bank) }),
        webhookToken: `cnab-${erpKey}`,
      },
      'test',
    );
    return { erpKey, portador, integration };
  }

  async function putTitulo(
    erpKey: string,
    portadorErpKey: string,
    amountCents: number,
    customerKey = 'CLI-CNAB',
  ) {
    const response = await h.erpPut('receivables', h.tokens.sul, erpKey, {
      customerErpKey: customerKey,
      document: `NF-${erpKey}`,
      number: erpKey,
      issueDate: '2026-12-01',
      dueDate: '2026-12-28',
      amountCents,
      portadorErpKey,
    });
    expect(response.statusCode).toBe(201);
    return json<{ id: string }>(response).id;
  }

  const send = async (receivableIds: string[]) => {
    const response = await h.asErp(h.tokens.sul, '/api/v1/remessas/actions', {
      method: 'POST',
      payload: { action: 'send', receivableIds },
    });
    expect(response.statusCode).toBe(200);
    return json<{ results: { ok: boolean; queued: boolean; message: string | null }[] }>(response);
  };
  const runJob = async (receivableId: string) =>
    runRegistration(deps(), (await remessaOfReceivable(h.store.db, receivableId))!.id, 'job:test');
  const files = async (portadorErpKey: string) =>
    json<{
      items: { id: string; sequence: number; fileName: string; tituloCount: number; amountCents: number }[];
    }>(await h.asErp(h.tokens.sul, `/api/v1/remessa-files?portadorErpKey=${portadorErpKey}`)).items;

  it.each(combos)(
    '$bank CNAB $width: remessa file, read back, retorno, settled',
    async ({ bank, width }) => {
      const { erpKey: portadorKey, integration } = await cnabPortador(bank, width);
      const keys = PAID.map((_, i) => `${bank}${width}-${i + 1}`);
      const ids = [];
      for (const [i, key] of keys.entries())
        ids.push(await putTitulo(key, portadorKey, PAID[i]!.amountCents));

      // Enviar → one job writes one file for the selection.
      expect((await send(ids)).results.every((r) => r.ok && r.queued)).toBe(true);
      for (const id of ids) await runJob(id);
      const [file, ...others] = await files(portadorKey);
      expect(others).toEqual([]);
      expect(file).toMatchObject({
        sequence: 1,
        tituloCount: 2,
        amountCents: PAID[0]!.amountCents + PAID[1]!.amountCents,
      });

      const download = await h.asErp(h.tokens.sul, `/api/v1/remessa-files/${file!.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toBe(`attachment; filename="${file!.fileName}"`);
      const again = await h.asErp(h.tokens.sul, `/api/v1/remessa-files/${file!.id}`);
      expect(again.rawPayload.equals(download.rawPayload)).toBe(true);
      const content = download.rawPayload.toString('latin1');

      const registrations = [];
      for (const key of keys) {
        const body = json<{ registration: { status: string; nossoNumero: string; chargeId: string } }>(
          await h.asErp(h.tokens.sul, `/api/v1/receivables/${key}`),
        );
        expect(body.registration.status).toBe('sent');
        registrations.push(body.registration);
      }
      const listed = json<{ items: { erpKey: string; status: string; remessaFileNumber: number | null }[] }>(
        await h.asErp(h.tokens.sul, `/api/v1/remessas?q=${bank}${width}-`),
      ).items;
      expect(listed.map((i) => [i.status, i.remessaFileNumber])).toEqual([
        ['sent', 1],
        ['sent', 1],
      ]);

      // Field by field, with the bank's remessa layout.
      const layout = findLayout(bank, width, 'remessa')!;
      const records = readRecords(layout, content);
      const errors = records.filter((r) => 'type' in r);
      expect(errors).toEqual([]);
      const read = records as { record: string; values: Values }[];
      const header = read.find((r) => r.record === 'fileHeader')!.values;
      expect(digitsOnly(header.bankCode ?? bank)).toBe(bank);
      if ('fileNumber' in header) expect(Number(header.fileNumber)).toBe(1);
      if ('companyDocument' in header) expect(noLeadingZeros(header.companyDocument)).toBe('11222333000181');
      const hasField = (record: string, name: string) =>
        layout.records.find((r) => r.name === record)!.fields.some((f) => f.name === name);
      // A título's records: its first record (the one with the nosso número) and those after it up to the next.
      const first = layout.remessa!.perTitulo[0]!.record;
      const perTituloNames = new Set(layout.remessa!.perTitulo.map((s) => s.record));
      const groups: { record: string; values: Values }[][] = [];
      for (const r of read)
        if (r.record === first) groups.push([r]);
        else if (perTituloNames.has(r.record)) groups.at(-1)!.push(r);
      expect(groups).toHaveLength(2);
      for (const own of groups) {
        const carrier = own[0]!;
        const values = Object.assign({}, ...own.map((r) => r.values)) as Values;
        const i = registrations.findIndex((r) => r.nossoNumero === String(carrier.values.nossoNumero).trim());
        expect(i).toBeGreaterThanOrEqual(0);
        const registration = registrations[i]!;
        const has = (name: string) => own.some((r) => hasField(r.record, name));
        if (has('companyUse')) expect(String(values.companyUse).trim()).toBe(registration.chargeId);
        expect(values.amountCents).toBe(PAID[i]!.amountCents);
        expect(values.dueDate).toBe('2026-12-28');
        if (has('issueDate')) expect(values.issueDate).toBe('2026-12-01');
        expect(noLeadingZeros(values.movementCode)).toBe(
          noLeadingZeros(layout.remessa!.movementCodes.register),
        );
        expect(noLeadingZeros(values.payerDocument)).toBe('94271564656');
        expect(String(values.payerName).trim()).toBe('JOSE DA CONCEICAO');
        if (has('payerZip')) expect(digitsOnly(values.payerZip)).toBe('35400000');
        if (has('payerState')) expect(String(values.payerState).trim()).toBe('MG');
      }

      // The bank answers the retorno of that file: both paid, with interest and fee.
      const remessa = readRemessa(bank, width, content);
      const retorno = bankRetorno({
        bank,
        layout: width,
        portador: remessa.header,
        fileNumber: 1,
        occurredOn: '2026-12-20',
        creditedOn: '2026-12-21',
        titulos: remessa.titulos.map((t) => {
          // In file order (the títulos' ids): each is told apart by its amount.
          const paid = PAID.find((p) => p.amountCents === t.amountCents)!;
          return {
            ...t,
            action: 'settle' as const,
            paidCents: t.amountCents + paid.interestCents,
            interestCents: paid.interestCents,
            feeCents: paid.feeCents,
          };
        }),
      });
      const imported = await h.asErp(h.tokens.sul, `/api/v1/retornos?portadorErpKey=${portadorKey}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        payload: retorno as unknown as object,
      });
      expect(imported.statusCode).toBe(201);
      expect(json(imported)).toMatchObject({ events: 2, errors: 0 });

      const stored = await h.store.db
        .select()
        .from(schema.retornos)
        .where(eq(schema.retornos.integrationId, integration.id));
      expect(stored).toHaveLength(2);
      for (const row of stored) {
        const processed = await processRetorno(h.store, row.id, 'job:test');
        expect([processed!.situation, processed!.note]).toEqual([
          'processed',
          `${processed!.note!.slice(0, 2)}: ${RETURN_COMMAND_ACTION_LABELS.settle}`,
        ]);
      }
      for (const [i, key] of keys.entries()) {
        const body = json<{ status: string; openAmountCents: number; registration: { status: string } }>(
          await h.asErp(h.tokens.sul, `/api/v1/receivables/${key}`),
        );
        expect([body.status, body.openAmountCents, body.registration.status]).toEqual(['paid', 0, 'paid']);
        const movements = json<{ items: { kind: string; amountCents: number }[] }>(
          await h.asErp(h.tokens.sul, `/api/v1/receivables/${key}/movements`),
        ).items.filter((m) => m.kind !== 'created');
        const byKind = Object.fromEntries(movements.map((m) => [m.kind, m.amountCents]));
        expect(byKind).toEqual({
          payment: PAID[i]!.amountCents,
          fee: PAID[i]!.feeCents,
          ...(PAID[i]!.interestCents > 0 ? { interest: PAID[i]!.interestCents } : {}),
        });
      }
      // Processing again posts nothing more.
      for (const row of stored) await processRetorno(h.store, row.id, 'job:test');
      const total = await h.store.db
        .select()
        .from(schema.receivableMovements)
        .where(eq(schema.receivableMovements.receivableId, ids[1]!));
      expect(total.filter((m) => m.kind !== 'created')).toHaveLength(3);
    },
    120_000,
  );

  describe('numbering and refusals (Itaú CNAB 400)', () => {
    let portadorKey = '';
    beforeAll(async () => {
      portadorKey = (await cnabPortador('341', 400, 'ITAU-NUMERACAO')).erpKey;
    });

    it('a título whose customer has no address is Falha ERP naming it; the others go in the file', async () => {
      const good = await putTitulo('ITAU-OK-1', portadorKey, 1_000);
      const bad = await putTitulo('ITAU-SEM-END', portadorKey, 2_000, 'CLI-SEM-ENDERECO');
      await send([good, bad]);
      await runJob(good);
      const failed = json<{ registration: { status: string; lastError: string } }>(
        await h.asErp(h.tokens.sul, '/api/v1/receivables/ITAU-SEM-END'),
      ).registration;
      expect(failed).toMatchObject({
        status: 'erp_failed',
        lastError: 'Falta: endereço completo do cliente.',
      });
      const [file] = await files(portadorKey);
      expect(file).toMatchObject({ sequence: 1, tituloCount: 1, amountCents: 1_000 });
    });

    it('jobs of one portador running together write one file; the next file takes the next number', async () => {
      const ids = [];
      for (const n of [1, 2, 3]) ids.push(await putTitulo(`ITAU-LOTE-${n}`, portadorKey, 100 * n));
      await send(ids);
      await Promise.all(ids.map((id) => runJob(id)));
      const after = await files(portadorKey);
      expect(after.map((f) => [f.sequence, f.tituloCount])).toEqual([
        [2, 3],
        [1, 1],
      ]);
      // Sent títulos are not sent again; a resend of a sent título queues nothing.
      expect((await send(ids)).results.every((r) => r.ok && !r.queued)).toBe(true);
      expect(await files(portadorKey)).toHaveLength(2);
    });

    it('the console lists and downloads the same files; another company cannot', async () => {
      const cookie = await h.login(h.emails.operator);
      const list = json<{ items: { id: string; sequence: number }[] }>(
        await h.asUser(
          cookie,
          `/api/remessa-files?companyId=${h.companies.sul}&portadorErpKey=${portadorKey}`,
        ),
      );
      expect(list.items.map((f) => f.sequence)).toEqual([2, 1]);
      const erp = await h.asErp(h.tokens.sul, `/api/v1/remessa-files/${list.items[0]!.id}`);
      const consoleDownload = await h.asUser(cookie, `/api/remessa-files/${list.items[0]!.id}`);
      expect(consoleDownload.rawPayload.equals(erp.rawPayload)).toBe(true);
      expect((await h.asErp(h.tokens.other, `/api/v1/remessa-files/${list.items[0]!.id}`)).statusCode).toBe(
        404,
      );
    });
  });
});
