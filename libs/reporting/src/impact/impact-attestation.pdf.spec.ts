import { PDFParse } from 'pdf-parse';
import { DEFAULT_CO2E_FACTORS } from './co2e-factors';
import { frNumber } from './french-labels';
import { ImpactAttestation, renderImpactAttestation } from './impact-attestation.pdf';

async function textOf(a: ImpactAttestation): Promise<string> {
  const pdf = await renderImpactAttestation(a);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    // lines wrap where the page is full: one space for a line break, as a reader reads it
    return (await parser.getText()).text.replace(/[ \n]+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/** Words and codes a French reader must not meet on the document. */
const FORBIDDEN = [
  'not counted',
  'no common reference',
  'reused',
  'recycled',
  'received',
  'devices',
  'certificate',
  'approved',
  'filière agréée',
  'NIST_800_88',
  'NO_STORAGE',
  'PHYSICAL_DESTRUCTION',
  'LAPTOP',
  'MONITOR',
  'PRINTER',
  'OTHER',
  'JOB_SEEKER',
  'REUSED',
  'AWAITING',
];

const base: ImpactAttestation = {
  donor: { name: 'Œuvre de Łódź', siret: '73282932000074', address: '3 rue de la Poste, 69003 Lyon' },
  issuer: { name: 'Coordination Réemploi Auvergne-Rhône-Alpes', siret: '12345678900012', address: '10 place Bellecour, 69002 Lyon' },
  from: new Date('2026-01-01T00:00:00Z'),
  to: new Date('2026-12-03T12:00:00Z'),
  devicesDeclared: 7000,
  devicesReceived: 6900,
  devicesReused: 1,
  devicesAwaitingBeneficiary: 2,
  devicesRecycled: 1,
  peopleEquipped: 1,
  peopleAccompanied: 1,
  co2eAvoidedKg: 6812,
  byCategory: [
    { category: 'LAPTOP', declared: 6000, received: 5950, reused: 1, awaitingBeneficiary: 2, recycled: 1, co2eAvoidedKg: 182.6 },
    { category: 'PRINTER', declared: 1000, received: 950, reused: 0, awaitingBeneficiary: 0, recycled: 0, co2eAvoidedKg: 0 },
  ],
  certificates: [
    { number: 'ERA-2026-000001', serialNumber: 'SN-1', method: 'NIST_800_88_PURGE', performedAt: new Date('2026-03-02T10:00:00Z') },
    { number: 'ERA-2026-000002', serialNumber: 'SN-2', method: 'PHYSICAL_DESTRUCTION', performedAt: new Date('2026-03-02T11:00:00Z') },
  ],
  factors: [
    { category: 'LAPTOP', ...DEFAULT_CO2E_FACTORS.LAPTOP },
    { category: 'PRINTER', ...DEFAULT_CO2E_FACTORS.PRINTER },
  ],
  verificationCode: 'K1-ABCD-EFGH-JKMN-PQRS',
  verificationUrl: 'https://reemploi.test/verifier/K1-ABCD-EFGH-JKMN-PQRS',
  issuedAt: new Date('2026-12-03T10:00:00Z'),
};

describe('renderImpactAttestation', () => {
  it('groups thousands the French way, with a narrow no-break space the embedded font draws', () => {
    expect(frNumber(6812)).toBe('6\u202f812');
    expect(frNumber(1234.56, 1)).toBe('1\u202f234,6');
    // fontkit comes with pdfkit, without types
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fontkit = require('fontkit') as { openSync(path: string): { hasGlyphForCodePoint(c: number): boolean } };
    const font = fontkit.openSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    for (const c of '\u202f\u00a0ŒœŁłńźéèêàçô’«»—•') expect([c, font.hasGlyphForCodePoint(c.codePointAt(0)!)]).toEqual([c, true]);
  });

  it('is a French attestation a CSR manager can file: issuer, donor in its own spelling, French numbers, dates and labels', async () => {
    const text = await textOf(base);
    expect(text).toContain('Œuvre de Łódź');
    expect(text).toContain('Coordination Réemploi Auvergne-Rhône-Alpes');
    expect(text).toContain('SIRET 12345678900012');
    expect(text).toContain('10 place Bellecour, 69002 Lyon');
    expect(text).toContain('du 1er janvier 2026 au 3 décembre 2026');
    expect(text).toContain('Délivrée le 3 décembre 2026');
    // thousands grouped by a space (the text layer gives U+202F back as a plain space)
    expect(text).toContain('6 812 kg CO2e');
    expect(text).toContain('6 900 appareils reçus');
    expect(text).not.toMatch(/6\s*\/\s*812/);
    expect(text).toContain('182,6 kg CO2e par appareil');
    // singular and plural
    expect(text).toContain('1 appareil recyclé');
    expect(text).toContain('2 appareils reconditionnés en attente de bénéficiaire');
    expect(text).toContain('1 personne équipée, dont 1 ayant bénéficié d’un accompagnement au numérique');
    expect(text).toContain('2 certificats d’effacement des données');
    expect(text).toContain('effacement sécurisé (NIST SP 800-88, niveau « Purge »)');
    expect(text).toContain('destruction physique du support');
    expect(text).toContain('Imprimantes : non compté : pas de facteur de référence');
    expect(text).toContain('fabrication + distribution');
    expect(text).toContain('K1-ABCD-EFGH-JKMN-PQRS');
    expect(text).toContain('reemploi.test/verifier/K1-ABCD-EFGH-JKMN-PQRS');
    for (const word of FORBIDDEN) expect([word, text.includes(word)]).toEqual([word, false]);
  });

  it('writes the plural when there are several', async () => {
    const text = await textOf({ ...base, devicesRecycled: 2, peopleEquipped: 0, peopleAccompanied: 0, certificates: base.certificates.slice(0, 1) });
    expect(text).toContain('2 appareils recyclés');
    expect(text).toContain('0 personne équipée, dont 0 ayant bénéficié');
    expect(text).toContain('1 certificat d’effacement des données');
  });
});
