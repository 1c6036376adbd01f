import { Injectable } from '@nestjs/common';
import { NotFoundError, RequestContext } from '@app/common';
import { DataSource } from 'typeorm';
import { CATEGORY_FR, renderImpactAttestation } from './impact-attestation.pdf';
import { impactDevicesCsv } from './impact-devices.csv';
import { attestationFileName, devicesCsvFileName, lastDayOf } from './impact-file-names';
import { ImpactFiguresService } from './impact-figures.service';
import { ImpactFileRequest, ImpactLinks } from './impact-links.service';
import { readSnapshot } from './impact-snapshot';

export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const number = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 3 });

/**
 * A donor's report as files, through a signed link: the link is the authorization (it names
 * the donor and the period, and only the server can sign one), so no login is needed. The PDF
 * attestation in French and the per-device CSV are made from the same snapshot as the figures.
 */
@Injectable()
export class ImpactFilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly figures: ImpactFiguresService,
    private readonly links: ImpactLinks,
  ) {}

  /** Checks the link (forged: FORBIDDEN; expired: ReportLinkExpiredError), then makes its file. */
  file(file: string, query: Record<string, unknown>, now = new Date()): Promise<ReportFile> {
    const request = this.links.check(file, query, now);
    return request.kind === 'pdf' ? this.attestation(request, now) : this.devicesCsv(request);
  }

  private attestation({ donorId, period }: ImpactFileRequest, issuedAt: Date): Promise<ReportFile> {
    return readSnapshot(this.dataSource, RequestContext.anonymous(), async (manager) => {
      const donor = await this.figures.donor(manager, donorId);
      if (!donor) throw new NotFoundError('Donor', donorId);
      const figures = await this.figures.figures(manager, donorId, period);
      const certificates = await this.figures.certificates(manager, donorId, period);
      const name = donor.organization.name;
      const body = await renderImpactAttestation({
        donorName: name,
        donorSiret: donor.organization.siret,
        networkName: donor.regionName ? `Réseau de réemploi informatique — ${donor.regionName}` : 'Réseau de réemploi informatique',
        from: period.from,
        // The period excludes `to`: the attestation names its last day.
        to: lastDayOf(period.to),
        devicesDeclared: figures.devicesDeclared,
        devicesReceived: figures.devicesReceived,
        devicesReused: figures.devicesReused,
        devicesRecycled: figures.devicesRecycled,
        peopleEquipped: figures.peopleEquipped,
        co2eAvoidedKg: figures.co2eAvoidedKg,
        byCategory: figures.byCategory,
        certificates,
        factorSources: figures.co2eFactors.map(
          (f) => `${CATEGORY_FR[f.category] ?? f.category} : ${number(f.kgPerDevice)} kg CO2e par équipement — ${f.source}`,
        ),
        verificationCode: figures.verificationCode,
        issuedAt,
      });
      return { fileName: attestationFileName(name, period.from, period.to), contentType: 'application/pdf', body };
    });
  }

  private devicesCsv({ donorId, period }: ImpactFileRequest): Promise<ReportFile> {
    return readSnapshot(this.dataSource, RequestContext.anonymous(), async (manager) => {
      const donor = await this.figures.donor(manager, donorId);
      if (!donor) throw new NotFoundError('Donor', donorId);
      const rows = await this.figures.deviceRows(manager, donorId, period);
      return {
        fileName: devicesCsvFileName(donor.organization.name, period.from, period.to),
        contentType: 'text/csv; charset=utf-8',
        body: Buffer.from(impactDevicesCsv(rows), 'utf8'),
      };
    });
  }
}
