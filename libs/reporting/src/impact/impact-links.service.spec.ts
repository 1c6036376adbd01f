import { AppConfig } from '@app/common';
import { ImpactLinks } from './impact-links.service';
import { ReportLinkExpiredError, ReportLinkInvalidError } from './report-link.errors';

describe('ImpactLinks', () => {
  const config = { jwtSecret: 'x'.repeat(40), publicUrl: 'https://reemploi.example.org', reportLinkTtlHours: 24 } as AppConfig;
  const links = new ImpactLinks(config);
  const donorId = '4f1c2b9e-8d7a-4c3b-9e2f-1a2b3c4d5e6f';
  const period = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
  const now = new Date('2026-11-23T10:00:00.750Z');
  const parts = (url: string) => {
    const u = new URL(url);
    return { file: u.pathname.split('/').pop()!, query: Object.fromEntries(u.searchParams) };
  };

  it('signs absolute links under PUBLIC_URL that expire after REPORT_LINK_TTL_HOURS, and accepts them', () => {
    const { pdfUrl, csvUrl, expiresAt } = links.urls(donorId, period, now);
    expect(expiresAt).toEqual(new Date('2026-11-24T10:00:00.000Z'));
    expect(pdfUrl).toMatch(
      new RegExp(
        `^https://reemploi\\.example\\.org/reports/impact/${donorId}\\.pdf\\?from=2026-01-01T00%3A00%3A00\\.000Z&to=2027-01-01T00%3A00%3A00\\.000Z&expires=\\d+&signature=[\\w-]+$`,
      ),
    );
    const pdf = parts(pdfUrl);
    expect(links.check(pdf.file, pdf.query, now)).toEqual({ kind: 'pdf', donorId, period });
    const csv = parts(csvUrl);
    expect(links.check(csv.file, csv.query, now).kind).toBe('csv');
  });

  it('refuses what it did not sign as it is, and says when a genuine link expired', () => {
    const { pdfUrl, expiresAt } = links.urls(donorId, period, now);
    const { file, query } = parts(pdfUrl);
    const refused = [
      [file.replace('.pdf', '.csv'), query],
      [`${donorId.replace('4f', '5f')}.pdf`, query],
      [file, { ...query, from: '2025-01-01T00:00:00.000Z' }],
      [file, { ...query, expires: String(Number(query.expires) + 1) }],
      [file, { ...query, expires: 'soon' }],
      [file, { ...query, signature: undefined }],
      [file, { ...query, signature: ['a', 'b'] }],
      [donorId, query],
    ] as const;
    for (const [f, q] of refused) expect(() => links.check(f, q as Record<string, unknown>, now)).toThrow(ReportLinkInvalidError);
    expect(() => links.check(file, query, new Date(expiresAt.getTime() + 1000))).toThrow(ReportLinkExpiredError);
    expect(() => new ImpactLinks({ ...config, jwtSecret: 'y'.repeat(40) }).check(file, query, now)).toThrow(ReportLinkInvalidError);
  });
});
