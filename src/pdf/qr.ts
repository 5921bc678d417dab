/** QR code as vector squares (sharp at any print resolution), from the `qrcode` package's module matrix. */
import QRCode from 'qrcode';

/** Draws the QR of `text` with its top-left at (x, y), `size` points wide including a 2-module quiet zone. */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 2;
  const module = size / (count + 2 * quiet);
  doc.save();
  doc.fillColor('white').rect(x, y, size, size).fill();
  doc.fillColor('black');
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end < count && qr.modules.get(row, end)) end++;
      doc.rect(x + (quiet + col) * module, y + (quiet + row) * module, (end - col) * module, module);
      col = end;
    }
  }
  doc.fill();
  doc.restore();
}
