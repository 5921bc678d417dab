/**
 * Print-level check: the PDF is rasterized by poppler's pdftoppm (an independent PDF renderer) and the pixels are
 * decoded — ITF from a scanline's run lengths, QR with jsQR. Skipped when pdftoppm is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePix } from '../../src/domain/pix/index.js';
import { prepareBoleto, renderBoletoPdf } from '../../src/pdf/boleto.js';
import { boletoDocumentSchema } from '../../src/pdf/schema.js';
import { decodeItf, jsQR, type Rect } from './pdf-reader.js';

const hasPdftoppm = spawnSync('pdftoppm', ['-v']).status === 0;

interface Gray {
  width: number;
  height: number;
  data: Buffer;
}

/** Reads a binary PGM (P5, maxval 255) as written by `pdftoppm -gray`. */
function readPgm(file: string): Gray {
  const buffer = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buffer.toString('latin1', 0, 50));
  if (!header) throw new Error('PGM inválido');
  const [all, w, h] = header;
  return { width: Number(w), height: Number(h), data: buffer.subarray(all.length) };
}

function rasterize(pdf: Buffer, dpi: number): Gray {
  const dir = mkdtempSync(path.join(tmpdir(), 'finconsole-raster-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    const r = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', 'in.pdf', 'page'], {
      cwd: dir,
    });
    if (r.status !== 0) throw new Error(String(r.stderr));
    return readPgm(path.join(dir, 'page.pgm'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Dark runs of one pixel row, as bars. */
function barsOfRow(image: Gray, y: number): Rect[] {
  const bars: Rect[] = [];
  let start = -1;
  for (let x = 0; x <= image.width; x++) {
    const dark = x < image.width && (image.data[y * image.width + x] ?? 255) < 128;
    if (dark && start < 0) start = x;
    if (!dark && start >= 0) {
      bars.push({ x: start, y, w: x - start, h: 1 });
      start = -1;
    }
  }
  return bars;
}

/** Tries every row from the bottom up; the ITF row is the one whose 2 + 44×… bars decode to 44 digits. */
function findItf(image: Gray): string | undefined {
  for (let y = image.height - 1; y >= 0; y--) {
    const bars = barsOfRow(image, y);
    // 44 digits: 2 start bars + 22 pairs × 5 bars + 2 stop bars = 114 bars.
    if (bars.length !== 114) continue;
    try {
      const { digits } = decodeItf(bars);
      if (digits.length === 44) return digits;
    } catch {
      // not the barcode row
    }
  }
  return undefined;
}

describe.skipIf(!hasPdftoppm)('rasterized boleto (pdftoppm not installed: skipped)', () => {
  const document = boletoDocumentSchema.parse({
    bankCode: '237',
    beneficiary: { name: 'Comércio Exemplo Ltda', document: '11.222.333/0001-81' },
    payer: { name: 'José da Silva', document: '111.444.777-35' },
    account: { agency: '1172', account: '403005', carteira: '09' },
    nossoNumero: '52',
    documentNumber: 'NF 52',
    issueDate: '2026-11-20',
    dueDate: '2026-12-15',
    amountCents: 98765,
    pix: { key: 'financeiro@example.com', city: 'Osasco', txid: 'NF52' },
  });

  it('at 300 dpi the barcode scanline decodes to the boleto barcode', async () => {
    const image = rasterize(await renderBoletoPdf([document]), 300);
    expect(findItf(image)).toBe(prepareBoleto(document).boleto.barcode);
  });

  it('at 150 dpi jsQR reads the PIX QR of the boleto híbrido', async () => {
    const image = rasterize(await renderBoletoPdf([document]), 150);
    const rgba = new Uint8ClampedArray(image.width * image.height * 4);
    for (let i = 0; i < image.width * image.height; i++) {
      const v = image.data[i] ?? 255;
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = v;
      rgba[i * 4 + 3] = 255;
    }
    const code = jsQR(rgba, image.width, image.height);
    expect(code).not.toBeNull();
    expect(parsePix(code!.data)).toMatchObject({
      valid: true,
      amountCents: 98765,
      key: 'financeiro@example.com',
    });
  });
});
