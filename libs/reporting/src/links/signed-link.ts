import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links to a report file (PDF, CSV) that work without a login, for one report only and for a
 * limited time: the path's parameters and the expiry are signed with the server's secret.
 */
export interface SignedLinkParams {
  kind: 'impact-pdf' | 'impact-csv';
  donorId: string;
  from: string;
  to: string;
}

const canonical = (p: SignedLinkParams, expires: number) => `${p.kind}|${p.donorId}|${p.from}|${p.to}|${expires}`;

function signature(secret: string, p: SignedLinkParams, expires: number): string {
  return createHmac('sha256', `report-links:${secret}`).update(canonical(p, expires)).digest('base64url');
}

export function signLink(secret: string, p: SignedLinkParams, expiresAt: Date): { expires: number; signature: string } {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return { expires, signature: signature(secret, p, expires) };
}

export type LinkCheck = 'valid' | 'expired' | 'forged';

export function checkLink(secret: string, p: SignedLinkParams, expires: number, given: string, now = new Date()): LinkCheck {
  const expected = Buffer.from(signature(secret, p, expires));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return 'forged';
  return expires * 1000 < now.getTime() ? 'expired' : 'valid';
}
