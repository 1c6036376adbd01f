/**
 * The calendar reports count in: days and weeks as the people of the network live them
 * (a device graded at 00:30 in Lyon belongs to that day, not to the previous UTC day).
 * Weeks start on Monday.
 */
export const REPORT_TIME_ZONE = 'Europe/Paris';

/** SQL: the report day of a timestamptz expression. */
export const reportDaySql = (timestamp: string): string => `((${timestamp}) AT TIME ZONE '${REPORT_TIME_ZONE}')::date`;

/** SQL: the instant a report day (a date expression) starts. */
export const dayStartSql = (day: string): string => `((${day})::timestamp AT TIME ZONE '${REPORT_TIME_ZONE}')`;
