import PDFDocument from 'pdfkit';

export interface AttestationCategoryLine {
  category: string;
  received: number;
  reused: number;
  recycled: number;
  co2eAvoidedKg: number;
}

/** What the attestation shows: the report's figures, already computed. */
export interface ImpactAttestation {
  donorName: string;
  donorSiret: string | null;
  networkName: string;
  from: Date;
  to: Date;
  devicesDeclared: number;
  devicesReceived: number;
  devicesReused: number;
  devicesRecycled: number;
  peopleEquipped: number;
  co2eAvoidedKg: number;
  byCategory: AttestationCategoryLine[];
  certificates: Array<{ number: string; serialNumber: string; method: string; performedAt: Date }>;
  factorSources: string[];
  verificationCode: string;
  issuedAt: Date;
}

export const CATEGORY_FR: Record<string, string> = {
  LAPTOP: 'Ordinateurs portables',
  DESKTOP: 'Ordinateurs fixes',
  MONITOR: 'Écrans',
  TABLET: 'Tablettes',
  SMARTPHONE: 'Smartphones',
  PRINTER: 'Imprimantes',
  OTHER: 'Autres équipements',
};

const date = (d: Date) => d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: 'long', year: 'numeric' });
// French groups thousands with U+202F, which the PDF's standard Helvetica does not have (it printed
// "6 /000"); the no-break space U+00A0 is in its character set and keeps the groups together.
const number = (n: number, digits = 0) =>
  n.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits }).replace(/\u202f/g, '\u00a0');

/** How many certificate lines are written between two pauses of a streamed render. */
const LINES_PER_STEP = 250;

/** An empty attestation document: its bytes come out of it, as a stream, as it is written. */
export function attestationDocument(a: ImpactAttestation): PDFKit.PDFDocument {
  return new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Attestation de réemploi — ${a.donorName}`, Author: a.networkName } });
}

/**
 * Writes the donor's attestation, in French (pdfkit, built-in Helvetica: no font files to ship),
 * into `doc` and ends it, pausing (yield) every LINES_PER_STEP certificates: a caller that waits
 * there lets the pages written so far flow out while the rest is still to render. Synchronous and
 * CPU-heavy for a donor with thousands of certificates: the API runs it in a thread
 * (AttestationThread).
 */
export function* writeAttestationSteps(doc: PDFKit.PDFDocument, a: ImpactAttestation): Generator<void, void, void> {
  doc.fontSize(18).text('Attestation de réemploi de matériel informatique', { align: 'center' });
  doc.moveDown(0.5).fontSize(11).text(a.networkName, { align: 'center' });
  doc.moveDown(1.5).fontSize(11);
  doc.text(`Donateur : ${a.donorName}${a.donorSiret ? ` (SIRET ${a.donorSiret})` : ''}`);
  doc.text(`Période : du ${date(a.from)} au ${date(a.to)}`);
  doc.moveDown();
  doc.text(
    `Nous attestons que, sur cette période, ${number(a.devicesReceived)} équipements donnés par ${a.donorName} ont été reçus par les ateliers de reconditionnement du réseau, ` +
      `dont ${number(a.devicesReused)} remis en état pour un nouvel usage et ${number(a.devicesRecycled)} recyclés dans une filière agréée.`,
  );
  doc.moveDown();
  const figures: Array<[string, string]> = [
    ['Équipements déclarés', number(a.devicesDeclared)],
    ['Équipements reçus', number(a.devicesReceived)],
    ['Équipements réemployés', number(a.devicesReused)],
    ['Équipements recyclés', number(a.devicesRecycled)],
    ['Personnes équipées', number(a.peopleEquipped)],
    ["Certificats d'effacement des données", number(a.certificates.length)],
    ['Émissions évitées (kg CO2e)', number(a.co2eAvoidedKg, 1)],
  ];
  for (const [label, value] of figures) doc.text(`${label} : ${value}`);
  doc.moveDown().fontSize(12).text('Par catégorie');
  doc.fontSize(10);
  for (const c of a.byCategory) {
    doc.text(
      `${CATEGORY_FR[c.category] ?? c.category} — reçus ${number(c.received)}, réemployés ${number(c.reused)}, recyclés ${number(c.recycled)}, ${number(c.co2eAvoidedKg, 1)} kg CO2e évités`,
    );
  }
  doc.moveDown().fontSize(12).text("Certificats d'effacement des données");
  doc.fontSize(9);
  if (!a.certificates.length) doc.text('Aucun sur la période.');
  for (let i = 0; i < a.certificates.length; i++) {
    const c = a.certificates[i]!;
    doc.text(`${c.number} — n° de série ${c.serialNumber} — ${c.method} — ${date(c.performedAt)}`);
    if ((i + 1) % LINES_PER_STEP === 0) yield;
  }
  doc.moveDown().fontSize(8).text('Facteurs d’émission (fabrication d’un équipement neuf évitée) :');
  for (const s of a.factorSources) doc.text(`• ${s}`);
  doc
    .moveDown()
    .fontSize(10)
    .text(`Délivrée le ${date(a.issuedAt)}. Code de vérification : ${a.verificationCode}`);
  doc.end();
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
