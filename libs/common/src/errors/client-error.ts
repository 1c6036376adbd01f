import { HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { defaultReason, ErrorReason } from './error-reason';

export interface ClientError {
  message: string;
  code: ErrorCode;
  reason: ErrorReason;
  details?: Record<string, unknown>;
}

const KNOWN_REASONS = new Set<string>(Object.values(ErrorReason));

/** A refusal with the generic reason of its code. */
function refusal(code: ErrorCode, message: string, details?: Record<string, unknown>): ClientError {
  return details ? { code, reason: defaultReason(code), message, details } : { code, reason: defaultReason(code), message };
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function isKnownCode(code: unknown): boolean {
  return typeof code === 'string' && KNOWN_CODES.has(code);
}

/** PostgreSQL error codes that are the caller's doing, not ours. */
const PG_CODES: Record<string, ClientError> = {
  '23505': { code: ErrorCode.CONFLICT, reason: ErrorReason.ALREADY_EXISTS, message: 'This already exists' },
  '40001': { code: ErrorCode.CONFLICT, reason: ErrorReason.CONCURRENT_CHANGE, message: 'A concurrent change won; try again' },
  '40P01': { code: ErrorCode.CONFLICT, reason: ErrorReason.CONCURRENT_CHANGE, message: 'A concurrent change won; try again' },
  '55P03': { code: ErrorCode.CONFLICT, reason: ErrorReason.CONCURRENT_CHANGE, message: 'This is being changed by someone else; try again' },
  '22P02': { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.INVALID_INPUT, message: 'Invalid identifier or value' },
  '22001': { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.VALUE_TOO_LONG, message: 'A value is too long' },
  '22003': { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.VALUE_OUT_OF_RANGE, message: 'A number is out of range' },
  // The input rule refuses NUL and the DateTime scalar impossible dates before any SQL; these are the last line.
  '22021': {
    code: ErrorCode.BAD_USER_INPUT,
    reason: ErrorReason.INVALID_CHARACTER,
    message: 'A text holds a character that cannot be stored (NUL or invalid UTF-8)',
  },
  '22P05': { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.INVALID_CHARACTER, message: 'A text holds a character that cannot be stored' },
  '22007': { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.INVALID_DATE, message: 'Invalid date or time' },
  '22008': { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.INVALID_DATE, message: 'A date or time is out of range' },
  '22023': { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.INVALID_INPUT, message: 'Invalid value' },
  '23514': { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.VALUE_OUT_OF_RANGE, message: 'A value is out of its allowed range' },
};

function fromHttpException(error: HttpException): ClientError {
  const status = error.getStatus();
  const body = error.getResponse() as { message?: string | string[] } | string;
  const raw = typeof body === 'string' ? body : body.message;
  const message = Array.isArray(raw) ? raw.join('; ') : (raw ?? error.message);
  if (status === 400 || status === 422) return refusal(ErrorCode.BAD_USER_INPUT, message);
  if (status === 401) return refusal(ErrorCode.UNAUTHENTICATED, message);
  if (status === 403) return refusal(ErrorCode.FORBIDDEN, message);
  if (status === 404) return refusal(ErrorCode.NOT_FOUND, message);
  if (status === 409) return refusal(ErrorCode.CONFLICT, message);
  if (status === 429) return refusal(ErrorCode.RATE_LIMITED, message);
  // Fastify and Mercurius refuse malformed requests (bad JSON, no query) with a 4xx status.
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return refusal(ErrorCode.BAD_USER_INPUT, (error as Error).message);
  }
  return refusal(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal error');
}

/** A GraphQLError our own code raised with its code (and maybe reason and details) in its extensions. */
function ownRefusal(error: GraphQLError): ClientError {
  const code = error.extensions.code as ErrorCode;
  const reason =
    typeof error.extensions.reason === 'string' && KNOWN_REASONS.has(error.extensions.reason) ? (error.extensions.reason as ErrorReason) : defaultReason(code);
  const details = error.extensions.details as Record<string, unknown> | undefined;
  return details ? { code, reason, message: error.message, details } : { code, reason, message: error.message };
}

/**
 * The one mapping from anything thrown to what a client sees: a message and an
 * `extensions.code` with its `reason`. Unknown errors become INTERNAL_SERVER_ERROR with no detail.
 */
export function toClientError(error: unknown): ClientError {
  if (error instanceof DomainError) {
    return error.details
      ? { code: error.code, reason: error.reason, message: error.message, details: error.details }
      : { code: error.code, reason: error.reason, message: error.message };
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: string } | undefined)?.code;
    if (code && PG_CODES[code]) return PG_CODES[code]!;
  }
  if (error instanceof GraphQLError) {
    const original = error.originalError;
    // A scalar refusing a variable: graphql-js wraps it with the variable and path, worth keeping.
    if (original instanceof GraphQLError && !original.originalError && isKnownCode(original.extensions?.code)) {
      return { ...ownRefusal(original), message: error.message };
    }
    if (original && original !== error) return toClientError(original);
    if (isKnownCode(error.extensions?.code)) return ownRefusal(error);
    // Errors graphql-js raises itself (unknown field, wrong enum, missing argument) are bad input.
    if (!original) return refusal(ErrorCode.BAD_USER_INPUT, error.message);
  }
  // Fastify and Mercurius refuse malformed requests (bad JSON, no query) with a 4xx status.
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return refusal(ErrorCode.BAD_USER_INPUT, (error as Error).message);
  }
  return refusal(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal error');
}
