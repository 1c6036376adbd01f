import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@app/auth';
import { AttestationRegistry } from './attestation-registry.service';
import { AttestationVerification, VerifyAttestationArgs } from './attestation-verification.types';

@Resolver(() => AttestationVerification)
export class AttestationVerificationResolver {
  constructor(private readonly registry: AttestationRegistry) {}

  /** Public on purpose (DESIGN.md: anyone can verify an attestation by its code); the only public read besides login. */
  @Public()
  @Query(() => AttestationVerification, { description: 'anyone, without logging in: whether the network issued this attestation, and what it states' })
  verifyAttestation(@Args() { code }: VerifyAttestationArgs): Promise<AttestationVerification> {
    return this.registry.verify(code);
  }
}
