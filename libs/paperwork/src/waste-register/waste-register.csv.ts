import { registerDate } from '../text/french-labels';

/** What a line of the CSV shows: a WasteRegisterRow's fields. */
export interface WasteRegisterCsvRow {
  destinationPending: boolean;
  shippedAt: Date | null;
  recycledAt: Date | null;
  wasteLabel: string;
  wasteCode: string | null;
  hazardous: boolean | null;
  weightKg: number | null;
  deviceCount: number;
  destinationName: string | null;
  destinationSiret: string | null;
  destinationAddress: string | null;
  treatmentCode: string | null;
  transportDocument: string | null;
  carrier: string | null;
  serialNumbers: string[];
}

export const PENDING_DESTINATION = 'destination à renseigner';

const decimal = (n: number, digits: number) =>
  n
    .toFixed(digits)
    .replace(/\.?0+$/, '')
    .replace('.', ',');

/**
 * The columns of the register of outgoing waste, in the order of the arrêté du 31 mai 2021 fixant
 * le contenu des registres déchets (registre des déchets sortants): date d'expédition; dénomination
 * usuelle, code déchet (article R. 541-8) and whether it is hazardous; quantity in tonnes; the
 * traceability document's number; the destination (raison sociale, SIRET, address), the code of
 * its treatment (R/D) and the treatment's qualification in the waste hierarchy; the carrier. Then
 * what the workshop needs to trace each device. A pending device shows "destination à renseigner".
 */
const COLUMNS: Array<[string, (r: WasteRegisterCsvRow) => string | number | null]> = [
  ['Statut', (r) => (r.destinationPending ? `${PENDING_DESTINATION}${r.recycledAt ? ` (recyclé le ${registerDate(r.recycledAt)})` : ''}` : 'expédié')],
  ['Date d’expédition', (r) => (r.shippedAt ? registerDate(r.shippedAt) : null)],
  ['Dénomination usuelle du déchet', (r) => r.wasteLabel],
  ['Code déchet', (r) => r.wasteCode],
  ['Déchet dangereux', (r) => (r.hazardous === null ? null : r.hazardous ? 'oui' : 'non')],
  ['Quantité (t)', (r) => (r.weightKg === null ? null : decimal(r.weightKg / 1000, 6))],
  ['Quantité (kg)', (r) => (r.weightKg === null ? null : decimal(r.weightKg, 3))],
  ['Nombre d’appareils', (r) => r.deviceCount],
  ['N° du document de traçabilité (Trackdéchets)', (r) => r.transportDocument],
  ['Destination — raison sociale', (r) => (r.destinationPending ? PENDING_DESTINATION : r.destinationName)],
  ['Destination — SIRET', (r) => r.destinationSiret],
  ['Destination — adresse', (r) => r.destinationAddress],
  ['Code du traitement (R/D)', (r) => r.treatmentCode],
  ['Qualification du traitement', (r) => (r.destinationPending ? null : 'recyclage')],
  ['Transporteur', (r) => r.carrier],
  ['Numéros de série', (r) => r.serialNumbers.join(' ')],
];

export const WASTE_REGISTER_HEADERS = COLUMNS.map(([header]) => header);

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // quote what would break a cell, and neutralise spreadsheet formulas (CSV injection)
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole register: a BOM so that a French spreadsheet reads UTF-8, `;` between cells, CRLF lines. */
export function wasteRegisterCsv(rows: readonly WasteRegisterCsvRow[]): string {
  const lines = [WASTE_REGISTER_HEADERS.map(cell).join(';'), ...rows.map((r) => COLUMNS.map(([, value]) => cell(value(r))).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
