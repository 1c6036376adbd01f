import { createHmac } from 'node:crypto';

/** What an attestation states, in a fixed order: the verification code seals exactly this. */
export interface VerifiedFigures {
  donorId: string;
  from: Date;
  to: Date;
  devicesDeclared: number;
  devicesReceived: number;
  devicesReused: number;
  devicesRecycled: number;
  peopleEquipped: number;
  erasureCertificates: number;
  /** md5 of the certificate numbers, sorted and comma-joined ('' when none) */
  certificatesDigest: string;
  co2eAvoidedKg: number;
  byCategory: ReadonlyArray<{ category: string; declared: number; received: number; reused: number; recycled: number; co2eAvoidedKg: number }>;
  beneficiaryProfiles: ReadonlyArray<{ profile: string; count: number }>;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export function canonicalFigures(f: VerifiedFigures): string {
  return [
    'impact-v1',
    f.donorId,
    f.from.toISOString(),
    f.to.toISOString(),
    f.devicesDeclared,
    f.devicesReceived,
    f.devicesReused,
    f.devicesRecycled,
    f.peopleEquipped,
    f.erasureCertificates,
    f.certificatesDigest,
    f.co2eAvoidedKg,
    f.byCategory.map((c) => `${c.category}:${c.declared}:${c.received}:${c.reused}:${c.recycled}:${c.co2eAvoidedKg}`).join(','),
    f.beneficiaryProfiles.map((p) => `${p.profile}:${p.count}`).join(','),
  ].join('|');
}

/**
 * The code printed on an attestation: an HMAC of the figures with the server's secret, 80 bits
 * in Crockford base32 (XXXX-XXXX-XXXX-XXXX). Only the network can make it; anyone holding the
 * document asks the network (a coordinator runs the same report) and compares. A different
 * code means the document was altered, or the figures changed since it was issued (a device
 * declared missing later, say).
 */
export function verificationCode(secret: string, figures: VerifiedFigures): string {
  const mac = createHmac('sha256', `impact-verification:${secret}`).update(canonicalFigures(figures)).digest();
  return base32(mac.subarray(0, 10)).match(/.{4}/g)!.join('-');
}
