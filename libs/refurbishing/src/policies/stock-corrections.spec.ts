import { stockCorrections } from './stock-corrections';

const c = (category: string, grade: string, available: number, reserved: number) => ({ category, grade, available, reserved });

describe('stockCorrections', () => {
  it('corrects counters that differ from the recount, in key order, and nothing else', () => {
    const counters = [c('LAPTOP', 'B', 5, 1), c('LAPTOP', 'A', 2, 0), c('TABLET', 'C', 1, 0)];
    const recount = [c('LAPTOP', 'A', 2, 0), c('LAPTOP', 'B', 3, 2), c('DESKTOP', 'A', 1, 0)];
    expect(stockCorrections(counters, recount)).toEqual([
      { category: 'DESKTOP', grade: 'A', availableBefore: 0, availableAfter: 1, reservedBefore: 0, reservedAfter: 0 },
      { category: 'LAPTOP', grade: 'B', availableBefore: 5, availableAfter: 3, reservedBefore: 1, reservedAfter: 2 },
      { category: 'TABLET', grade: 'C', availableBefore: 1, availableAfter: 0, reservedBefore: 0, reservedAfter: 0 },
    ]);
  });

  it('a zero counter with no devices is no drift', () => {
    expect(stockCorrections([c('LAPTOP', 'A', 0, 0)], [])).toEqual([]);
  });

  it('is idempotent: the corrected counters give no further correction', () => {
    const counters = [c('LAPTOP', 'B', 5, 1), c('MONITOR', 'A', 0, 3)];
    const recount = [c('LAPTOP', 'B', 4, 1), c('PRINTER', 'C', 2, 0)];
    const corrected = stockCorrections(counters, recount).map((x) => c(x.category, x.grade, x.availableAfter, x.reservedAfter));
    const untouched = counters.filter((k) => !corrected.some((x) => x.category === k.category && x.grade === k.grade));
    expect(stockCorrections([...untouched, ...corrected], recount)).toEqual([]);
  });
});
