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

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super(ErrorCode.FORBIDDEN, message);
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
  constructor(message: string, retryAfterSeconds?: number) {
    super(ErrorCode.RATE_LIMITED, message, retryAfterSeconds ? { retryAfterSeconds } : undefined);
  }
}

export class QueryTooComplexError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.QUERY_TOO_COMPLEX, message);
  }
}
