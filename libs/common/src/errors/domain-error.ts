import { ErrorCode } from './error-code';
import { defaultReason, ErrorReason } from './error-reason';

/**
 * An expected failure. Services throw these; one formatter maps them to GraphQL errors,
 * so a resolver never decides what a client sees. `reason` says why in a stable word a client
 * can translate; `details` are its parameters.
 */
export class DomainError extends Error {
  readonly reason: ErrorReason;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    reason?: ErrorReason,
  ) {
    super(message);
    this.name = new.target.name;
    this.reason = reason ?? defaultReason(code);
  }
}

/** The one answer to a failed login, whichever of the two was wrong: it tells nobody which accounts exist. */
export const INVALID_CREDENTIALS = 'Invalid email or password: check both, or ask for a reset link';

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required: log in', reason?: ErrorReason) {
    super(ErrorCode.UNAUTHENTICATED, message, undefined, reason);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this: ask the coordinator of your region', details?: Record<string, unknown>, reason?: ErrorReason) {
    super(ErrorCode.FORBIDDEN, message, details, reason);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super(ErrorCode.NOT_FOUND, id ? `${entity} ${id} not found` : `${entity} not found`, id ? { entity, id } : { entity });
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>, reason?: ErrorReason) {
    super(ErrorCode.BAD_USER_INPUT, message, details, reason);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>, reason?: ErrorReason) {
    super(ErrorCode.CONFLICT, message, details, reason);
  }
}

export class RateLimitedError extends DomainError {
  constructor(message: string, retryAfterSeconds?: number, reason?: ErrorReason) {
    super(ErrorCode.RATE_LIMITED, message, retryAfterSeconds ? { retryAfterSeconds } : undefined, reason);
  }
}

export class QueryTooComplexError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.QUERY_TOO_COMPLEX, message);
  }
}
