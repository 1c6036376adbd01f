import { co2eFactorsWith, DEFAULT_CO2E_FACTORS } from './co2e-factors';

describe('co2eFactors', () => {
  it('names a source, a version and a scope for every counted default factor, and says in French why the others are not counted', () => {
    for (const factor of Object.values(DEFAULT_CO2E_FACTORS)) {
      expect(factor.source.length).toBeGreaterThan(10);
      if (factor.counted) {
        expect(factor.kgPerDevice).toBeGreaterThan(0);
        expect(factor.scope).toBe('fabrication + distribution');
        expect(factor.version).toMatch(/ADEME/);
      } else {
        expect([factor.kgPerDevice, factor.source]).toEqual([0, expect.stringMatching(/^non compté : pas de facteur de référence/)]);
      }
    }
    expect(DEFAULT_CO2E_FACTORS.LAPTOP.kgPerDevice).toBe(182.6);
  });

  it('applies the overrides the configuration validated at start', () => {
    const factors = co2eFactorsWith({ MONITOR: 90.5 });
    expect(factors.MONITOR).toMatchObject({ kgPerDevice: 90.5, counted: true, source: 'facteur fixé par le réseau (CO2E_FACTORS)' });
    expect(factors.LAPTOP).toEqual(DEFAULT_CO2E_FACTORS.LAPTOP);
    expect(co2eFactorsWith({})).toEqual(DEFAULT_CO2E_FACTORS);
  });
});
