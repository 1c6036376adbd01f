import { co2eFactors, co2eFactorsWith, DEFAULT_CO2E_FACTORS } from './co2e-factors';

describe('co2eFactors', () => {
  it('names a source for every default factor', () => {
    for (const factor of Object.values(DEFAULT_CO2E_FACTORS)) expect(factor.source.length).toBeGreaterThan(10);
  });

  it('takes a network’s own factors per category, and refuses nonsense', () => {
    const factors = co2eFactors('{"LAPTOP": 200}');
    expect(factors.LAPTOP).toEqual({ kgPerDevice: 200, source: 'set by this network (CO2E_FACTORS)' });
    expect(factors.TABLET).toEqual(DEFAULT_CO2E_FACTORS.TABLET);
    expect(() => co2eFactors('{"TOASTER": 3}')).toThrow(/unknown category/);
    expect(() => co2eFactors('{"LAPTOP": -1}')).toThrow(/kg >= 0/);
  });

  it('applies the overrides the configuration validated at start', () => {
    const factors = co2eFactorsWith({ MONITOR: 90.5 });
    expect(factors.MONITOR).toEqual({ kgPerDevice: 90.5, source: 'set by this network (CO2E_FACTORS)' });
    expect(factors.LAPTOP).toEqual(DEFAULT_CO2E_FACTORS.LAPTOP);
    expect(co2eFactorsWith({})).toEqual(DEFAULT_CO2E_FACTORS);
  });
});
