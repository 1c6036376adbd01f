import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ErrorCode } from '../errors/error-code';

/**
 * The instants any date of ours may hold. Nothing in the network happened before 2000 or is
 * planned after 2100; outside that range a date is a typo (20266 for 2026) or a probe.
 */
export const EARLIEST_DATE = new Date(Date.UTC(2000, 0, 1));
export const LATEST_DATE = new Date(Date.UTC(2101, 0, 1) - 1);

/**
 * RFC 3339 as people and programs write it: a date alone (midnight UTC), or a date and time
 * with seconds and fraction optional and an offset required (Z or ±hh:mm).
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|([+-])(\d{2}):(\d{2})))?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads an ISO 8601 date or date-time, refusing what `new Date()` would quietly roll over
 * (2026-02-30 is not 2 March) or guess at ("Feb 3", "2026-06-01 10:00", a number of
 * milliseconds). Returns the reason when it is not a date in range.
 */
export function parseDateTime(text: string): Date | string {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return 'a date is written 2026-03-01 or 2026-03-01T09:30:00Z (with Z or an offset such as +01:00)';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `there is no month ${m[2]}`;
  if (day < 1 || day > daysInMonth(year, month)) return `${year}-${m[2]} has no day ${m[3]}`;
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return 'the time of day is out of range';
  const offsetHours = Number(m[10] ?? 0);
  const offsetMinutes = Number(m[11] ?? 0);
  if (offsetHours > 14 || offsetMinutes > 59) return 'the offset from UTC is out of range';
  const offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const milliseconds = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offset);
  if (date < EARLIEST_DATE || date > LATEST_DATE) return 'dates are between the years 2000 and 2100';
  return date;
}

function parseOrRefuse(value: unknown): Date {
  const parsed = typeof value === 'string' ? parseDateTime(value) : 'a date is a string such as 2026-03-01T09:30:00Z';
  if (typeof parsed === 'string') {
    const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value;
    throw new GraphQLError(`${shown} is not a valid date: ${parsed}`, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  }
  return parsed;
}

/**
 * The DateTime scalar, strict: same name and output as @nestjs/graphql's (ISO 8601 at UTC),
 * but an impossible or out-of-range input is BAD_USER_INPUT instead of another day.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string | null>({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize(value) {
    return value instanceof Date ? value.toISOString() : null;
  },
  parseValue: parseOrRefuse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('a date is a string such as 2026-03-01T09:30:00Z', { nodes: ast, extensions: { code: ErrorCode.BAD_USER_INPUT } });
    return parseOrRefuse(ast.value);
  },
});
