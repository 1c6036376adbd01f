import { Module } from '@nestjs/common';
import { AttestationThread } from './attestation-thread';
import { co2eFactorsProvider } from './co2e-factors';
import { DonorImpactResolver } from './donor-impact.resolver';
import { DonorImpactService } from './donor-impact.service';
import { ImpactFiguresService } from './impact-figures.service';
import { ImpactFilesController } from './impact-files.controller';
import { ImpactFilesService } from './impact-files.service';
import { ImpactLinks } from './impact-links.service';

/**
 * The donor impact report: figures through GraphQL (donorImpactReport), the same report as a
 * French PDF attestation and a per-device CSV behind signed links. Reads only: it owns no
 * table and reads the others' with aggregate SQL in one snapshot.
 */
@Module({
  controllers: [ImpactFilesController],
  providers: [AttestationThread, co2eFactorsProvider, ImpactFiguresService, ImpactLinks, DonorImpactService, ImpactFilesService, DonorImpactResolver],
})
export class ImpactReportModule {}
