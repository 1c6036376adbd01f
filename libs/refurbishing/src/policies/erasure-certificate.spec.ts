import { certificateNumber, isCertificateNumber } from './erasure-certificate';

describe('erasure certificate numbers', () => {
  const at = new Date('2026-03-01T10:00:00Z');

  it('read ERA-<year>-<6 digits>', () => {
    expect(certificateNumber(at, 1)).toBe('ERA-2026-000001');
    expect(certificateNumber(at, '42')).toBe('ERA-2026-000042');
    expect(isCertificateNumber('ERA-2026-000042')).toBe(true);
  });

  it('take the UTC year of the erasure', () => {
    expect(certificateNumber(new Date('2026-12-31T23:30:00-02:00'), 7)).toBe('ERA-2027-000007');
  });

  it('grow past six digits rather than wrap', () => {
    expect(certificateNumber(at, 1_234_567)).toBe('ERA-2026-1234567');
    expect(isCertificateNumber('ERA-2026-1234567')).toBe(true);
  });

  it('refuse what is not a sequence value', () => {
    expect(() => certificateNumber(at, 0)).toThrow(RangeError);
    expect(() => certificateNumber(at, 'x')).toThrow(RangeError);
    expect(isCertificateNumber('ERA-26-1')).toBe(false);
  });
});
