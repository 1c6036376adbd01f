import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AttestationKey } from '@app/common';

export interface CategoryFigures {
  category: string;
  declared: number;
  received: number;
  reused: number;
  awaitingBeneficiary: number;
  recycled: number;
  co2eAvoidedKg: number;
}

/** The figures an attestation states. */
export interface AttestationFigures {
  devicesDeclared: number;
  devicesReceived: number;
  devicesReused: number;
  devicesAwaitingBeneficiary: number;
  devicesRecycled: number;
  peopleEquipped: number;
  /** of the people equipped, those accompanied by their partner: stated from format 3 on (absent from older statements) */
  peopleAccompanied?: number;
  erasureCertificates: number;
  /** md5 of the certificate numbers, sorted and comma-joined ('' when none) */
  certificatesDigest: string;
  co2eAvoidedKg: number;
  byCategory: readonly CategoryFigures[];
  beneficiaryProfiles: ReadonlyArray<{ profile: string; count: number }>;
}

/**
 * How a statement is written out to be signed. 2: the first attestations (no `format` field in
 * their stored statement); 3: adds the people accompanied. A stored statement is always re-signed
 * in its own format, so attestations issued before a format was added keep verifying with the
 * fields they stated; new ones are issued in the latest.
 */
export type StatementFormat = 2 | 3;
export const LATEST_STATEMENT_FORMAT: StatementFormat = 3;

/** What an attestation states, whole: the code seals exactly this. */
export interface AttestationStatement {
  /** absent: format 2 */
  format?: StatementFormat;
  donorId: string;
  donorName: string;
  issuerName: string;
  /** ISO instants of the period [from, to) */
  from: string;
  to: string;
  figures: AttestationFigures;
}

export const formatOf = (s: Pick<AttestationStatement, 'format'>): StatementFormat => (s.format === 3 ? 3 : 2);

/**
 * The figures in a fixed order, so that the same figures always give the same text; a format
 * writes exactly the figures it states (format 2 never reads peopleAccompanied).
 */
export function canonicalFigures(f: AttestationFigures, format: StatementFormat): string {
  return JSON.stringify([
    f.devicesDeclared,
    f.devicesReceived,
    f.devicesReused,
    f.devicesAwaitingBeneficiary,
    f.devicesRecycled,
    f.peopleEquipped,
    ...(format >= 3 ? [f.peopleAccompanied ?? null] : []),
    f.erasureCertificates,
    f.certificatesDigest,
    f.co2eAvoidedKg,
    f.byCategory.map((c) => [c.category, c.declared, c.received, c.reused, c.awaitingBeneficiary, c.recycled, c.co2eAvoidedKg]),
    f.beneficiaryProfiles.map((p) => [p.profile, p.count]),
  ]);
}

export function canonicalStatement(s: AttestationStatement): string {
  const format = formatOf(s);
  return JSON.stringify([`attestation-v${format}`, s.donorId, s.donorName, s.issuerName, s.from, s.to, canonicalFigures(s.figures, format)]);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE = /^([0-9A-Z]{1,8})-([0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3})$/;

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

function mac(secret: string, statement: AttestationStatement): Buffer {
  return createHmac('sha256', `attestation:${secret}`).update(canonicalStatement(statement)).digest();
}

export interface SignedStatement {
  /** KID-XXXX-XXXX-XXXX-XXXX: the signing key's id, then 80 bits of the HMAC in Crockford base32 */
  code: string;
  keyId: string;
  /** the whole HMAC (hex), kept with the issued attestation */
  signature: string;
}

/**
 * Signs with the first key: the code names the key, so that after a rotation (a new key first,
 * the old ones kept) every issued code still verifies with the key that made it. Only the
 * network can make a code; the code alone reveals nothing of the figures.
 */
export function signStatement(keys: readonly AttestationKey[], statement: AttestationStatement): SignedStatement {
  const key = keys[0];
  if (!key) throw new Error('no attestation key configured (ATTESTATION_KEYS)');
  const digest = mac(key.secret, statement);
  const keyId = key.id.toUpperCase();
  return { code: `${keyId}-${base32(digest.subarray(0, 10)).match(/.{4}/g)!.join('-')}`, keyId, signature: digest.toString('hex') };
}

/** The code as a person may type it (spaces, lower case), or null when it cannot be one. */
export function normalizeCode(code: string): string | null {
  const text = code.trim().toUpperCase().replace(/\s+/g, '');
  return text.length <= 40 && CODE.test(text) ? text : null;
}

/**
 * True when `signature` and `code` are what the named key makes of this statement: a stored
 * statement changed since, or a code not made by us, fails. An unknown key id fails too.
 */
export function statementIsGenuine(keys: readonly AttestationKey[], keyId: string, statement: AttestationStatement, code: string, signature: string): boolean {
  const key = keys.find((k) => k.id.toUpperCase() === keyId.toUpperCase());
  if (!key) return false;
  const expected = signStatement([key], statement);
  const a = Buffer.from(expected.signature);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b) && expected.code === code;
}
