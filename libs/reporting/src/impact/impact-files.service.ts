import { Injectable } from '@nestjs/common';
import { NotFoundError, RequestContext } from '@app/common';
import { PassThrough, Readable, Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AttestationThread } from './attestation-thread';
import { APP_CONFIG, AppConfig } from '@app/common';
import { Inject } from '@nestjs/common';
import { VERIFICATION_PATH } from './attestation-page.controller';
import { AttestationRegistry } from './attestation-registry.service';
import { ImpactAttestation } from './impact-attestation.pdf';
import { IMPACT_DEVICES_CSV_HEADER, impactDevicesCsvRows } from './impact-devices.csv';
import { attestationFileName, devicesCsvFileName, lastDayOf } from './impact-file-names';
import { addressLine, ImpactFiguresService } from './impact-figures.service';
import { ImpactFileRequest, ImpactLinks } from './impact-links.service';
import { readSnapshot } from './impact-snapshot';

export interface ReportFile {
  fileName: string;
  contentType: string;
  /** the file's bytes as they are made: its size is not known in advance */
  body: Readable;
}

/** Resolves when `stream` can take more, or has been closed (the client went away). */
const drained = (stream: Writable) =>
  new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });

/**
 * A donor's report as files, through a signed link: the link is the authorization (it names
 * the donor and the period, and only the server can sign one), so no login is needed. The PDF
 * attestation in French and the per-device CSV are made from the same snapshot as the figures.
 * Neither is made on the event loop in one piece: the PDF renders in a thread from the rows the
 * snapshot read, the CSV is written batch by batch from a cursor as the client takes it.
 */
@Injectable()
export class ImpactFilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly figures: ImpactFiguresService,
    private readonly links: ImpactLinks,
    private readonly thread: AttestationThread,
    private readonly registry: AttestationRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the link (forged: FORBIDDEN; expired: ReportLinkExpiredError), then makes its file. */
  file(file: string, query: Record<string, unknown>, now = new Date()): Promise<ReportFile> {
    const request = this.links.check(file, query, now);
    return request.kind === 'pdf' ? this.attestation(request) : this.devicesCsv(request);
  }

  /**
   * Reads the snapshot, registers the attestation it states (issued once per statement and key:
   * docs/reports.md), then (its connection released) renders the PDF in the thread.
   */
  private async attestation({ donorId, period }: ImpactFileRequest): Promise<ReportFile> {
    const read = await readSnapshot(this.dataSource, RequestContext.anonymous(), async (manager) => {
      const donor = await this.figures.donor(manager, donorId);
      if (!donor) throw new NotFoundError('Donor', donorId);
      const figures = await this.figures.figures(manager, donorId, period);
      const certificates = await this.figures.certificates(manager, donorId, period);
      const issuer = await this.figures.issuer(manager, donor);
      const recycledWithDestination = await this.figures.recycledWithDestination(manager, donorId, period);
      return { donor, figures, certificates, issuer, recycledWithDestination };
    });
    const { donor, figures, certificates, issuer, recycledWithDestination } = read;
    const org = donor.organization;
    const statement = this.figures.statement(donorId, org.name, issuer, period, figures);
    const { code, issuedAt } = await this.registry.issue(statement);
    const attestation: ImpactAttestation = {
      donor: { name: org.name, siret: org.siret, address: addressLine(org) },
      issuer,
      from: period.from,
      // The period excludes `to`: the attestation names its last day.
      to: lastDayOf(period.to),
      devicesDeclared: figures.devicesDeclared,
      devicesReceived: figures.devicesReceived,
      devicesReused: figures.devicesReused,
      devicesAwaitingBeneficiary: figures.devicesAwaitingBeneficiary,
      devicesRecycled: figures.devicesRecycled,
      devicesRecycledWithDestination: recycledWithDestination,
      peopleEquipped: figures.peopleEquipped,
      peopleAccompanied: figures.peopleAccompanied,
      co2eAvoidedKg: figures.co2eAvoidedKg,
      byCategory: figures.byCategory,
      certificates,
      factors: figures.co2eFactors,
      verificationCode: code,
      verificationUrl: `${this.config.publicUrl}/${VERIFICATION_PATH}/${encodeURIComponent(code)}`,
      issuedAt,
    };
    return { fileName: attestationFileName(org.name, period.from, period.to), contentType: 'application/pdf', body: this.thread.render(attestation) };
  }

  /**
   * Answers as soon as the donor is known (an unknown one is still a 404), then writes the rows
   * batch by batch from the snapshot's cursor, each batch when the reply has taken the previous
   * one; the snapshot stays open until the last row is written or the client goes away. An
   * error after the answer began can only cut the file short.
   */
  private devicesCsv({ donorId, period }: ImpactFileRequest): Promise<ReportFile> {
    return new Promise<ReportFile>((resolve, reject) => {
      let body: PassThrough | undefined;
      readSnapshot(this.dataSource, RequestContext.anonymous(), async (manager) => {
        const donor = await this.figures.donor(manager, donorId);
        if (!donor) throw new NotFoundError('Donor', donorId);
        const out = (body = new PassThrough());
        resolve({ fileName: devicesCsvFileName(donor.organization.name, period.from, period.to), contentType: 'text/csv; charset=utf-8', body: out });
        out.write(IMPACT_DEVICES_CSV_HEADER);
        for await (const rows of this.figures.deviceRowBatches(manager, donorId, period)) {
          if (out.destroyed) return;
          if (!out.write(impactDevicesCsvRows(rows))) await drained(out);
          if (out.destroyed) return;
        }
        out.end();
      }).catch((error: unknown) => {
        if (body) body.destroy(error instanceof Error ? error : new Error(String(error)));
        else reject(error);
      });
    });
  }
}
