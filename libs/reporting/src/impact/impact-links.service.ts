import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import { checkLink, signLink, SignedLinkParams } from '../links/signed-link';
import { ReportPeriod } from './report-period';
import { ReportLinkExpiredError, ReportLinkInvalidError } from './report-link.errors';

export type ImpactFileKind = 'pdf' | 'csv';

/** GET <PUBLIC_URL>/reports/impact/<donorId>.<pdf|csv>?from=&to=&expires=&signature= */
export const IMPACT_FILES_PATH = 'reports/impact';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ImpactFileRequest {
  kind: ImpactFileKind;
  donorId: string;
  period: ReportPeriod;
}

/**
 * The signed links of a donor's report files: they work without a login, for one donor, one
 * period, one kind of file, until they expire (REPORT_LINK_TTL_HOURS). The signature binds all
 * of these (links/signed-link.ts), with a key derived from the server's secret.
 */
@Injectable()
export class ImpactLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  urls(donorId: string, period: ReportPeriod, now = new Date()): { pdfUrl: string; csvUrl: string; expiresAt: Date } {
    const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + this.config.reportLinkTtlHours * 3600_000);
    return { pdfUrl: this.url('pdf', donorId, period, expiresAt), csvUrl: this.url('csv', donorId, period, expiresAt), expiresAt };
  }

  url(kind: ImpactFileKind, donorId: string, period: ReportPeriod, expiresAt: Date): string {
    const params = this.params(kind, donorId, period.from.toISOString(), period.to.toISOString());
    const { expires, signature } = signLink(this.config.jwtSecret, params, expiresAt);
    const query = new URLSearchParams({ from: params.from, to: params.to, expires: String(expires), signature });
    return `${this.config.publicUrl}/${IMPACT_FILES_PATH}/${encodeURIComponent(donorId)}.${kind}?${query.toString()}`;
  }

  /**
   * Checks a link as it came, before anything is parsed or read: the signature covers the exact
   * strings that were signed, so whatever does not match is refused the same way.
   */
  check(file: string, query: { from?: unknown; to?: unknown; expires?: unknown; signature?: unknown }, now = new Date()): ImpactFileRequest {
    const match = /^(.+)\.(pdf|csv)$/.exec(file);
    const { from, to, expires, signature } = query;
    if (
      !match ||
      typeof from !== 'string' ||
      typeof to !== 'string' ||
      typeof signature !== 'string' ||
      typeof expires !== 'string' ||
      !/^\d{1,12}$/.test(expires)
    ) {
      throw new ReportLinkInvalidError();
    }
    const [, donorId, kind] = match as unknown as [string, string, ImpactFileKind];
    const expiresAt = Number(expires);
    const verdict = checkLink(this.config.jwtSecret, this.params(kind, donorId, from, to), expiresAt, signature, now);
    if (verdict === 'forged' || !UUID.test(donorId)) throw new ReportLinkInvalidError();
    if (verdict === 'expired') throw new ReportLinkExpiredError(new Date(expiresAt * 1000));
    return { kind, donorId, period: { from: new Date(from), to: new Date(to) } };
  }

  private params(kind: ImpactFileKind, donorId: string, from: string, to: string): SignedLinkParams {
    return { kind: kind === 'pdf' ? 'impact-pdf' : 'impact-csv', donorId, from, to };
  }
}
