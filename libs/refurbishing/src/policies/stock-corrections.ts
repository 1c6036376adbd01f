/** One stock counter (or a recount of the devices) of a refurbisher, by category and grade. */
export interface StockCounter<C extends string = string, G extends string = string> {
  category: C;
  grade: G;
  available: number;
  reserved: number;
}

export interface StockCorrection<C extends string = string, G extends string = string> {
  category: C;
  grade: G;
  availableBefore: number;
  availableAfter: number;
  reservedBefore: number;
  reservedAfter: number;
}

/** The key StockLedger sorts its counter updates by (after the refurbisher): locks follow it. */
export const stockKey = (c: { category: string; grade: string }): string => `${c.category}|${c.grade}`;

export function byStockKey(a: { category: string; grade: string }, b: { category: string; grade: string }): number {
  const ka = stockKey(a);
  const kb = stockKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * The corrections that make the counters equal the recount: one per key where they differ, in
 * key order. A counter with no device left goes to zero; a key with devices and no counter is
 * corrected from zero. Equal counters give nothing, so running it on its own output is a no-op.
 */
export function stockCorrections<C extends string, G extends string>(
  counters: readonly StockCounter<C, G>[],
  recount: readonly StockCounter<C, G>[],
): StockCorrection<C, G>[] {
  const before = new Map(counters.map((c) => [stockKey(c), c]));
  const after = new Map(recount.map((c) => [stockKey(c), c]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: StockCorrection<C, G>[] = [];
  for (const key of keys) {
    const b = before.get(key);
    const a = after.get(key);
    const { category, grade } = (b ?? a)!;
    const correction = {
      category,
      grade,
      availableBefore: b?.available ?? 0,
      availableAfter: a?.available ?? 0,
      reservedBefore: b?.reserved ?? 0,
      reservedAfter: a?.reserved ?? 0,
    };
    if (correction.availableBefore !== correction.availableAfter || correction.reservedBefore !== correction.reservedAfter) out.push(correction);
  }
  return out;
}
