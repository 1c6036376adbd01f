/**
 * A partner's own pseudonymous reference for a person it equipped (a file number, a code): it
 * lets a report count distinct people without anyone learning who they are. Names and e-mail
 * addresses are what it must not be, so spaces and '@' are refused, and the length is short.
 */
export const BENEFICIARY_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/#-]{0,63}$/;

export function beneficiaryReferenceProblems(deviceIds: readonly string[], refs: readonly string[] | null | undefined): string[] {
  if (refs == null) return [];
  const problems: string[] = [];
  if (refs.length !== deviceIds.length)
    problems.push(`beneficiaryRefs has ${refs.length} entries for ${deviceIds.length} devices: give one per device, in the same order`);
  refs.forEach((ref, i) => {
    if (!BENEFICIARY_REFERENCE_PATTERN.test(ref)) {
      problems.push(`beneficiaryRefs[${i}] is not a pseudonymous reference (1-64 letters, digits, . _ / # -; no spaces, no names, no e-mail)`);
    }
  });
  return problems;
}
