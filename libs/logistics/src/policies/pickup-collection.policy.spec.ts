import { BadInputError } from '@app/common';
import { shortfallOf } from './pickup-collection.policy';

describe('shortfallOf', () => {
  it('is zero when everything declared was collected', () => {
    expect(shortfallOf(12, 12)).toBe(0);
  });

  it('keeps what is missing', () => {
    expect(shortfallOf(12, 9)).toBe(3);
    expect(shortfallOf(12, 1)).toBe(11);
  });

  it.each([0, -1, 13, 2.5, Number.NaN])('refuses a collected count of %s for a lot of 12', (collected) => {
    expect(() => shortfallOf(12, collected)).toThrow(BadInputError);
  });
});
