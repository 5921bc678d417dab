/**
 * CNAB retorno files through the ERP API: a real Itaú CNAB 400 retorno (brcobranca's sample, read from the shared
 * folder, never copied) imported for a portador with an active CNAB integration. Counts are taken from the file
 * itself (a 400 detail record starts with "1"), not from our reader.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegration } from '../../src/store/integrations.js';
import * as schema from '../../src/store/schema.js';
import { startHarness, type Harness } from './harness.js';

const sample = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/cnab-samples/brcobranca-CNAB400ITAU.RET',
);

let h: Harness;
let file: string;

const post = (content: string, portadorErpKey = 'ITAU-109') =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/retornos?portadorErpKey=${portadorErpKey}&fileName=CN01.RET`,
    headers: { authorization: `Bearer ${h.tokens.sul}`, 'content-type': 'text/plain' },
    payload: content,
  });

const retornosOf = (integrationId: string) =>
  h.store.db.select().from(schema.retornos).where(eq(schema.retornos.integrationId, integrationId));

describe('POST /api/v1/retornos (CNAB retorno import)', () => {
  let integrationId: string;

  beforeAll(async () => {
    h = await startHarness();
    file = readFileSync(sample, 'latin1');
    integrationId = (
      await createIntegration(
        h.store.db,
        {
          companyId: h.companies.sul,
          portadorId: h.portadores.sul,
          platform: 'cnab',
          chargeType: 'boleto',
          environment: 'production',
          referenceDate: '2000-01-01',
          options: {
            bank: '341',
            layout: 400,
            portador: {
              companyName: 'Empresa Sul',
              companyDocument: '11222333000181',
              agency: '1234',
              account: '56789',
              accountDigit: '0',
              carteira: '109',
            },
          },
          webhookToken: 'cnab-retorno-import-test-token',
        },
        'test',
      )
    ).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('stores every detail as a retorno record and answers the counts of the file', async () => {
    const lines = file.split(/\r?\n/).filter((line) => line.length > 0);
    const detailLines = lines.filter((line) => line.startsWith('1')).length;
    expect(detailLines).toBeGreaterThan(0);
    const response = await post(file);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      duplicate: false,
      lines: lines.length,
      events: detailLines,
      errors: 0,
    });
    const records = await retornosOf(integrationId);
    expect(records).toHaveLength(detailLines);
    expect(records.every((r) => r.source === 'cnab' && r.situation === 'not_processed')).toBe(true);
  });

  it('the same file again adds nothing and answers the first import', async () => {
    const first = (await retornosOf(integrationId)).length;
    const again = await post(file);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true });
    expect(await retornosOf(integrationId)).toHaveLength(first);
  });

  it('an unreadable line becomes a Falha record carrying the raw line; the readable ones still land', async () => {
    const lines = file.split(/\r?\n/).filter((line) => line.length > 0);
    const broken = lines[1]!.slice(0, 150) + 'X'.repeat(3) + lines[1]!.slice(153);
    // Same length, a letter in a numeric amount column: a different file (new bytes), one bad detail.
    const damaged = [lines[0], broken.replace(/^1/, '1'), ...lines.slice(2)].join('\r\n');
    const before = (await retornosOf(integrationId)).length;
    const response = await post(damaged);
    expect(response.statusCode).toBe(201);
    const body = response.json() as { errors: number };
    expect(body.errors).toBeGreaterThanOrEqual(1);
    const failed = (await retornosOf(integrationId)).filter((r) => r.situation === 'failed');
    expect(failed.length).toBe(body.errors);
    expect((failed[0]!.raw as { raw: string }).raw).toBe(broken);
    expect(failed[0]!.note).toMatch(/linha 2, coluna \d+/);
    expect((await retornosOf(integrationId)).length).toBeGreaterThan(before);
  });

  it('refuses a portador without a CNAB integration, naming portadorErpKey', async () => {
    const response = await post(file, 'NAO-EXISTE');
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields[0].path).toBe('portadorErpKey');
  });
});
