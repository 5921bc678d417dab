/** Boleto and carnê PDFs: the public API of src/pdf (used by the CLI, and by the API when it serves PDFs). */
export {
  BoletoPdfError,
  prepareBoleto,
  renderBoletoPdf,
  type PreparedBoleto,
  type RenderOptions,
} from './boleto.js';
export {
  boletoDocumentListSchema,
  boletoDocumentSchema,
  describeIssues,
  type BoletoDocument,
  type BoletoDocumentInput,
} from './schema.js';
export { drawItf, itfElements, ITF_HEIGHT_MM, ITF_NARROW_MM, ITF_RATIO } from './itf.js';
export { drawQr } from './qr.js';
