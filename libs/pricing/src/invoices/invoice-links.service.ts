import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import { createHmac, timingSafeEqual } from 'node:crypto';

/** GET <PUBLIC_URL>/invoices/<invoiceId>.pdf?expires=&signature= */
export const INVOICE_FILES_PATH = 'invoices';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type InvoiceLinkCheck = { verdict: 'valid'; invoiceId: string } | { verdict: 'expired'; expiredAt: Date } | { verdict: 'forged' };

/**
 * The link behind Invoice.pdfUrl: it opens one invoice's PDF without a login until it expires
 * (REPORT_LINK_TTL_HOURS, as the impact report's files), signed with a key derived from the
 * server's secret for invoices only, so that no other signed link opens an invoice.
 */
@Injectable()
export class InvoiceLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  url(invoiceId: string, now = new Date()): string {
    const expires = Math.floor(now.getTime() / 1000) + this.config.reportLinkTtlHours * 3600;
    const query = new URLSearchParams({ expires: String(expires), signature: this.signature(invoiceId, expires) });
    return `${this.config.publicUrl}/${INVOICE_FILES_PATH}/${encodeURIComponent(invoiceId)}.pdf?${query.toString()}`;
  }

  /** Checks a link as it came, before anything is read: whatever does not match is refused the same way. */
  check(file: string, query: { expires?: unknown; signature?: unknown }, now = new Date()): InvoiceLinkCheck {
    const match = /^(.+)\.pdf$/.exec(file);
    const { expires, signature } = query;
    if (!match || typeof signature !== 'string' || typeof expires !== 'string' || !/^\d{1,12}$/.test(expires)) return { verdict: 'forged' };
    const invoiceId = match[1]!;
    const expected = Buffer.from(this.signature(invoiceId, Number(expires)));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given) || !UUID.test(invoiceId)) return { verdict: 'forged' };
    if (Number(expires) * 1000 < now.getTime()) return { verdict: 'expired', expiredAt: new Date(Number(expires) * 1000) };
    return { verdict: 'valid', invoiceId };
  }

  private signature(invoiceId: string, expires: number): string {
    return createHmac('sha256', `invoice-links:${this.config.jwtSecret}`).update(`invoice-pdf|${invoiceId}|${expires}`).digest('base64url');
  }
}
