import { ErrorCode } from './error-code';

/**
 * Why a request was refused, as a stable identifier a program can rely on: `extensions.reason`
 * beside `extensions.code`, with the parameters in `extensions.details`. The message is for
 * whoever reads the raw response; a client shows its own words for the reason (the French ones
 * are in `reason-messages.fr.ts`). A reason, once published, keeps its name and parameters.
 */
export enum ErrorReason {
  // one per code, for the refusals that need nothing more specific
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  INTERNAL = 'INTERNAL',

  // refusals the database or the state tables make, whatever the command
  /** details: entity, from, to */
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  /** details: entity, state */
  FINAL_STATE = 'FINAL_STATE',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  CONCURRENT_CHANGE = 'CONCURRENT_CHANGE',
  VALUE_TOO_LONG = 'VALUE_TOO_LONG',
  VALUE_OUT_OF_RANGE = 'VALUE_OUT_OF_RANGE',
  INVALID_DATE = 'INVALID_DATE',
  INVALID_CHARACTER = 'INVALID_CHARACTER',
}

/** The reason of a refusal that names none: the generic one of its code. */
export function defaultReason(code: ErrorCode): ErrorReason {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return ErrorReason.UNAUTHENTICATED;
    case ErrorCode.FORBIDDEN:
      return ErrorReason.FORBIDDEN;
    case ErrorCode.NOT_FOUND:
      return ErrorReason.NOT_FOUND;
    case ErrorCode.BAD_USER_INPUT:
      return ErrorReason.INVALID_INPUT;
    case ErrorCode.CONFLICT:
      return ErrorReason.CONFLICT;
    case ErrorCode.RATE_LIMITED:
      return ErrorReason.RATE_LIMITED;
    case ErrorCode.QUERY_TOO_COMPLEX:
      return ErrorReason.QUERY_TOO_COMPLEX;
    case ErrorCode.INTERNAL_SERVER_ERROR:
      return ErrorReason.INTERNAL;
  }
}
