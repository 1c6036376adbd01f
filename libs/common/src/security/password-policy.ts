import { BadInputError } from '../errors/domain-error';
import { ErrorReason } from '../errors/error-reason';
import { COMMON_PASSWORDS } from './common-passwords';

/** Long enough that guessing a password that is not on a list is out of reach behind the login throttle. */
export const PASSWORD_MIN_LENGTH = 12;

export type PasswordWeaknessReason = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_COMMON' | 'PASSWORD_CONTAINS_EMAIL';

export interface PasswordWeakness {
  reason: PasswordWeaknessReason;
  /** says what to do, for the person choosing the password */
  message: string;
}

/** Runs that people type instead of choosing: digits, the alphabet, AZERTY and QWERTY rows. */
const SEQUENCES = [
  '01234567890123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'azertyuiopqsdfghjklmwxcvbn',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
];

/** Look-alike characters folded back to the letter they stand for ("p@ssw0rd" is "password"). */
const LOOK_ALIKES: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i', '€': 'e' };

const fold = (text: string): string => text.replace(/[0134578@$!€]/g, (c) => LOOK_ALIKES[c] ?? c);
const lettersAndDigits = (text: string): string => text.replace(/[^\p{L}\p{N}]/gu, '');

/** The word under the decorations: digits and symbols around it ("Soleil2024!" is "soleil"). */
const undecorated = (lower: string): string => lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

function isListed(candidate: string): boolean {
  if (!candidate) return false;
  if (COMMON_PASSWORDS.has(candidate)) return true;
  // the same short unit or listed word over and over: "abcabcabcabc", "bonjourbonjour"
  const repeated = /^(.+?)\1+$/u.exec(candidate);
  if (repeated && (repeated[1]!.length <= 4 || COMMON_PASSWORDS.has(repeated[1]!))) return true;
  if (candidate.length >= 3 && SEQUENCES.some((run) => run.includes(candidate) || [...run].reverse().join('').includes(candidate))) return true;
  return false;
}

/** Parts of the e-mail address a password must not contain: the local part, and its longer pieces (first and last names). */
function emailParts(email: string): string[] {
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  const pieces = local.split(/[._+-]+/).filter((p) => p.length >= 4);
  const whole = lettersAndDigits(local);
  return [...(whole.length >= 3 ? [whole] : []), ...pieces.map(lettersAndDigits)];
}

/**
 * Why a password may not be used, or null when it may. Length, then the list of common and
 * breached-style passwords (checked with its decorations and look-alikes taken off, repeated,
 * or as a keyboard run), then the account's own e-mail address.
 */
export function passwordWeakness(password: string, email?: string): PasswordWeakness | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return { reason: 'PASSWORD_TOO_SHORT', message: `must have at least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good one` };
  }
  const lower = password.normalize('NFKC').toLowerCase();
  const core = undecorated(lower);
  const candidates = new Set([lower, lettersAndDigits(lower), lettersAndDigits(core), lettersAndDigits(fold(lower)), lettersAndDigits(fold(core))]);
  if ([...candidates].some(isListed)) {
    return {
      reason: 'PASSWORD_TOO_COMMON',
      message: 'is one of the most common passwords (or one with digits or symbols added); choose one nobody else would',
    };
  }
  if (email) {
    const flat = lettersAndDigits(lower);
    if (emailParts(email).some((part) => part && flat.includes(part))) {
      return { reason: 'PASSWORD_CONTAINS_EMAIL', message: 'must not contain the e-mail address or the name in it' };
    }
  }
  return null;
}

/** The refusal of a weak password, for the field that held it: the policy's reason stays in the details. */
export function weakPasswordError(weakness: PasswordWeakness, field?: string): BadInputError {
  return new BadInputError(
    `The password ${weakness.message}`,
    { ...(field ? { field } : {}), reason: weakness.reason, minLength: PASSWORD_MIN_LENGTH },
    ErrorReason.PASSWORD_TOO_WEAK,
  );
}
