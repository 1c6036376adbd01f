import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A paper (an agreement, a tax receipt, a waste register) behind a link that works without a
 * login, for that paper only and for a limited time: the link's parts and its expiry are signed
 * with a key derived from the server's secret (not the report links' key, so no link of one
 * kind is ever valid as another).
 */
export type PaperKind = 'agreement' | 'tax-receipt' | 'waste-register';

const canonical = (kind: PaperKind, parts: readonly string[], expires: number) => [kind, ...parts, String(expires)].join('|');

export function paperSignature(secret: string, kind: PaperKind, parts: readonly string[], expires: number): string {
  return createHmac('sha256', `paper-links:${secret}`)
    .update(canonical(kind, parts, expires))
    .digest('base64url');
}

export type PaperLinkCheck = 'valid' | 'expired' | 'forged';

export function checkPaperLink(secret: string, kind: PaperKind, parts: readonly string[], expires: number, given: string, now = new Date()): PaperLinkCheck {
  const expected = Buffer.from(paperSignature(secret, kind, parts, expires));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return 'forged';
  return expires * 1000 < now.getTime() ? 'expired' : 'valid';
}
