import { checkLink, signLink } from './signed-link';

describe('signed report links', () => {
  const params = { kind: 'impact-pdf' as const, donorId: 'd1', from: '2026-01-01T00:00:00.000Z', to: '2026-12-31T23:59:59.000Z' };
  const now = new Date('2026-11-23T10:00:00Z');
  const inAnHour = new Date(now.getTime() + 3600_000);

  it('accepts the link it signed until it expires', () => {
    const { expires, signature } = signLink('s3cret', params, inAnHour);
    expect(checkLink('s3cret', params, expires, signature, now)).toBe('valid');
    expect(checkLink('s3cret', params, expires, signature, new Date(inAnHour.getTime() + 1000))).toBe('expired');
  });

  it('refuses another donor, another period, another kind, another expiry or another secret', () => {
    const { expires, signature } = signLink('s3cret', params, inAnHour);
    expect(checkLink('s3cret', { ...params, donorId: 'd2' }, expires, signature, now)).toBe('forged');
    expect(checkLink('s3cret', { ...params, to: '2027-01-01T00:00:00.000Z' }, expires, signature, now)).toBe('forged');
    expect(checkLink('s3cret', { ...params, kind: 'impact-csv' }, expires, signature, now)).toBe('forged');
    expect(checkLink('s3cret', params, expires + 3600, signature, now)).toBe('forged');
    expect(checkLink('other', params, expires, signature, now)).toBe('forged');
    expect(checkLink('s3cret', params, expires, 'x', now)).toBe('forged');
  });
});
