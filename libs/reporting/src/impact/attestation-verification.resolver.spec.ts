import 'reflect-metadata';
import { AUTH_RULE } from '@app/auth';
import { AttestationVerificationResolver } from './attestation-verification.resolver';
import { DonorImpactResolver } from './donor-impact.resolver';

describe('who may call the impact operations', () => {
  it('verifyAttestation is public by an explicit rule; the report itself is not', () => {
    const rule = (target: object) => Reflect.getMetadata(AUTH_RULE, target) as unknown;
    expect(rule(AttestationVerificationResolver.prototype.verifyAttestation)).toEqual({ public: true });
    expect(rule(DonorImpactResolver.prototype.donorImpactReport)).toEqual({ public: false, roles: ['ADMIN', 'COORDINATOR', 'DONOR'] });
  });
});
