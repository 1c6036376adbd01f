import { histogramMedianHours, leadTimeBucket } from './lead-time';

describe('lead-time histogram', () => {
  it('buckets an hour wide up to two days, six hours up to thirty days, a day beyond', () => {
    expect(leadTimeBucket(0)).toEqual({ startHours: 0, widthHours: 1 });
    expect(leadTimeBucket(-3)).toEqual({ startHours: 0, widthHours: 1 });
    expect(leadTimeBucket(47.99)).toEqual({ startHours: 47, widthHours: 1 });
    expect(leadTimeBucket(48)).toEqual({ startHours: 48, widthHours: 6 });
    expect(leadTimeBucket(59.5)).toEqual({ startHours: 54, widthHours: 6 });
    expect(leadTimeBucket(719.9)).toEqual({ startHours: 714, widthHours: 6 });
    expect(leadTimeBucket(720)).toEqual({ startHours: 720, widthHours: 24 });
    expect(leadTimeBucket(1000)).toEqual({ startHours: 984, widthHours: 24 });
  });

  it('every lead time lies in its bucket', () => {
    for (let h = 0; h < 3000; h += 0.37) {
      const b = leadTimeBucket(h);
      expect(h).toBeGreaterThanOrEqual(b.startHours);
      expect(h).toBeLessThan(b.startHours + b.widthHours);
    }
  });

  it('the median is percentile_cont(0.5) of the samples at their bucket middles, within half a bucket of the exact one', () => {
    expect(histogramMedianHours([])).toBeNull();
    expect(histogramMedianHours([{ startHours: 5, samples: 1 }])).toBe(5.5);
    // two samples: their mean
    expect(
      histogramMedianHours([
        { startHours: 5, samples: 1 },
        { startHours: 48, samples: 1 },
      ]),
    ).toBe((5.5 + 51) / 2);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let run = 0; run < 200; run++) {
      const samples = Array.from({ length: 1 + Math.floor(random() * 40) }, () => random() * 2000);
      const counts = new Map<number, number>();
      for (const h of samples) counts.set(leadTimeBucket(h).startHours, (counts.get(leadTimeBucket(h).startHours) ?? 0) + 1);
      const median = histogramMedianHours([...counts].map(([startHours, n]) => ({ startHours, samples: n })))!;
      const sorted = samples.sort((a, b) => a - b);
      const lo = sorted[Math.floor((sorted.length - 1) / 2)]!;
      const hi = sorted[Math.ceil((sorted.length - 1) / 2)]!;
      expect(Math.abs(median - (lo + hi) / 2)).toBeLessThanOrEqual((leadTimeBucket(lo).widthHours + leadTimeBucket(hi).widthHours) / 4 + 1e-9);
    }
  });
});
