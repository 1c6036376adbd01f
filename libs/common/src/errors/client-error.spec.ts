import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { toClientError } from './client-error';

const pgError = (code: string) => new QueryFailedError('INSERT …', [], Object.assign(new Error('pg'), { code }));

describe('toClientError', () => {
  it.each([
    ['22021', 'invalid byte sequence (a NUL in text)'],
    ['22P05', 'untranslatable character'],
    ['22007', 'invalid datetime format'],
    ['22008', 'datetime field overflow'],
    ['23514', 'check violation'],
  ])("PostgreSQL %s (%s) is the caller's doing: BAD_USER_INPUT, without the SQL", (code) => {
    const client = toClientError(pgError(code));
    expect(client.code).toBe('BAD_USER_INPUT');
    expect(client.reason).not.toBe('INTERNAL');
    expect(client.message).not.toMatch(/INSERT|pg/);
  });

  it('other PostgreSQL failures stay internal', () => {
    expect(toClientError(pgError('53300'))).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL', message: 'Internal error' });
  });

  it('a scalar refusing a variable keeps the words graphql-js adds: which variable, where', () => {
    const scalar = new GraphQLError('"2026-02-30" is not a valid date: 2026-02 has no day 30', { extensions: { code: 'BAD_USER_INPUT' } });
    const wrapped = new GraphQLError(`Variable "$from" got invalid value "2026-02-30"; ${scalar.message}`, { originalError: scalar });
    expect(toClientError(wrapped)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', message: wrapped.message });
  });
});
