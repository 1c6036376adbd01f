import { Kind } from 'graphql';
import { DateTimeScalar, parseDateTime } from './date-time';

describe('parseDateTime', () => {
  it.each([
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T09:30:00Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:00.123456Z', '2026-03-01T09:30:00.123Z'],
    ['2026-03-01T00:00:00+01:00', '2026-02-28T23:00:00.000Z'],
    ['2026-04-01T00:00:00-02:30', '2026-04-01T02:30:00.000Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
    ['2000-01-01T00:00:00Z', '2000-01-01T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect((parseDateTime(text) as Date).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-02-30', /has no day 30/],
    ['2026-02-29T10:00:00Z', /has no day 29/],
    ['2026-04-31T00:00:00Z', /has no day 31/],
    ['2026-13-01', /no month 13/],
    ['2026-00-10', /no month 00/],
    ['2026-03-00', /has no day 00/],
    ['2026-03-01T24:00:00Z', /time of day/],
    ['2026-03-01T10:60:00Z', /time of day/],
    ['2026-03-01T10:00:00+15:00', /offset/],
    ['2026-03-01T10:00:00', /written/],
    ['2026-03-01 10:00', /written/],
    ['Feb 30 2026', /written/],
    ['tomorrow', /written/],
    ['', /written/],
    ['1999-12-31T23:59:59Z', /2000 and 2100/],
    ['2101-01-01', /2000 and 2100/],
    ['99999-01-01', /written/],
  ])('refuses %j', (text, reason) => {
    expect(parseDateTime(text)).toEqual(expect.stringMatching(reason));
  });
});

describe('DateTimeScalar', () => {
  it('refuses an impossible date with BAD_USER_INPUT, from a variable or a literal', () => {
    expect(() => DateTimeScalar.parseValue('2026-02-30')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    expect(() => DateTimeScalar.parseValue(1_700_000_000_000)).toThrow(/a date is a string/);
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2026-02-30' })).toThrow(/has no day 30/);
    expect(DateTimeScalar.parseValue('2026-02-28')).toEqual(new Date('2026-02-28T00:00:00Z'));
  });

  it('writes dates as before: ISO 8601 at UTC', () => {
    expect(DateTimeScalar.serialize(new Date('2026-03-01T09:30:00Z'))).toBe('2026-03-01T09:30:00.000Z');
  });
});
