import { attachment, attestationFileName, devicesCsvFileName, lastDayOf } from './impact-file-names';

describe('report file names', () => {
  it('names the donor and the period’s first and last days in France, in plain ASCII', () => {
    const from = new Date('2025-12-31T23:00:00Z'); // 1 January, midnight in Paris
    const to = new Date('2026-06-30T22:00:00Z'); // 1 July, midnight in Paris: excluded
    expect(attestationFileName('Métropole de Lyon', from, to)).toBe('attestation-reemploi-metropole-de-lyon-2026-01-01-au-2026-06-30.pdf');
    expect(devicesCsvFileName('Mairie d’Œuilly & Cie', from, to)).toBe('equipements-donnes-mairie-d-oeuilly-cie-2026-01-01-au-2026-06-30.csv');
    expect(attestationFileName('«»', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))).toBe(
      'attestation-reemploi-donateur-2026-01-01-au-2026-12-31.pdf',
    );
    expect(attachment('a.pdf')).toBe('attachment; filename="a.pdf"');
  });

  it('ends a period on the day before `to`, whether given in Paris or in UTC days, and on `to`’s day otherwise', () => {
    const paris = (d: Date) => d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
    expect(paris(lastDayOf(new Date('2027-01-01T00:00:00Z')))).toBe('31/12/2026');
    expect(paris(lastDayOf(new Date('2026-12-31T23:00:00Z')))).toBe('31/12/2026');
    expect(paris(lastDayOf(new Date('2026-07-01T00:00:00Z')))).toBe('30/06/2026');
    expect(paris(lastDayOf(new Date('2026-06-30T22:00:00Z')))).toBe('30/06/2026');
    expect(paris(lastDayOf(new Date('2026-07-01T10:30:00Z')))).toBe('01/07/2026');
  });
});
