import type { ValidationError } from 'class-validator';
import { ErrorReason } from '../errors/error-reason';

/** One refused field of an input: where it is ("lines.0.quantity") and which rules it broke ("min", "isInt"). */
export interface RefusedField {
  path: string;
  constraints: string[];
}

/** Rules whose refusal has a reason of its own; any other refusal is INVALID_INPUT. */
const CONSTRAINT_REASONS: Readonly<Record<string, ErrorReason>> = {
  isSiret: ErrorReason.SIRET_INVALID,
};

/** The reason of an input refusal: a specific one when every refused rule has the same, INVALID_INPUT otherwise. */
export function reasonOfFields(fields: readonly RefusedField[]): ErrorReason {
  const reasons = new Set(fields.flatMap((f) => f.constraints.map((c) => CONSTRAINT_REASONS[c] ?? ErrorReason.INVALID_INPUT)));
  return reasons.size === 1 ? [...reasons][0]! : ErrorReason.INVALID_INPUT;
}

/**
 * The fields class-validator refused, by property path, so a form can point at the field: the
 * rule names are stable (a client may word them), the messages are not.
 */
export function refusedFields(errors: readonly ValidationError[], parent = ''): RefusedField[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own: RefusedField[] = e.constraints ? [{ path, constraints: Object.keys(e.constraints) }] : [];
    return [...own, ...refusedFields(e.children ?? [], path)];
  });
}
