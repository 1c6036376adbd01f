import { BadInputError, ErrorReason } from '@app/common';

/** The longest period a report covers: enough for a multi-year CSR review, short enough to stay cheap. */
export const MAX_REPORT_YEARS = 5;

/** A report's period, [from, to): from included, to excluded, so that consecutive periods add up. */
export interface ReportPeriod {
  from: Date;
  to: Date;
}

export function reportPeriod(from: Date, to: Date): ReportPeriod {
  if (!(from instanceof Date) || Number.isNaN(from.getTime())) throw new BadInputError('from must be a date', { field: 'from' }, ErrorReason.INVALID_DATE);
  if (!(to instanceof Date) || Number.isNaN(to.getTime())) throw new BadInputError('to must be a date', { field: 'to' }, ErrorReason.INVALID_DATE);
  if (from.getTime() >= to.getTime()) {
    throw new BadInputError('from must be before to (the period is [from, to)): swap or correct the dates', { field: 'to' }, ErrorReason.PERIOD_REVERSED);
  }
  const limit = new Date(from.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_REPORT_YEARS);
  if (to.getTime() > limit.getTime()) {
    throw new BadInputError(
      `A report covers at most ${MAX_REPORT_YEARS} years: shorten the period`,
      { field: 'to', maxYears: MAX_REPORT_YEARS },
      ErrorReason.PERIOD_TOO_LONG,
    );
  }
  return { from, to };
}
