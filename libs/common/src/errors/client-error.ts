import { HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';

export interface ClientError {
  message: string;
  code: ErrorCode;
  details?: Record<string, unknown>;
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function isKnownCode(code: unknown): boolean {
  return typeof code === 'string' && KNOWN_CODES.has(code);
}

/** PostgreSQL error codes that are the caller's doing, not ours. */
const PG_CODES: Record<string, ClientError> = {
  '23505': { code: ErrorCode.CONFLICT, message: 'This already exists' },
  '40001': { code: ErrorCode.CONFLICT, message: 'A concurrent change won; try again' },
  '40P01': { code: ErrorCode.CONFLICT, message: 'A concurrent change won; try again' },
  '55P03': { code: ErrorCode.CONFLICT, message: 'This is being changed by someone else; try again' },
  '22P02': { code: ErrorCode.BAD_USER_INPUT, message: 'Invalid identifier or value' },
  '22001': { code: ErrorCode.BAD_USER_INPUT, message: 'A value is too long' },
  '22003': { code: ErrorCode.BAD_USER_INPUT, message: 'A number is out of range' },
  // The input rule refuses NUL and the DateTime scalar impossible dates before any SQL; these are the last line.
  '22021': { code: ErrorCode.BAD_USER_INPUT, message: 'A text holds a character that cannot be stored (NUL or invalid UTF-8)' },
  '22P05': { code: ErrorCode.BAD_USER_INPUT, message: 'A text holds a character that cannot be stored' },
  '22007': { code: ErrorCode.BAD_USER_INPUT, message: 'Invalid date or time' },
  '22008': { code: ErrorCode.BAD_USER_INPUT, message: 'A date or time is out of range' },
  '22023': { code: ErrorCode.BAD_USER_INPUT, message: 'Invalid value' },
  '23514': { code: ErrorCode.BAD_USER_INPUT, message: 'A value is out of its allowed range' },
};

function fromHttpException(error: HttpException): ClientError {
  const status = error.getStatus();
  const body = error.getResponse() as { message?: string | string[] } | string;
  const raw = typeof body === 'string' ? body : body.message;
  const message = Array.isArray(raw) ? raw.join('; ') : (raw ?? error.message);
  if (status === 400 || status === 422) return { code: ErrorCode.BAD_USER_INPUT, message };
  if (status === 401) return { code: ErrorCode.UNAUTHENTICATED, message };
  if (status === 403) return { code: ErrorCode.FORBIDDEN, message };
  if (status === 404) return { code: ErrorCode.NOT_FOUND, message };
  if (status === 409) return { code: ErrorCode.CONFLICT, message };
  if (status === 429) return { code: ErrorCode.RATE_LIMITED, message };
  // Fastify and Mercurius refuse malformed requests (bad JSON, no query) with a 4xx status.
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { code: ErrorCode.BAD_USER_INPUT, message: (error as Error).message };
  }
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal error' };
}

/**
 * The one mapping from anything thrown to what a client sees: a message and an
 * `extensions.code`. Unknown errors become INTERNAL_SERVER_ERROR with no detail.
 */
export function toClientError(error: unknown): ClientError {
  if (error instanceof DomainError) return { code: error.code, message: error.message, details: error.details };
  if (error instanceof HttpException) return fromHttpException(error);
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: string } | undefined)?.code;
    if (code && PG_CODES[code]) return PG_CODES[code]!;
  }
  if (error instanceof GraphQLError) {
    const original = error.originalError;
    // A scalar refusing a variable: graphql-js wraps it with the variable and path, worth keeping.
    if (original instanceof GraphQLError && !original.originalError && isKnownCode(original.extensions?.code)) {
      return { code: original.extensions.code as ErrorCode, message: error.message };
    }
    if (original && original !== error) return toClientError(original);
    const code = error.extensions?.code;
    if (isKnownCode(code)) return { code: code as ErrorCode, message: error.message };
    // Errors graphql-js raises itself (unknown field, wrong enum, missing argument) are bad input.
    if (!original) return { code: ErrorCode.BAD_USER_INPUT, message: error.message };
  }
  // Fastify and Mercurius refuse malformed requests (bad JSON, no query) with a 4xx status.
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { code: ErrorCode.BAD_USER_INPUT, message: (error as Error).message };
  }
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal error' };
}
