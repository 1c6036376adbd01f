import PDFDocument from 'pdfkit';

/**
 * DejaVu Sans (npm dejavu-fonts-ttf), embedded as the attestation does: the built-in Helvetica
 * has no Œ nor the narrow no-break space French puts between thousands.
 */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** An A4 document with the two fonts registered as 'texte' and 'titre'. */
export function paperDocument(title: string, author: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Author: author } });
  doc.registerFont('texte', FONT);
  doc.registerFont('titre', FONT_BOLD);
  return doc.font('texte');
}

/**
 * The document drawn by `write` and ended: a stream whose bytes wait for a reader. Drawing is
 * synchronous CPU work, so the API draws papers in PaperPdfThread, never on its event loop.
 */
export function drawnPdf(doc: PDFKit.PDFDocument, write: (doc: PDFKit.PDFDocument) => void): PDFKit.PDFDocument {
  write(doc);
  doc.end();
  return doc;
}

/** "Label : value" with the label in bold, on its own line. */
export function labelled(doc: PDFKit.PDFDocument, label: string, value: string): void {
  doc.font('titre').text(`${label} : `, { continued: true }).font('texte').text(value);
}

export function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.6).font('titre').fontSize(12).text(text, doc.page.margins.left).font('texte').fontSize(10);
}
