import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBoleto } from '../../src/domain/boleto/index.js';
import { parsePix } from '../../src/domain/pix/index.js';
import { prepareBoleto, renderBoletoPdf } from '../../src/pdf/boleto.js';
import { itfElements, MM } from '../../src/pdf/itf.js';
import {
  boletoDocumentListSchema,
  boletoDocumentSchema,
  describeIssues,
  type BoletoDocument,
  type BoletoDocumentInput,
} from '../../src/pdf/schema.js';
import { barcodesOnPage, decodeItf, pageContents, qrCodesOnPage } from './pdf-reader.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const base: BoletoDocumentInput = {
  bankCode: '341',
  beneficiary: {
    name: 'Comércio Exemplo Ltda',
    document: '11.222.333/0001-81',
    address: 'Rua A, 1, São Paulo/SP',
  },
  payer: { name: 'José da Silva', document: '111.444.777-35', address: 'Av. B, 2, Campinas/SP' },
  account: { agency: '1234', account: '12345', carteira: '109' },
  nossoNumero: '12345678',
  documentNumber: 'NF 1/1',
  issueDate: '2026-11-20',
  dueDate: '2026-12-10',
  amountCents: 123456,
  instructions: ['Não receber após 30 dias.'],
};

function doc(overrides: Partial<BoletoDocumentInput> = {}): BoletoDocument {
  return boletoDocumentSchema.parse({ ...base, ...overrides });
}

describe('boleto PDF (single page with recibo)', () => {
  it('draws an ITF that decodes back to the same 44 digits, at the FEBRABAN size', async () => {
    const d = doc();
    const expected = prepareBoleto(d).boleto.barcode;
    const pages = pageContents(await renderBoletoPdf([d], { compress: false }));
    expect(pages).toHaveLength(1);
    const barcodes = barcodesOnPage(pages[0]!);
    expect(barcodes).toHaveLength(1);
    const [bar] = barcodes;
    expect(bar!.digits).toBe(expected);
    // And the decoded digits are a valid boleto for the same amount and due date (boleto core's parser).
    const parsed = parseBoleto(bar!.digits, { today: d.issueDate });
    expect(parsed).toMatchObject({ valid: true, amountCents: 123456, dueDate: '2026-12-10', bank: '341' });
    // FEBRABAN: narrow 0.254 mm, wide = 3 × narrow, height 13 mm, total ≈ 103 mm.
    expect(bar!.narrow / MM).toBeCloseTo(0.254, 2);
    expect(bar!.wide / bar!.narrow).toBeCloseTo(3, 1);
    expect(bar!.height / MM).toBeCloseTo(13, 1);
    expect(bar!.width / MM).toBeGreaterThan(102);
    expect(bar!.width / MM).toBeLessThan(104);
    // The reader is not blind: widening one narrow bar changes or breaks the decoding.
    const path = pages[0]!.paths.find(
      (p) => p.rects.length > 40 && p.rects.every((r) => Math.abs(r.h - 36.85) < 0.1),
    )!;
    const tampered = path.rects.map((r) => ({ ...r }));
    const victim = tampered.find((r, i) => i > 2 && r.w < bar!.narrow * 1.5)!;
    victim.w = bar!.wide;
    let after = '';
    try {
      after = decodeItf(tampered).digits;
    } catch {
      after = 'erro';
    }
    expect(after).not.toBe(expected);
  });

  it('prints the bank code and the labels of the ficha (the linha digitável: see each printed copy below)', async () => {
    const d = doc();
    const prepared = prepareBoleto(d);
    const [page] = pageContents(await renderBoletoPdf([d], { compress: false }));
    for (const label of [
      '341-7',
      'Recibo do Pagador',
      'Local de pagamento',
      'Vencimento',
      '10/12/2026',
      'Beneficiário',
      'Agência / Código do beneficiário',
      'Nosso número',
      prepared.boleto.nossoNumero.formatted,
      '(=) Valor do documento',
      'R$ 1.234,56',
      'Instruções',
      'Pagador',
      'Sacador/Avalista',
      '111.444.777-35',
      '11.222.333/0001-81',
    ])
      expect(page!.text, label).toContain(label);
    expect(page!.text).not.toContain('Pague com Pix');
    expect(qrCodesOnPage(page!)).toEqual([]);
  });

  it('boleto híbrido: the QR decodes (jsQR) to a valid BR Code with the boleto amount', async () => {
    const d = doc({ pix: { key: '11222333000181', city: 'São Paulo', txid: 'NF1' } });
    const [page] = pageContents(await renderBoletoPdf([d], { compress: false }));
    const qrs = qrCodesOnPage(page!);
    expect(qrs).toHaveLength(1);
    const pix = parsePix(qrs[0]!);
    expect(pix).toMatchObject({
      valid: true,
      key: '11222333000181',
      amountCents: 123456,
      merchantName: 'Comercio Exemplo Ltda',
      merchantCity: 'Sao Paulo',
      txid: 'NF1',
    });
    expect(page!.text).toContain('Pague com Pix');
  });

  it('boleto híbrido with a given payload draws exactly that payload', async () => {
    // BCB manual's dynamic example (CRC 64E4).
    const payload =
      '00020101021226700014br.gov.bcb.pix2548pix.example.com/8b3da2f39a4140d1a91abd93113bd4415204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***630464E4';
    const [page] = pageContents(await renderBoletoPdf([doc({ pix: { payload } })], { compress: false }));
    expect(qrCodesOnPage(page!)).toEqual([payload]);
  });

  it('refuses an invalid PIX payload naming the título and the tag', async () => {
    const bad = doc({
      pix: {
        payload:
          '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3E',
      },
    });
    await expect(renderBoletoPdf([doc(), bad])).rejects.toThrow(/^título 2: pix.payload: tag 63 \(CRC\)/);
  });
});

describe('each printed copy of a single boleto, read on its own', () => {
  // kivanio/brcobranca itau_spec (carteira 109, due after the 2025 factor restart; also a vector in
  // test/domain/boleto/banks.test.ts): the barcode and linha digitável that implementation publishes for this título.
  const published = {
    barcode: '34194254800006757871090001015271248021246000',
    line: '34191.09008 01015.271248 80212.460002 4 25480000675787',
  };
  const d = doc({
    account: { agency: '1248', account: '02124', carteira: '109' },
    nossoNumero: '00010152',
    dueDate: '2029-05-20',
    amountCents: 675787,
  });

  /** The page's text pieces split at the printed cut line: the recibo above it, the ficha below (PDF y grows up). */
  async function copies() {
    const [page] = pageContents(await renderBoletoPdf([d], { compress: false }));
    const cut = page!.texts.find((t) => t.text === 'Corte na linha pontilhada');
    if (!cut) throw new Error('linha de corte não impressa');
    return {
      page: page!,
      recibo: page!.texts.filter((t) => t.y > cut.y),
      ficha: page!.texts.filter((t) => t.y < cut.y),
    };
  }

  it('the recibo do pagador prints the published linha digitável', async () => {
    const { recibo } = await copies();
    expect(recibo.map((t) => t.text)).toContain('Recibo do Pagador');
    expect(recibo.map((t) => t.text)).toContain(published.line);
  });

  it('the ficha de compensação prints the published linha digitável in its header, beside the bank code', async () => {
    const { ficha } = await copies();
    const bankCode = ficha.find((t) => t.text === '341-7');
    const line = ficha.find((t) => t.text === published.line);
    expect(bankCode, 'código do banco na ficha').toBeDefined();
    expect(line, 'linha digitável na ficha').toBeDefined();
    expect(Math.abs(line!.y - bankCode!.y)).toBeLessThan(3);
  });

  it("the ficha's barcode decodes to the published barcode", async () => {
    const { page } = await copies();
    expect(barcodesOnPage(page).map((b) => b.digits)).toEqual([published.barcode]);
  });
});

describe('carnê PDF (three installments per page)', () => {
  it('puts 3 installments per A4 page and every barcode decodes to its installment, in order', async () => {
    const installments = Array.from({ length: 7 }, (_, i) =>
      doc({
        nossoNumero: String(1000 + i),
        dueDate: `2027-0${i + 1}-10`,
        amountCents: 10000 + i,
        installment: { number: i + 1, total: 7 },
        ...(i % 2 === 0 ? { pix: { key: 'financeiro@example.com', city: 'Recife' } } : {}),
      }),
    );
    const pages = pageContents(await renderBoletoPdf(installments, { carne: true, compress: false }));
    expect(pages).toHaveLength(3);
    const decoded = pages.flatMap((p) =>
      barcodesOnPage(p)
        .sort((a, b) => a.y - b.y)
        .map((b) => b.digits),
    );
    expect(decoded).toEqual(installments.map((i) => prepareBoleto(i).boleto.barcode));
    // Installments 1, 3, 5, 7 are híbridos: their QR codes carry their own amounts.
    const amounts = pages.flatMap((p) => qrCodesOnPage(p).map((q) => parsePix(q).amountCents));
    expect(amounts.sort()).toEqual([10000, 10002, 10004, 10006]);
    expect(pages[0]!.text).toContain('1/7');
    expect(pages[2]!.text).toContain('7/7');
  });
});

describe('ITF input and titles.json schema', () => {
  it('insists on exactly 44 digits (bwip-js would silently pad 43)', () => {
    expect(() => itfElements('3'.repeat(43))).toThrow(/44 dígitos/);
    expect(() => itfElements('3'.repeat(45))).toThrow(/44 dígitos/);
    expect(itfElements('0'.repeat(44))).toHaveLength(4 + 44 * 5 + 3);
  });

  it('accepts docs/examples/titles.json', () => {
    const json = JSON.parse(readFileSync(path.join(repoRoot, 'docs/examples/titles.json'), 'utf8'));
    const parsed = boletoDocumentListSchema.safeParse(json);
    expect(parsed.success ? [] : describeIssues(parsed.error)).toEqual([]);
  });

  it('names the título and the field in pt-BR', () => {
    const result = boletoDocumentListSchema.safeParse([
      base,
      { ...base, payer: { name: 'X', document: '111.444.777-36' }, pix: { key: 'a@b.com' } },
    ]);
    expect(result.success).toBe(false);
    if (result.success) return;
    const text = describeIssues(result.error);
    expect(text).toContain('título 2, payer.document: CPF com dígito verificador inválido');
    expect(text).toContain('título 2, pix.city: pix.city é obrigatório quando pix.key é informado');
    expect(text).not.toContain('título 1');
  });
});
