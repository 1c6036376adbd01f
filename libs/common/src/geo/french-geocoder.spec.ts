import { geocodeFrenchCity } from './french-geocoder';
import { greatCircleKm } from './great-circle';

describe('geocodeFrenchCity', () => {
  it('finds a city by name and postal code, accents and abbreviations aside', () => {
    const lyon = geocodeFrenchCity('Lyon', '69003');
    expect(lyon).not.toBeNull();
    expect(lyon!.lat).toBeCloseTo(45.75, 1);
    const se = geocodeFrenchCity('ST ETIENNE', '42000');
    expect(se).not.toBeNull();
    expect(greatCircleKm(lyon!, se!)).toBeGreaterThan(40);
    expect(greatCircleKm(lyon!, se!)).toBeLessThan(60);
  });

  it('returns null for an unknown city or a city outside the postal code’s département', () => {
    expect(geocodeFrenchCity('Atlantis', '69000')).toBeNull();
    expect(geocodeFrenchCity('Lyon', '75001')).toBeNull();
  });
});
