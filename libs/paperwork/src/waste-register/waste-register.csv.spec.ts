import { PENDING_DESTINATION, WASTE_REGISTER_HEADERS, wasteRegisterCsv, WasteRegisterCsvRow } from './waste-register.csv';

const shipped: WasteRegisterCsvRow = {
  destinationPending: false,
  shippedAt: new Date('2026-03-12T09:00:00Z'),
  recycledAt: null,
  wasteLabel: 'Déchets d’équipements électriques et électroniques (2 ordinateurs portables)',
  wasteCode: '16 02 14',
  hazardous: false,
  weightKg: 4.75,
  deviceCount: 2,
  destinationName: 'Ecosystem; collecte "pro"',
  destinationSiret: '83033936200022',
  destinationAddress: '1 rue du Recyclage, 69007 Lyon',
  treatmentCode: 'R13',
  transportDocument: 'BSD-20260312-ABCDEFGH',
  carrier: '=HYPERLINK("x")',
  serialNumbers: ['SN-1', 'SN-2'],
};

const pending: WasteRegisterCsvRow = {
  ...shipped,
  destinationPending: true,
  shippedAt: null,
  recycledAt: new Date('2026-03-10T09:00:00Z'),
  wasteCode: null,
  hazardous: null,
  weightKg: null,
  deviceCount: 1,
  destinationName: null,
  destinationSiret: null,
  destinationAddress: null,
  treatmentCode: null,
  transportDocument: null,
  carrier: null,
  serialNumbers: ['SN-3'],
};

function parse(csv: string): string[][] {
  // a small reader for what the writer quotes: ; between cells, "" inside quotes
  return csv
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(;|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));
}

describe('the waste register as CSV', () => {
  it('opens in a French spreadsheet: BOM, semicolons, CRLF, the register’s headers in order', () => {
    const csv = wasteRegisterCsv([shipped]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parse(csv)[0]).toEqual([
      'Statut',
      'Date d’expédition',
      'Dénomination usuelle du déchet',
      'Code déchet',
      'Déchet dangereux',
      'Quantité (t)',
      'Quantité (kg)',
      'Nombre d’appareils',
      'N° du document de traçabilité (Trackdéchets)',
      'Destination — raison sociale',
      'Destination — SIRET',
      'Destination — adresse',
      'Code du traitement (R/D)',
      'Qualification du traitement',
      'Transporteur',
      'Numéros de série',
    ]);
    expect(WASTE_REGISTER_HEADERS).toHaveLength(16);
  });

  it('writes a load with its date, code, weight in tonnes and kg, destination, treatment and document', () => {
    const [, row] = parse(wasteRegisterCsv([shipped]));
    expect(row).toEqual([
      'expédié',
      '12/03/2026',
      shipped.wasteLabel,
      '16 02 14',
      'non',
      '0,00475',
      '4,75',
      '2',
      'BSD-20260312-ABCDEFGH',
      'Ecosystem; collecte "pro"',
      '83033936200022',
      '1 rue du Recyclage, 69007 Lyon',
      'R13',
      'recyclage',
      // a formula is neutralised
      `'=HYPERLINK("x")`,
      'SN-1 SN-2',
    ]);
  });

  it('says "destination à renseigner" for a device recycled without one, and claims no treatment for it', () => {
    const [, row] = parse(wasteRegisterCsv([pending]));
    expect(row![0]).toBe(`${PENDING_DESTINATION} (recyclé le 10/03/2026)`);
    expect(row![1]).toBe('');
    expect(row![9]).toBe(PENDING_DESTINATION);
    expect(row![13]).toBe('');
  });
});
