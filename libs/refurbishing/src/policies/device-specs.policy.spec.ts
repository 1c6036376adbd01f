import { emptySpecs, mergeSpecs } from './device-specs.policy';

describe('mergeSpecs', () => {
  const recorded = { ...emptySpecs(), cpu: 'i5-8350U', ramGb: 8, storageGb: 256, ssd: true };

  it('keeps what is left out, replaces what is given, clears what is null', () => {
    expect(mergeSpecs(recorded, { ramGb: 16, ssd: null, os: ' Xubuntu 24.04 ' })).toEqual({
      cpu: 'i5-8350U',
      ramGb: 16,
      storageGb: 256,
      ssd: null,
      screenInches: null,
      os: 'Xubuntu 24.04',
    });
  });

  it('takes blank text as no value, and nothing given as no change', () => {
    expect(mergeSpecs(recorded, { cpu: '   ' }).cpu).toBeNull();
    expect(mergeSpecs(recorded, undefined)).toEqual(recorded);
  });

  it('does not touch the recorded specs', () => {
    mergeSpecs(recorded, { ramGb: 32 });
    expect(recorded.ramGb).toBe(8);
  });
});
