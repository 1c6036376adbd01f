import { formatEuros, parisDay } from '@app/common';
import PDFDocument from 'pdfkit';

export interface InvoiceDocumentParty {
  name: string;
  siret: string | null;
  /** one line, or null when unknown */
  address: string | null;
}

export interface InvoiceDocumentLine {
  description: string;
  serialNumber: string;
  grade: string | null;
  priceCents: number;
  publicDonor: boolean;
  capCents: number | null;
  listed: boolean;
}

/** What the PDF shows: the stored invoice and its frozen lines, nothing recomputed. */
export interface InvoiceDocument {
  kind: 'INVOICE' | 'DELIVERY_NOTE';
  number: string;
  issuedAt: Date;
  seller: InvoiceDocumentParty;
  buyer: InvoiceDocumentParty;
  orderReference: string;
  lines: InvoiceDocumentLine[];
  totalCents: number;
  vatMention: string;
  /** the text of the legal caps, printed when a line is a public donor's device */
  capSource: string | null;
}

/** DejaVu Sans, embedded, as the impact attestation: the built-in Helvetica lacks the narrow no-break space of French amounts. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const party = (p: InvoiceDocumentParty) => [p.name, p.siret ? `SIRET ${p.siret}` : null, p.address].filter(Boolean).join(' — ');

/**
 * The invoice (or delivery note) of one shipment, in French: the document drawn and ended, its
 * bytes waiting for a reader. Drawing is synchronous CPU work: the API draws it in
 * InvoicePdfThread, off its event loop.
 */
export function invoicePdf(d: InvoiceDocument): PDFKit.PDFDocument {
  const title = d.kind === 'INVOICE' ? 'Facture' : 'Bon de livraison';
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${title} n° ${d.number}`, Author: d.seller.name } });
  doc.registerFont('texte', FONT);
  doc.registerFont('titre', FONT_BOLD);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('titre').fontSize(18).text(`${title} n° ${d.number}`);
  doc
    .moveDown(0.3)
    .font('texte')
    .fontSize(10)
    .text(`Date : ${parisDay(d.issuedAt)}`);
  doc.text(`Commande : ${d.orderReference}`);
  doc.moveDown();
  doc.font('titre').text('Émetteur : ', { continued: true }).font('texte').text(party(d.seller));
  doc.font('titre').text('Destinataire : ', { continued: true }).font('texte').text(party(d.buyer));
  doc.moveDown();

  const columns = [
    { title: 'Désignation', width: width * 0.42 },
    { title: 'N° de série', width: width * 0.24 },
    { title: 'État', width: width * 0.1 },
    { title: 'Prix TTC', width: width * 0.24 },
  ];
  const row = (cells: string[], font: 'texte' | 'titre') => {
    const y = doc.y;
    let x = left;
    doc.font(font).fontSize(9);
    const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - 6 }));
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: columns[i]!.width - 6, align: i === 3 ? 'right' : 'left' });
      x += columns[i]!.width;
    });
    doc.x = left;
    doc.y = y + Math.max(...heights) + 4;
  };
  row(
    columns.map((c) => c.title),
    'titre',
  );
  for (const line of d.lines) {
    const mark = line.publicDonor && line.capCents !== null ? ' *' : '';
    const price = line.listed ? formatEuros(line.priceCents) : `${formatEuros(0)} (don)`;
    row([line.description, line.serialNumber, line.grade ? `Grade ${line.grade}` : '—', `${price}${mark}`], 'texte');
  }
  doc.moveDown(0.5);
  doc
    .font('titre')
    .fontSize(11)
    .text(`Total TTC : ${formatEuros(d.totalCents)}`, left, doc.y, { width, align: 'right' });
  doc.moveDown();
  doc.font('texte').fontSize(9).text(d.vatMention, left, doc.y, { width });
  if (d.kind === 'DELIVERY_NOTE') doc.text('Matériel remis à titre gratuit : aucun paiement n’est dû.', { width });
  if (d.capSource && d.lines.some((l) => l.publicDonor && l.capCents !== null)) {
    doc.moveDown(0.5).text(`* Matériel cédé par un organisme public : prix solidaire plafonné par le ${d.capSource}.`, { width });
  }
  doc.end();
  return doc;
}
