import { publicReuseTargetPercent, reuseSharePercent } from './public-reuse-targets';

describe('public reuse targets (décret n° 2023-266, article 3)', () => {
  it('25 % in 2023, 35 % in 2024, 50 % from 2025, none before the decree', () => {
    expect([2022, 2023, 2024, 2025, 2030].map(publicReuseTargetPercent)).toEqual([null, 25, 35, 50, 50]);
  });

  it('counts refurbished devices as oriented to reuse, and says nothing when nothing is decided', () => {
    expect(reuseSharePercent({ reused: 1, awaitingBeneficiary: 1, recycled: 1 })).toBe(66.7);
    expect(reuseSharePercent({ reused: 0, awaitingBeneficiary: 0, recycled: 3 })).toBe(0);
    expect(reuseSharePercent({ reused: 0, awaitingBeneficiary: 0, recycled: 0 })).toBeNull();
  });
});
