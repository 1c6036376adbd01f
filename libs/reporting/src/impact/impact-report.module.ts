import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttestationPageController } from './attestation-page.controller';
import { AttestationRegistry } from './attestation-registry.service';
import { AttestationVerificationResolver } from './attestation-verification.resolver';
import { AttestationThread } from './attestation-thread';
import { co2eFactorsProvider } from './co2e-factors';
import { DonorImpactResolver } from './donor-impact.resolver';
import { DonorImpactService } from './donor-impact.service';
import { ImpactFiguresService } from './impact-figures.service';
import { ImpactFilesController } from './impact-files.controller';
import { ImpactFilesService } from './impact-files.service';
import { ImpactLinks } from './impact-links.service';
import { IssuedAttestation } from './issued-attestation.entity';

/**
 * The donor impact report: figures through GraphQL (donorImpactReport), the same report as a
 * French PDF attestation and a per-device CSV behind signed links, and the public check of an
 * attestation by its code (verifyAttestation, GET /verifier/:code). It reads the others' tables
 * with aggregate SQL in one snapshot and writes only its own: issued_attestation.
 */
@Module({
  imports: [TypeOrmModule.forFeature([IssuedAttestation])],
  controllers: [ImpactFilesController, AttestationPageController],
  providers: [
    AttestationThread,
    co2eFactorsProvider,
    ImpactFiguresService,
    ImpactLinks,
    AttestationRegistry,
    DonorImpactService,
    ImpactFilesService,
    DonorImpactResolver,
    AttestationVerificationResolver,
  ],
})
export class ImpactReportModule {}
