const CERTIFICATE = /^ERA-(\d{4})-(\d{6,})$/;

/**
 * The number printed on a donor's erasure certificate: ERA-<year>-<six digits at least>, the
 * counter coming from one PostgreSQL sequence, so numbers are unique under any concurrency and
 * never reused (a rolled-back transaction leaves a gap, not a duplicate).
 */
export function certificateNumber(performedAt: Date, sequenceValue: number | string): string {
  const n = typeof sequenceValue === 'string' ? Number(sequenceValue) : sequenceValue;
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`not a sequence value: ${sequenceValue}`);
  return `ERA-${performedAt.getUTCFullYear()}-${String(n).padStart(6, '0')}`;
}

export function isCertificateNumber(value: string): boolean {
  return CERTIFICATE.test(value);
}
