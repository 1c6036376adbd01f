import { verificationCode, VerifiedFigures } from './verification-code';

describe('verificationCode', () => {
  const figures: VerifiedFigures = {
    donorId: 'd1',
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2027-01-01T00:00:00Z'),
    devicesDeclared: 10,
    devicesReceived: 9,
    devicesReused: 6,
    devicesRecycled: 2,
    peopleEquipped: 4,
    erasureCertificates: 8,
    certificatesDigest: 'abc',
    co2eAvoidedKg: 936,
    byCategory: [{ category: 'LAPTOP', declared: 10, received: 9, reused: 6, recycled: 2, co2eAvoidedKg: 936 }],
    beneficiaryProfiles: [{ profile: 'SENIOR', count: 5 }],
  };

  it('is stable for the same figures, four groups of four Crockford characters', () => {
    const code = verificationCode('s3cret', figures);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(verificationCode('s3cret', { ...figures, byCategory: [...figures.byCategory] })).toBe(code);
  });

  it('changes with any figure, the period, the donor, or the secret', () => {
    const code = verificationCode('s3cret', figures);
    const variants: Array<Partial<VerifiedFigures>> = [
      { donorId: 'd2' },
      { to: new Date('2026-12-31T00:00:00Z') },
      { devicesReused: 7 },
      { peopleEquipped: 5 },
      { certificatesDigest: 'abd' },
      { co2eAvoidedKg: 936.5 },
      { byCategory: [{ ...figures.byCategory[0]!, recycled: 3 }] },
      { beneficiaryProfiles: [{ profile: 'STUDENT', count: 5 }] },
    ];
    for (const v of variants) expect(verificationCode('s3cret', { ...figures, ...v })).not.toBe(code);
    expect(verificationCode('other', figures)).not.toBe(code);
  });
});
