/** PostgreSQL takes at most 65,535 parameters per statement: multi-row inserts go in slices. */
export function chunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
