import { co2eFactorsWith, DEFAULT_CO2E_FACTORS } from './co2e-factors';

describe('co2eFactors', () => {
  it('names a source for every default factor', () => {
    for (const factor of Object.values(DEFAULT_CO2E_FACTORS)) expect(factor.source.length).toBeGreaterThan(10);
  });

  it('applies the overrides the configuration validated at start', () => {
    const factors = co2eFactorsWith({ MONITOR: 90.5 });
    expect(factors.MONITOR).toEqual({ kgPerDevice: 90.5, source: 'set by this network (CO2E_FACTORS)' });
    expect(factors.LAPTOP).toEqual(DEFAULT_CO2E_FACTORS.LAPTOP);
    expect(co2eFactorsWith({})).toEqual(DEFAULT_CO2E_FACTORS);
  });
});
