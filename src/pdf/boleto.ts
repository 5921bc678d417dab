/**
 * Boleto and carnê PDFs. Layout after the FEBRABAN ficha de compensação as banks print it: bank area with
 * the bank code and its check digit (e.g. "341-7"), linha digitável, local de pagamento, vencimento,
 * beneficiário, agência/código do beneficiário, nosso número, valores, instruções, pagador, sacador/avalista,
 * and the ITF barcode at its normative size (see itf.ts). A single boleto page carries the recibo do pagador
 * above the ficha; a carnê page carries three installments, each a canhoto (stub) beside a ficha.
 * Boleto híbrido: the BR Code is drawn as a QR code labelled "Pague com Pix".
 */
import PDFDocument from 'pdfkit';
import { bankProfile } from '../domain/banks/registry.js';
import { makeBankBoleto, type BankBoleto } from '../domain/boleto/index.js';
import { formatDateBR } from '../domain/dates.js';
import { formatDocument } from '../domain/documents/index.js';
import { formatBRL } from '../domain/money.js';
import { makeStaticPix, parsePix, toPixText } from '../domain/pix/index.js';
import { drawItf, ITF_HEIGHT_MM, MM } from './itf.js';
import { drawQr } from './qr.js';
import type { BoletoDocument } from './schema.js';

export interface PreparedBoleto {
  document: BoletoDocument;
  boleto: BankBoleto;
  /** "341-7" */
  bankLabel: string;
  pixPayload?: string;
}

export class BoletoPdfError extends Error {
  override name = 'BoletoPdfError';
}

/** Computes barcode, linha digitável, nosso número and the PIX payload of one boleto document. */
export function prepareBoleto(document: BoletoDocument): PreparedBoleto {
  const boleto = makeBankBoleto(
    {
      bankCode: document.bankCode,
      dueDate: document.dueDate,
      amountCents: document.amountCents,
      beneficiary: document.account,
      nossoNumero: document.nossoNumero,
    },
    { today: document.issueDate },
  );
  const dv = bankProfile(boleto.bank)?.codeDv ?? '';
  const prepared: PreparedBoleto = { document, boleto, bankLabel: dv ? `${boleto.bank}-${dv}` : boleto.bank };
  const pix = document.pix;
  if (pix?.payload !== undefined) {
    const parsed = parsePix(pix.payload);
    if (!parsed.valid) throw new BoletoPdfError(`pix.payload: ${parsed.errors.join('; ')}`);
    prepared.pixPayload = pix.payload.trim();
  } else if (pix?.key !== undefined) {
    prepared.pixPayload = makeStaticPix({
      key: pix.key,
      amountCents: document.amountCents,
      merchantName: toPixText(document.beneficiary.name).slice(0, 25).trim(),
      merchantCity: toPixText(pix.city ?? '')
        .slice(0, 15)
        .trim(),
      txid: pix.txid,
    });
  }
  return prepared;
}

export interface RenderOptions {
  /** Three installments per A4 page (canhoto + ficha) instead of one boleto per page with recibo. */
  carne?: boolean;
  /** pdfkit stream compression (default true); tests turn it off to read the content stream. */
  compress?: boolean;
  /** Doubts the boleto rules raised without stopping (e.g. a typed account DV that does not match). */
  onWarning?: (message: string) => void;
}

/** Renders boleto documents to a PDF. Errors name the título (1-based) and the field, in pt-BR. */
export async function renderBoletoPdf(
  documents: readonly BoletoDocument[],
  options: RenderOptions = {},
): Promise<Buffer> {
  const prepared = documents.map((document, index) => {
    try {
      const prepared = prepareBoleto(document);
      for (const warning of prepared.boleto.warnings)
        options.onWarning?.(`título ${index + 1}: ${warning.message}`);
      return prepared;
    } catch (error) {
      throw new BoletoPdfError(
        `título ${index + 1}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    compress: options.compress ?? true,
    info: { Title: options.carne ? 'Carnê' : 'Boleto', Creator: 'finconsole' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  if (options.carne) {
    for (let i = 0; i < prepared.length; i += 3) {
      pdf.addPage();
      prepared.slice(i, i + 3).forEach((p, slot) => drawCarneInstallment(pdf, p, slot));
    }
  } else {
    for (const p of prepared) {
      pdf.addPage();
      drawSingleBoleto(pdf, p);
    }
  }
  pdf.end();
  return done;
}

// ---------------------------------------------------------------- drawing primitives

const LINE = 0.6;
const LABEL_SIZE = 5.5;
const GRAY = '#333333';

function fitText(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  opts: { size: number; bold?: boolean; align?: 'left' | 'right' | 'center'; minSize?: number },
): void {
  const font = opts.bold ? 'Helvetica-Bold' : 'Helvetica';
  doc.font(font).fontSize(opts.size);
  // Text width grows linearly with the font size: one measurement gives the size that fits.
  const measured = doc.widthOfString(text);
  const min = opts.minSize ?? Math.min(5, opts.size);
  let shown = text;
  if (measured > width) {
    const size = Math.max(min, Math.floor(((opts.size * width) / measured) * 4) / 4);
    doc.fontSize(size);
    if (doc.widthOfString(shown) > width) {
      while (shown.length > 1 && doc.widthOfString(`${shown}…`) > width) shown = shown.slice(0, -1);
      shown = `${shown}…`;
    }
  }
  // Alignment is computed here so pdfkit can skip its line-wrapping engine (the costliest part of a carnê).
  const shownWidth = shown === text && measured <= width ? measured : doc.widthOfString(shown);
  const free = Math.max(0, width - shownWidth);
  const left = opts.align === 'right' ? x + free : opts.align === 'center' ? x + free / 2 : x;
  doc.text(shown, left, y, { lineBreak: false });
}

interface Cell {
  label: string;
  value?: string;
  width: number;
  align?: 'left' | 'right' | 'center';
  bold?: boolean;
}

/** A row of labelled cells with borders; value printed under the label. */
function row(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  height: number,
  cells: readonly Cell[],
  valueSize: number,
): void {
  let cx = x;
  for (const cell of cells) {
    doc.lineWidth(LINE).strokeColor('black').rect(cx, y, cell.width, height).stroke();
    doc.fillColor(GRAY);
    fitText(doc, cell.label, cx + 2, y + 1.5, cell.width - 4, { size: LABEL_SIZE });
    if (cell.value !== undefined && cell.value !== '') {
      doc.fillColor('black');
      fitText(doc, cell.value, cx + 2, y + height - valueSize - 2, cell.width - 4, {
        size: valueSize,
        bold: cell.bold,
        align: cell.align,
      });
    }
    cx += cell.width;
  }
}

function party(name: string, document: string | undefined): string {
  return document ? `${name} — ${safeFormat(document)}` : name;
}

function safeFormat(document: string): string {
  try {
    return formatDocument(document);
  } catch {
    return document;
  }
}

function agencyCode(p: PreparedBoleto): string {
  const a = p.document.account;
  return `${a.agency} / ${a.convenio ?? a.account}`;
}

/** Bank area + code + linha digitável, as in every ficha header. */
function header(
  doc: PDFKit.PDFDocument,
  p: PreparedBoleto,
  x: number,
  y: number,
  width: number,
  height: number,
  rightText: string,
  rightSize: number,
): void {
  const bankW = Math.min(120, width * 0.28);
  const codeW = 46;
  doc.fillColor('black');
  fitText(doc, p.boleto.bankName, x + 2, y + height - 14, bankW - 4, { size: 12, bold: true });
  doc.lineWidth(1.5).strokeColor('black');
  doc
    .moveTo(x + bankW, y + 3)
    .lineTo(x + bankW, y + height)
    .moveTo(x + bankW + codeW, y + 3)
    .lineTo(x + bankW + codeW, y + height)
    .stroke();
  fitText(doc, p.bankLabel, x + bankW, y + height - 16, codeW, { size: 14, bold: true, align: 'center' });
  fitText(doc, rightText, x + bankW + codeW + 4, y + height - rightSize - 3, width - bankW - codeW - 6, {
    size: rightSize,
    bold: true,
    align: 'right',
  });
  doc
    .lineWidth(1.5)
    .moveTo(x, y + height)
    .lineTo(x + width, y + height)
    .stroke();
}

function instructionsText(p: PreparedBoleto): string[] {
  const lines = [...p.document.instructions];
  if (p.document.installment)
    lines.unshift(`Parcela ${p.document.installment.number}/${p.document.installment.total}`);
  return lines;
}

/**
 * The ficha de compensação at (x, y). Returns the y just below the barcode.
 * `compact` is the carnê variant (shorter rows, fewer value boxes).
 */
function ficha(
  doc: PDFKit.PDFDocument,
  p: PreparedBoleto,
  x: number,
  y: number,
  width: number,
  compact: boolean,
): number {
  const d = p.document;
  const b = p.boleto;
  const rowH = compact ? 18 : 22;
  const valueSize = compact ? 7.5 : 8.5;
  const rc = compact ? 40 * MM : 45 * MM;
  const left = width - rc;
  let cy = y;
  header(doc, p, x, cy, width, compact ? 20 : 24, b.formattedLine, compact ? 8.5 : 10.5);
  cy += compact ? 20 : 24;
  row(
    doc,
    x,
    cy,
    rowH,
    [
      { label: 'Local de pagamento', value: d.paymentPlace, width: left },
      { label: 'Vencimento', value: formatDateBR(d.dueDate), width: rc, align: 'right', bold: true },
    ],
    valueSize,
  );
  cy += rowH;
  const beneficiary =
    party(d.beneficiary.name, d.beneficiary.document) +
    (d.beneficiary.address && !compact ? ` — ${d.beneficiary.address}` : '');
  row(
    doc,
    x,
    cy,
    rowH,
    [
      { label: 'Beneficiário', value: beneficiary, width: left },
      { label: 'Agência / Código do beneficiário', value: agencyCode(p), width: rc, align: 'right' },
    ],
    valueSize,
  );
  cy += rowH;
  const w6 = left / 6;
  row(
    doc,
    x,
    cy,
    rowH,
    [
      { label: 'Data do documento', value: formatDateBR(d.issueDate), width: w6 * 1.2 },
      { label: 'Nº do documento', value: d.documentNumber, width: w6 * 1.5 },
      { label: 'Espécie doc.', value: d.documentKind, width: w6 * 0.8 },
      { label: 'Aceite', value: d.acceptance, width: w6 * 0.5 },
      { label: 'Data processamento', value: formatDateBR(d.issueDate), width: w6 * 2 },
      { label: 'Nosso número', value: b.nossoNumero.formatted, width: rc, align: 'right' },
    ],
    valueSize,
  );
  cy += rowH;
  row(
    doc,
    x,
    cy,
    rowH,
    [
      { label: 'Uso do banco', width: w6 * 1.2 },
      { label: 'Carteira', value: d.account.carteira ?? '', width: w6 * 0.8 },
      { label: 'Espécie', value: 'R$', width: w6 * 0.7 },
      { label: 'Quantidade', width: w6 * 1.5 },
      { label: '(x) Valor', width: w6 * 1.8 },
      {
        label: '(=) Valor do documento',
        value: formatBRL(d.amountCents),
        width: rc,
        align: 'right',
        bold: true,
      },
    ],
    valueSize,
  );
  cy += rowH;
  const valueBoxes = compact
    ? ['(-) Desconto / Abatimento', '(-) Outras deduções', '(+) Mora / Multa', '(=) Valor cobrado']
    : [
        '(-) Desconto / Abatimento',
        '(-) Outras deduções',
        '(+) Mora / Multa',
        '(+) Outros acréscimos',
        '(=) Valor cobrado',
      ];
  const boxH = compact ? 15 : 20;
  const instrH = boxH * valueBoxes.length;
  doc.lineWidth(LINE).rect(x, cy, left, instrH).stroke();
  doc.fillColor(GRAY);
  fitText(doc, 'Instruções (texto de responsabilidade do beneficiário)', x + 2, cy + 1.5, left - 4, {
    size: LABEL_SIZE,
  });
  doc
    .fillColor('black')
    .font('Helvetica')
    .fontSize(compact ? 6.5 : 7.5);
  const lineGap = compact ? 8 : 9.5;
  instructionsText(p)
    .slice(0, Math.floor((instrH - 10) / lineGap))
    .forEach((text, i) =>
      fitText(doc, text, x + 3, cy + 9 + i * lineGap, left - 6, { size: compact ? 6.5 : 7.5 }),
    );
  valueBoxes.forEach((label, i) =>
    row(doc, x + left, cy + i * boxH, boxH, [{ label, width: rc }], valueSize),
  );
  cy += instrH;
  const payerH = compact ? 34 : 40;
  doc.lineWidth(LINE).rect(x, cy, width, payerH).stroke();
  doc.fillColor(GRAY);
  fitText(doc, 'Pagador', x + 2, cy + 1.5, 60, { size: LABEL_SIZE });
  doc.fillColor('black');
  fitText(doc, party(d.payer.name, d.payer.document), x + 3, cy + 8, width - 6, {
    size: valueSize,
    bold: true,
  });
  if (d.payer.address)
    fitText(doc, d.payer.address, x + 3, cy + 8 + valueSize + 1.5, width - 6, { size: valueSize - 1 });
  doc.fillColor(GRAY);
  const guarantor = d.guarantor ? party(d.guarantor.name ?? '', d.guarantor.document) : '';
  fitText(doc, `Sacador/Avalista: ${guarantor}`, x + 3, cy + payerH - 8, width - 6, { size: 6 });
  cy += payerH;
  doc.fillColor(GRAY);
  fitText(doc, 'Autenticação mecânica — Ficha de Compensação', x + width / 2, cy + 1.5, width / 2 - 2, {
    size: 6,
    align: 'right',
  });
  doc.fillColor('black');
  const barTop = cy + 10;
  drawItf(doc, b.barcode, x, barTop);
  return barTop + ITF_HEIGHT_MM * MM;
}

function pixBox(doc: PDFKit.PDFDocument, payload: string, x: number, y: number, size: number): void {
  doc.fillColor('black');
  fitText(doc, 'Pague com Pix', x, y, size, { size: 8, bold: true, align: 'center' });
  drawQr(doc, payload, x, y + 10, size);
}

// ---------------------------------------------------------------- single boleto page

const PAGE_W = 595.28;

function drawSingleBoleto(doc: PDFKit.PDFDocument, p: PreparedBoleto): void {
  const d = p.document;
  const width = 180 * MM;
  const x = (PAGE_W - width) / 2;
  const rc = 45 * MM;
  const left = width - rc;
  let y = 12 * MM;
  // Recibo do pagador
  header(doc, p, x, y, width, 24, 'Recibo do Pagador', 10);
  y += 24;
  const rowH = 22;
  const size = 8.5;
  const leftFields = p.pixPayload ? left - 36 * MM : left;
  const startY = y;
  row(
    doc,
    x,
    y,
    rowH,
    [{ label: 'Beneficiário', value: party(d.beneficiary.name, d.beneficiary.document), width: leftFields }],
    size,
  );
  row(
    doc,
    x + left,
    y,
    rowH,
    [{ label: 'Vencimento', value: formatDateBR(d.dueDate), width: rc, align: 'right', bold: true }],
    size,
  );
  y += rowH;
  row(
    doc,
    x,
    y,
    rowH,
    [{ label: 'Endereço do beneficiário', value: d.beneficiary.address ?? '', width: leftFields }],
    size,
  );
  row(
    doc,
    x + left,
    y,
    rowH,
    [{ label: 'Agência / Código do beneficiário', value: agencyCode(p), width: rc, align: 'right' }],
    size,
  );
  y += rowH;
  row(
    doc,
    x,
    y,
    rowH,
    [{ label: 'Pagador', value: party(d.payer.name, d.payer.document), width: leftFields }],
    size,
  );
  row(
    doc,
    x + left,
    y,
    rowH,
    [{ label: 'Nosso número', value: p.boleto.nossoNumero.formatted, width: rc, align: 'right' }],
    size,
  );
  y += rowH;
  const q = leftFields / 4;
  row(
    doc,
    x,
    y,
    rowH,
    [
      { label: 'Nº do documento', value: d.documentNumber, width: q },
      { label: 'Data do documento', value: formatDateBR(d.issueDate), width: q },
      { label: 'Espécie doc.', value: d.documentKind, width: q },
      { label: 'Carteira', value: d.account.carteira ?? '', width: q },
    ],
    size,
  );
  row(
    doc,
    x + left,
    y,
    rowH,
    [
      {
        label: '(=) Valor do documento',
        value: formatBRL(d.amountCents),
        width: rc,
        align: 'right',
        bold: true,
      },
    ],
    size,
  );
  y += rowH;
  row(
    doc,
    x,
    y,
    rowH,
    [{ label: 'Linha digitável', value: p.boleto.formattedLine, width: leftFields, bold: true }],
    size,
  );
  row(doc, x + left, y, rowH, [{ label: '(=) Valor cobrado', width: rc }], size);
  y += rowH;
  if (p.pixPayload) {
    const qrSize = 33 * MM;
    const qx = x + leftFields + (left - leftFields - qrSize) / 2;
    pixBox(doc, p.pixPayload, qx, startY + 2, qrSize);
    doc.fillColor(GRAY);
    fitText(
      doc,
      'Pix Copia e Cola no app do seu banco',
      x + leftFields,
      startY + 14 + qrSize,
      left - leftFields,
      {
        size: 5.5,
        align: 'center',
      },
    );
  }
  doc.fillColor(GRAY);
  fitText(doc, 'Autenticação mecânica', x + left, y + 2, rc - 2, { size: 6, align: 'right' });
  // Cut line
  const cutY = y + 24;
  doc
    .save()
    .lineWidth(0.5)
    .dash(3, { space: 3 })
    .strokeColor('#666666')
    .moveTo(x, cutY)
    .lineTo(x + width, cutY)
    .stroke()
    .restore();
  doc.fillColor(GRAY);
  fitText(doc, 'Corte na linha pontilhada', x + width - 100, cutY + 2, 100, { size: 5.5, align: 'right' });
  ficha(doc, p, x, cutY + 16, width, false);
}

// ---------------------------------------------------------------- carnê: three installments per page

const PAGE_H = 841.89;

function drawCarneInstallment(doc: PDFKit.PDFDocument, p: PreparedBoleto, slot: number): void {
  const d = p.document;
  const margin = 10 * MM;
  const slotH = (PAGE_H - 2 * margin) / 3;
  const top = margin + slot * slotH + 4;
  const stubW = 50 * MM;
  const gap = 5 * MM;
  const x = margin;
  const fichaX = x + stubW + gap;
  const fichaW = PAGE_W - margin - fichaX;
  // Canhoto (stub kept by the payer)
  let y = top;
  doc.fillColor('black');
  fitText(doc, p.boleto.bankName, x + 2, y + 4, stubW - 50, { size: 9, bold: true });
  fitText(doc, p.bankLabel, x + stubW - 46, y + 3, 44, { size: 11, bold: true, align: 'right' });
  doc
    .lineWidth(1.5)
    .moveTo(x, y + 18)
    .lineTo(x + stubW, y + 18)
    .stroke();
  y += 18;
  const h = 17;
  const size = 7;
  const parcela = d.installment ? `${d.installment.number}/${d.installment.total}` : '';
  const stubRows: Cell[][] = [
    [
      { label: 'Parcela', value: parcela, width: stubW * 0.35 },
      {
        label: 'Vencimento',
        value: formatDateBR(d.dueDate),
        width: stubW * 0.65,
        align: 'right',
        bold: true,
      },
    ],
    [{ label: 'Agência / Código do beneficiário', value: agencyCode(p), width: stubW, align: 'right' }],
    [{ label: 'Nosso número', value: p.boleto.nossoNumero.formatted, width: stubW, align: 'right' }],
    [
      {
        label: '(=) Valor do documento',
        value: formatBRL(d.amountCents),
        width: stubW,
        align: 'right',
        bold: true,
      },
    ],
    [{ label: 'Beneficiário', value: d.beneficiary.name, width: stubW }],
    [{ label: '(=) Valor cobrado', width: stubW }],
    [{ label: 'Nº do documento', value: d.documentNumber, width: stubW }],
    [{ label: 'Pagador', value: party(d.payer.name, d.payer.document), width: stubW }],
  ];
  for (const cells of stubRows) {
    row(doc, x, y, h, cells, size);
    y += h;
  }
  if (p.pixPayload) {
    const room = top + slotH - 16 - y - 12;
    const qrSize = Math.min(30 * MM, room);
    pixBox(doc, p.pixPayload, x + (stubW - qrSize) / 2, y + 3, qrSize);
  } else {
    doc.fillColor(GRAY);
    fitText(doc, 'Recibo do Pagador — autenticar no verso', x, y + 3, stubW, { size: 5.5 });
  }
  // Vertical cut line between stub and ficha, horizontal one under the installment.
  doc.save().lineWidth(0.5).dash(2, { space: 2 }).strokeColor('#666666');
  doc
    .moveTo(x + stubW + gap / 2, top)
    .lineTo(x + stubW + gap / 2, top + slotH - 10)
    .stroke();
  if (slot < 2)
    doc
      .moveTo(x, top + slotH - 4)
      .lineTo(PAGE_W - margin, top + slotH - 4)
      .stroke();
  doc.restore();
  ficha(doc, p, fichaX, top, fichaW, true);
}
