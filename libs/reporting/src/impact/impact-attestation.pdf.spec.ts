import { PDFParse } from 'pdf-parse';
import { renderImpactAttestation } from './impact-attestation.pdf';

describe('renderImpactAttestation', () => {
  it('is a real PDF in French with the donor, the figures and every certificate', async () => {
    const pdf = await renderImpactAttestation({
      donorName: 'Métropole de Lyon',
      donorSiret: '73282932000074',
      networkName: 'Réseau Réemploi Numérique AURA',
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-06-30T23:59:59Z'),
      devicesDeclared: 40,
      devicesReceived: 38,
      devicesReused: 30,
      devicesRecycled: 8,
      peopleEquipped: 21,
      co2eAvoidedKg: 4680,
      byCategory: [{ category: 'LAPTOP', received: 38, reused: 30, recycled: 8, co2eAvoidedKg: 4680 }],
      certificates: [
        { number: 'ERA-2026-000001', serialNumber: 'SN-1', method: 'NIST_800_88_PURGE', performedAt: new Date('2026-03-02T10:00:00Z') },
        { number: 'ERA-2026-000002', serialNumber: 'SN-2', method: 'NIST_800_88_PURGE', performedAt: new Date('2026-03-02T11:00:00Z') },
      ],
      factorSources: ['ADEME Base Empreinte — ordinateur portable'],
      verificationCode: 'ABCD-EFGH',
      issuedAt: new Date('2026-11-23T10:00:00Z'),
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain('Métropole de Lyon');
    expect(text).toContain("Certificats d'effacement des données : 2");
    expect(text).toContain('ERA-2026-000002');
    expect(text).toContain('Personnes équipées : 21');
    expect(text).toContain('ABCD-EFGH');
    // 4 680 kg: thousands grouped with a space the font has, not a missing glyph
    expect(text).toMatch(/4[\s\u00a0]680/);
    expect(text).not.toMatch(/4\s*\/\s*680/);
  });
});
