/** The lead times the dashboard reports a median of, each sampled when its end event happens. */
export enum LeadTimeKind {
  /** per completed pickup: its donation's declaration → the pickup completed */
  DECLARATION_TO_PICKUP = 'DECLARATION_TO_PICKUP',
  /** per device refurbished: its lot's pickup completed → IN_STOCK */
  PICKUP_TO_STOCK = 'PICKUP_TO_STOCK',
  /** per device delivered: its order submitted → DELIVERED */
  ORDER_TO_DELIVERY = 'ORDER_TO_DELIVERY',
}

/**
 * Lead times are kept as a histogram per day (samples per bucket), so that a median over any
 * period reads a few hundred rows instead of every device. Buckets are an hour wide up to two
 * days, six hours up to thirty days, a day beyond: the median is exact to half a bucket
 * (30 min, 3 h, 12 h), far finer than the days the dashboard shows, and a day holds at most
 * about 160 buckets per kind however many devices it saw.
 */
const TIERS = [
  { below: 48, width: 1 },
  { below: 720, width: 6 },
  { below: Infinity, width: 24 },
] as const;

export interface LeadTimeBucket {
  /** first hour of the bucket */
  startHours: number;
  widthHours: number;
}

export function leadTimeBucket(hours: number): LeadTimeBucket {
  const h = Math.max(0, hours);
  let floor = 0;
  for (const tier of TIERS) {
    if (h < tier.below) return { startHours: floor + Math.floor((h - floor) / tier.width) * tier.width, widthHours: tier.width };
    floor = tier.below;
  }
  throw new Error('unreachable');
}

export const bucketWidthHours = (startHours: number): number => TIERS.find((t) => startHours < t.below)!.width;

/** SQL: the bucket start (hours) of an interval expression; the same rule as leadTimeBucket. */
export function leadTimeBucketSql(interval: string): string {
  const h = `greatest(extract(epoch FROM (${interval})) / 3600.0, 0)`;
  return `(CASE WHEN ${h} < 48 THEN floor(${h})
               WHEN ${h} < 720 THEN 48 + floor((${h} - 48) / 6) * 6
               ELSE 720 + floor((${h} - 720) / 24) * 24 END)::int`;
}

/** SQL: the middle of a bucket, in hours, from its start column. */
export const bucketMiddleSql = (start: string): string => `(${start} + CASE WHEN ${start} < 48 THEN 0.5 WHEN ${start} < 720 THEN 3 ELSE 12 END)`;

/**
 * The median of a histogram, as percentile_cont(0.5) of its samples taken at their bucket's
 * middle: the mean of the two middle samples when their number is even. Null when empty.
 * (The dashboard computes it in SQL; this is the same rule, for tests and readers.)
 */
export function histogramMedianHours(buckets: ReadonlyArray<{ startHours: number; samples: number }>): number | null {
  const sorted = [...buckets].filter((b) => b.samples > 0).sort((a, b) => a.startHours - b.startHours);
  const total = sorted.reduce((s, b) => s + b.samples, 0);
  if (!total) return null;
  const at = (position: number): number => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.samples;
      if (seen >= position) return b.startHours + bucketWidthHours(b.startHours) / 2;
    }
    throw new Error('unreachable');
  };
  return (at(Math.floor((total + 1) / 2)) + at(Math.floor(total / 2) + 1)) / 2;
}
