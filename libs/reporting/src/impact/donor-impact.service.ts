import { Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason, NotFoundError, RequestContext, Role } from '@app/common';
import { AccessPolicy } from '@app/auth';
import { DataSource } from 'typeorm';
import { DonorImpactReport } from './donor-impact-report.types';
import { ImpactFiguresService } from './impact-figures.service';
import { ImpactLinks } from './impact-links.service';
import { readSnapshot } from './impact-snapshot';
import { reportPeriod } from './report-period';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A donor's impact report through GraphQL: a donor reads its own (donorId defaults to it),
 * a coordinator any donor of its region, ADMIN any. Another donor's id, or a donor of another
 * region, is NOT_FOUND (ids are not probed); the resolver refuses refurbishers and partners.
 * The figures come from one read-only snapshot, with signed links to the same report as files.
 */
@Injectable()
export class DonorImpactService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly figures: ImpactFiguresService,
    private readonly links: ImpactLinks,
  ) {}

  async report(ctx: RequestContext, args: { donorId?: string | null; from: Date; to: Date }): Promise<DonorImpactReport> {
    const period = reportPeriod(args.from, args.to);
    const donorId = this.donorIdFor(ctx, args.donorId ?? null);
    return readSnapshot(this.dataSource, ctx, async (manager) => {
      const donor = await this.figures.donor(manager, donorId);
      if (!donor) throw new NotFoundError('Donor', donorId);
      AccessPolicy.assertActsFor(ctx, donor.organization, 'Donor');
      const figures = await this.figures.figures(manager, donorId, period);
      const issuer = await this.figures.issuer(manager, donor);
      const statement = this.figures.statement(donorId, donor.organization.name, issuer, period, figures);
      const { pdfUrl, csvUrl, expiresAt } = this.links.urls(donorId, period);
      return {
        donor: donor.organization,
        from: period.from,
        to: period.to,
        devicesDeclared: figures.devicesDeclared,
        devicesReceived: figures.devicesReceived,
        devicesReused: figures.devicesReused,
        devicesAwaitingBeneficiary: figures.devicesAwaitingBeneficiary,
        devicesRecycled: figures.devicesRecycled,
        peopleEquipped: figures.peopleEquipped,
        peopleAccompanied: figures.peopleAccompanied,
        erasureCertificates: figures.erasureCertificates,
        co2eAvoidedKg: figures.co2eAvoidedKg,
        byCategory: figures.byCategory,
        beneficiaryProfiles: figures.beneficiaryProfiles,
        co2eFactors: figures.co2eFactors,
        verificationCode: this.figures.verificationCode(statement),
        pdfUrl,
        csvUrl,
        linksExpireAt: expiresAt,
      };
    });
  }

  private donorIdFor(ctx: RequestContext, donorId: string | null): string {
    if (donorId !== null && !UUID.test(donorId)) throw new BadInputError('donorId is not a valid id', { field: 'donorId' });
    if (ctx.user.role === Role.DONOR) return donorId ?? ctx.organizationId;
    if (donorId === null) throw new BadInputError('donorId is required: which donor’s report?', { field: 'donorId' }, ErrorReason.ORGANIZATION_REQUIRED);
    return donorId;
  }
}
