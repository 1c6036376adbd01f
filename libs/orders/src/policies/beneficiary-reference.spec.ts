import { beneficiaryReferenceProblems } from './beneficiary-reference';

describe('beneficiary references', () => {
  it('takes one pseudonymous code per device', () => {
    expect(beneficiaryReferenceProblems(['a', 'b'], ['CCAS-2026-0042', 'dossier#17'])).toEqual([]);
    expect(beneficiaryReferenceProblems(['a'], null)).toEqual([]);
  });

  it('refuses names, e-mail addresses and a count that does not match the devices', () => {
    expect(beneficiaryReferenceProblems(['a'], ['Jean Dupont'])).toHaveLength(1);
    expect(beneficiaryReferenceProblems(['a'], ['jean@example.org'])).toHaveLength(1);
    expect(beneficiaryReferenceProblems(['a'], [''])).toHaveLength(1);
    expect(beneficiaryReferenceProblems(['a', 'b'], ['X1'])[0]).toMatch(/one per device/);
  });
});
