import { parisDay } from '@app/common';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { categoryTitle, ERASURE_METHOD_LABEL, frCount, frNumber, peopleAccompaniedClause } from './french-labels';

export interface AttestationCategoryLine {
  category: string;
  declared: number;
  received: number;
  reused: number;
  awaitingBeneficiary: number;
  recycled: number;
  co2eAvoidedKg: number;
}

export interface AttestationParty {
  name: string;
  siret: string | null;
  /** one line, or null when unknown */
  address: string | null;
}

export interface AttestationFactor {
  category: string;
  kgPerDevice: number;
  counted: boolean;
  source: string;
  version: string;
  scope: string;
}

/** What the attestation shows: the report's figures, already computed. */
export interface ImpactAttestation {
  donor: AttestationParty;
  /** the region's coordinator organization */
  issuer: AttestationParty;
  from: Date;
  /** the period's last day (the period excludes its end) */
  to: Date;
  devicesDeclared: number;
  devicesReceived: number;
  devicesReused: number;
  devicesAwaitingBeneficiary: number;
  devicesRecycled: number;
  /** of those, the ones that left in a load with a recorded destination (the waste register): only they are said to go to "une filière agréée" */
  devicesRecycledWithDestination?: number;
  peopleEquipped: number;
  /** of the people equipped, those who had an accompaniment session with their partner */
  peopleAccompanied: number;
  co2eAvoidedKg: number;
  byCategory: AttestationCategoryLine[];
  certificates: Array<{ number: string; serialNumber: string; method: string; performedAt: Date }>;
  factors: AttestationFactor[];
  verificationCode: string;
  /** the public page the QR code opens: PUBLIC_URL/verifier/<code> */
  verificationUrl: string;
  issuedAt: Date;
}

/**
 * DejaVu Sans (npm dejavu-fonts-ttf, Bitstream Vera / DejaVu free licence), embedded: the PDF's
 * built-in Helvetica has no Œ, Ł or ń, nor the narrow no-break space French puts between thousands.
 */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** How many certificate lines are written between two pauses of a streamed render. */
const LINES_PER_STEP = 250;

const GREEN = '#18753c';
const BLUE = '#3558a2';
const GREY = '#929292';

/** An empty attestation document: its bytes come out of it, as a stream, as it is written. */
export function attestationDocument(a: ImpactAttestation): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Attestation de réemploi — ${a.donor.name}`, Author: a.issuer.name },
  });
  doc.registerFont('texte', FONT);
  doc.registerFont('titre', FONT_BOLD);
  return doc.font('texte');
}

/** Said only of devices whose destination (an eco-organisation or an authorised treatment operator) is recorded. */
const approvedChannel = (n: number) => (n > 0 ? `, dont ${frNumber(n)} ${n < 2 ? 'confié' : 'confiés'} à une filière agréée (destination enregistrée)` : '');

const party = (p: AttestationParty) => [p.name, p.siret ? `SIRET ${p.siret}` : null, p.address].filter(Boolean).join(' — ');

/**
 * Writes the donor's attestation, in French, into `doc` and ends it, pausing (yield) every
 * LINES_PER_STEP certificates: a caller that waits there lets the pages written so far flow out
 * while the rest is still to render. Synchronous and CPU-heavy for a donor with thousands of
 * certificates: the API runs it in a thread (AttestationThread).
 */
export function* writeAttestationSteps(doc: PDFKit.PDFDocument, a: ImpactAttestation): Generator<void, void, void> {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('titre').fontSize(17).text('Attestation de réemploi de matériel informatique', { align: 'center' });
  doc.moveDown(0.8).font('texte').fontSize(10);
  doc.font('titre').text('Délivrée par : ', { continued: true }).font('texte').text(party(a.issuer));
  doc.font('titre').text('Donateur : ', { continued: true }).font('texte').text(party(a.donor));
  doc
    .font('titre')
    .text('Période : ', { continued: true })
    .font('texte')
    .text(`du ${parisDay(a.from)} au ${parisDay(a.to)}`);
  doc.moveDown();

  const received = a.devicesReceived < 2 ? 'a été reçu' : 'ont été reçus';
  doc
    .fontSize(11)
    .text(
      `${a.issuer.name} atteste que, sur cette période, ${frCount(a.devicesReceived, 'appareil donné', 'appareils donnés')} par ${a.donor.name} ${received} ` +
        `par les ateliers de reconditionnement du réseau. Les données de chaque appareil porteur de données ont été effacées et l’effacement certifié avant tout réemploi.`,
      { align: 'justify' },
    );
  doc.moveDown(0.6);
  const lines = [
    frCount(a.devicesDeclared, 'appareil déclaré', 'appareils déclarés'),
    frCount(a.devicesReceived, 'appareil reçu', 'appareils reçus'),
    `${frCount(a.devicesReused, 'appareil remis', 'appareils remis')} à des personnes qui en avaient besoin`,
    frCount(a.devicesAwaitingBeneficiary, 'appareil reconditionné en attente de bénéficiaire', 'appareils reconditionnés en attente de bénéficiaire'),
    frCount(a.devicesRecycled, 'appareil recyclé', 'appareils recyclés') + approvedChannel(a.devicesRecycledWithDestination ?? 0),
    frCount(a.peopleEquipped, 'personne équipée', 'personnes équipées') + peopleAccompaniedClause(a.peopleAccompanied),
    frCount(a.certificates.length, 'certificat d’effacement des données', 'certificats d’effacement des données'),
    `${frNumber(a.co2eAvoidedKg, 1)} kg CO2e d’émissions évitées`,
  ];
  for (const line of lines) doc.text(`• ${line}`, { indent: 10 });

  doc.moveDown().font('titre').fontSize(12).text('Par catégorie', left);
  categoryTable(doc, a, left, width);
  doc.moveDown(0.5);
  barChart(doc, a, left, width);
  // on the first page, whatever the number of certificates after: the code is what a reader checks
  verification(doc, a, left, width);

  doc.moveDown().font('titre').fontSize(12).text('Méthode', left);
  doc
    .font('texte')
    .fontSize(9)
    .text(
      'Un appareil est compté comme remis quand il a été livré à une personne (prêts compris) pendant la période ; un appareil reconditionné en stock, ' +
        'réservé ou en cours de livraison est compté en attente, pas comme remis. Un appareil est compté comme recyclé quand l’atelier l’a sorti du réemploi pendant la période. ' +
        'Les émissions évitées sont comptées sur les seuls appareils remis : chacun évite la fabrication et la distribution d’un appareil neuf. ' +
        'Une personne équipée est dite accompagnée quand la structure qui l’a équipée a enregistré avec elle au moins une séance d’accompagnement au numérique, à toute date. ' +
        'Les certificats d’effacement sont ceux des appareils porteurs de données reçus pendant la période. Facteurs utilisés :',
      { align: 'justify' },
    );
  for (const f of a.factors) {
    const text = f.counted
      ? `${categoryTitle(f.category)} : ${frNumber(f.kgPerDevice, 1)} kg CO2e par appareil — ${f.source} — ${f.version} — périmètre : ${f.scope}`
      : `${categoryTitle(f.category)} : ${f.source}`;
    doc.text(`• ${text}`, { indent: 10 });
  }

  doc.moveDown().font('titre').fontSize(12).text('Certificats d’effacement des données', left);
  doc.font('texte').fontSize(8);
  if (!a.certificates.length) doc.text('Aucun sur la période.');
  for (let i = 0; i < a.certificates.length; i++) {
    const c = a.certificates[i]!;
    doc.text(`${c.number} — n° de série ${c.serialNumber} — ${ERASURE_METHOD_LABEL[c.method] ?? 'méthode non précisée'} — ${parisDay(c.performedAt)}`);
    if ((i + 1) % LINES_PER_STEP === 0) yield;
  }

  doc.end();
}

const COLUMNS: Array<[string, (c: AttestationCategoryLine) => string, number]> = [
  ['Catégorie', (c) => categoryTitle(c.category), 0.25],
  ['Déclarés', (c) => frNumber(c.declared), 0.11],
  ['Reçus', (c) => frNumber(c.received), 0.11],
  ['Remis', (c) => frNumber(c.reused), 0.11],
  ['En attente', (c) => frNumber(c.awaitingBeneficiary), 0.13],
  ['Recyclés', (c) => frNumber(c.recycled), 0.12],
  ['kg CO2e évités', (c) => frNumber(c.co2eAvoidedKg, 1), 0.17],
];

function categoryTable(doc: PDFKit.PDFDocument, a: ImpactAttestation, left: number, width: number): void {
  const row = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = left;
    doc.font(bold ? 'titre' : 'texte').fontSize(9);
    cells.forEach((cell, i) => {
      const w = COLUMNS[i]![2] * width;
      doc.text(cell, x, y, { width: w - 4, align: i === 0 ? 'left' : 'right', lineBreak: false });
      x += w;
    });
    doc.x = left;
    doc.y = y + 14;
    doc
      .moveTo(left, doc.y - 2)
      .lineTo(left + width, doc.y - 2)
      .lineWidth(0.3)
      .strokeColor(GREY)
      .stroke();
  };
  doc.moveDown(0.3);
  row(
    COLUMNS.map(([title]) => title),
    true,
  );
  for (const c of a.byCategory)
    row(
      COLUMNS.map(([, value]) => value(c)),
      false,
    );
  doc.fillColor('black').strokeColor('black');
}

/** Remis (green), en attente (blue) and recyclés (grey) per category, drawn with pdfkit's own rectangles. */
function barChart(doc: PDFKit.PDFDocument, a: ImpactAttestation, left: number, width: number): void {
  const max = Math.max(1, ...a.byCategory.map((c) => c.reused + c.awaitingBeneficiary + c.recycled));
  const labelWidth = 0.25 * width;
  const barWidth = width - labelWidth - 40;
  doc.font('texte').fontSize(8);
  for (const c of a.byCategory) {
    const y = doc.y;
    doc.fillColor('black').text(categoryTitle(c.category), left, y + 1, { width: labelWidth - 4, lineBreak: false });
    let x = left + labelWidth;
    for (const [value, color] of [
      [c.reused, GREEN],
      [c.awaitingBeneficiary, BLUE],
      [c.recycled, GREY],
    ] as Array<[number, string]>) {
      const w = (value / max) * barWidth;
      if (w > 0) doc.rect(x, y, w, 9).fill(color);
      x += w;
    }
    doc.fillColor('black').text(frNumber(c.reused + c.awaitingBeneficiary + c.recycled), x + 4, y + 1, { lineBreak: false });
    doc.x = left;
    doc.y = y + 13;
  }
  const y = doc.y + 2;
  let x = left + labelWidth;
  for (const [label, color] of [
    ['remis', GREEN],
    ['en attente', BLUE],
    ['recyclés', GREY],
  ] as Array<[string, string]>) {
    doc.rect(x, y, 8, 8).fill(color);
    doc.fillColor('black').text(label, x + 11, y, { lineBreak: false });
    x += 80;
  }
  doc.x = left;
  doc.y = y + 14;
}

/** The code, the page that checks it, and the same address as a QR code drawn as vector squares. */
function verification(doc: PDFKit.PDFDocument, a: ImpactAttestation, left: number, width: number): void {
  const qr = QRCode.create(a.verificationUrl, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const cell = 2.4;
  const side = size * cell;
  if (doc.y + side + 20 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown();
  const top = doc.y;
  const qrLeft = left + width - side;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) if (qr.modules.get(r, c)) doc.rect(qrLeft + c * cell, top + r * cell, cell, cell);
  }
  doc.fill('black');
  doc
    .font('texte')
    .fontSize(10)
    .text(`Délivrée le ${parisDay(a.issuedAt)} par ${a.issuer.name}.`, left, top, { width: width - side - 12 });
  doc.font('titre').text(`Code de vérification : ${a.verificationCode}`, { width: width - side - 12 });
  doc
    .font('texte')
    .fontSize(9)
    .text('Toute personne peut vérifier cette attestation, sans compte, en lisant le code QR ou à l’adresse :', { width: width - side - 12 })
    .text(a.verificationUrl, { width: width - side - 12 });
  doc.y = Math.max(doc.y, top + side) + 4;
  doc.x = left;
}

/** The whole attestation written at once: a document whose bytes are ready to be read. */
export function writeImpactAttestation(a: ImpactAttestation): PDFKit.PDFDocument {
  const doc = attestationDocument(a);
  for (const _ of writeAttestationSteps(doc, a));
  return doc;
}

/** The whole attestation in memory, on the calling thread (tests, the benchmark's baseline). */
export function renderImpactAttestation(a: ImpactAttestation): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const doc = writeImpactAttestation(a);
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
