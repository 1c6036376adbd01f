import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ForbiddenError } from '@app/common';
import { checkPaperLink, PaperKind, paperSignature } from './paper-link';

/** GET <PUBLIC_URL>/papers/... : the files behind the papers' links (PaperFilesController). */
export const PAPERS_PATH = 'papers';

/** A link whose signature does not match the paper it names. */
export class PaperLinkInvalidError extends ForbiddenError {
  constructor() {
    super('This link is not valid for this paper: ask for the paper again to get a new one');
  }
}

/** A genuine link past its expiry (HTTP 410 Gone). */
export class PaperLinkExpiredError extends ForbiddenError {
  constructor(readonly expiredAt: Date) {
    super(`This link expired on ${expiredAt.toISOString()}: ask for the paper again to get a new one`);
  }
}

export interface SignedPaperLink {
  url: string;
  expiresAt: Date;
}

/**
 * The signed links of the papers: each works without a login, for one paper, until it expires
 * (REPORT_LINK_TTL_HOURS, as the report links). The caller was authorized when the link was made.
 */
@Injectable()
export class PaperLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  expiry(now = new Date()): Date {
    return new Date(Math.floor(now.getTime() / 1000) * 1000 + this.config.reportLinkTtlHours * 3600_000);
  }

  agreement(donationId: string, refurbisherId: string, expiresAt: Date): string {
    return this.url(`agreements/${donationId}/${refurbisherId}.pdf`, 'agreement', [donationId, refurbisherId], expiresAt);
  }

  taxReceipt(receiptId: string, expiresAt: Date): string {
    return this.url(`tax-receipts/${receiptId}.pdf`, 'tax-receipt', [receiptId], expiresAt);
  }

  wasteRegister(refurbisherId: string, from: Date, to: Date, expiresAt: Date): string {
    const period = { from: from.toISOString(), to: to.toISOString() };
    return this.url(`waste-registers/${refurbisherId}.csv`, 'waste-register', [refurbisherId, period.from, period.to], expiresAt, period);
  }

  /**
   * Checks a link as it came, before anything is read: the signature covers the exact strings
   * that were signed, so whatever does not match is refused the same way.
   */
  check(kind: PaperKind, parts: readonly string[], query: Record<string, unknown>, now = new Date()): void {
    const { expires, signature } = query;
    if (typeof signature !== 'string' || typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || parts.some((p) => typeof p !== 'string')) {
      throw new PaperLinkInvalidError();
    }
    const verdict = checkPaperLink(this.config.jwtSecret, kind, parts, Number(expires), signature, now);
    if (verdict === 'forged') throw new PaperLinkInvalidError();
    if (verdict === 'expired') throw new PaperLinkExpiredError(new Date(Number(expires) * 1000));
  }

  private url(path: string, kind: PaperKind, parts: readonly string[], expiresAt: Date, extra: Record<string, string> = {}): string {
    const expires = Math.floor(expiresAt.getTime() / 1000);
    const query = new URLSearchParams({ ...extra, expires: String(expires), signature: paperSignature(this.config.jwtSecret, kind, parts, expires) });
    return `${this.config.publicUrl}/${PAPERS_PATH}/${path}?${query.toString()}`;
  }
}
