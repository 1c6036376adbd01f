import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DeviceCategory, RequestContext } from '@app/common';
import { DataSource } from 'typeorm';
import { AttestationVerification } from './attestation-verification.types';
import { ImpactFiguresService } from './impact-figures.service';
import { readSnapshot } from './impact-snapshot';
import { IssuedAttestation } from './issued-attestation.entity';
import { AttestationStatement, canonicalFigures, formatOf, normalizeCode, signStatement, statementIsGenuine } from './verification-code';

const NOT_VALID: AttestationVerification = {
  valid: false,
  stillCurrent: null,
  donorName: null,
  issuerName: null,
  from: null,
  to: null,
  issuedAt: null,
  figures: null,
};

/**
 * The attestations the network issued, and their public check. An attestation is issued when its
 * PDF is made (docs/reports.md): the same statement signed with the same key gives the same code,
 * so making the PDF again registers nothing new and keeps the first issue date.
 */
@Injectable()
export class AttestationRegistry {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly figures: ImpactFiguresService,
  ) {}

  /** Records the statement under its code (once); answers the code and when it was first issued. */
  async issue(statement: AttestationStatement): Promise<{ code: string; issuedAt: Date }> {
    const signed = signStatement(this.config.attestationKeys, statement);
    const [row]: Array<{ issued_at: Date }> = await this.dataSource.query(
      `INSERT INTO issued_attestation (code, key_id, donor_id, period_from, period_to, statement, signature)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code
       RETURNING issued_at`,
      [signed.code, signed.keyId, statement.donorId, statement.from, statement.to, JSON.stringify(statement), signed.signature],
    );
    return { code: signed.code, issuedAt: row!.issued_at };
  }

  /**
   * Genuine: issued by us, its row re-signed by the key its code names. Anything else (a code
   * with one character changed, an unknown one, a row edited since) is only `valid: false`,
   * saying nothing of why, so that codes cannot be probed. A genuine attestation whose donor's
   * figures have changed since (a device found missing later) stays valid, with stillCurrent false.
   */
  async verify(code: string): Promise<AttestationVerification> {
    const normalized = normalizeCode(code);
    if (!normalized) return NOT_VALID;
    const issued = await this.dataSource.getRepository(IssuedAttestation).findOne({ where: { code: normalized } });
    if (!issued || !statementIsGenuine(this.config.attestationKeys, issued.keyId, issued.statement, issued.code, issued.signature)) return NOT_VALID;
    const s = issued.statement;
    // compared in the statement's own format: an older attestation is current if what it stated still holds
    const format = formatOf(s);
    const period = { from: new Date(s.from), to: new Date(s.to) };
    const now = await readSnapshot(this.dataSource, RequestContext.anonymous(), (manager) => this.figures.figures(manager, s.donorId, period));
    const { co2eFactors: _factors, ...current } = now;
    return {
      valid: true,
      stillCurrent: canonicalFigures(current, format) === canonicalFigures(s.figures, format),
      donorName: s.donorName,
      issuerName: s.issuerName,
      from: period.from,
      to: period.to,
      issuedAt: issued.issuedAt,
      figures: {
        devicesDeclared: s.figures.devicesDeclared,
        devicesReceived: s.figures.devicesReceived,
        devicesReused: s.figures.devicesReused,
        devicesAwaitingBeneficiary: s.figures.devicesAwaitingBeneficiary,
        devicesRecycled: s.figures.devicesRecycled,
        peopleEquipped: s.figures.peopleEquipped,
        peopleAccompanied: format >= 3 ? (s.figures.peopleAccompanied ?? null) : null,
        erasureCertificates: s.figures.erasureCertificates,
        co2eAvoidedKg: s.figures.co2eAvoidedKg,
        byCategory: s.figures.byCategory.map((c) => ({
          category: c.category as DeviceCategory,
          declared: c.declared,
          received: c.received,
          reused: c.reused,
          awaitingBeneficiary: c.awaitingBeneficiary,
          recycled: c.recycled,
          co2eAvoidedKg: c.co2eAvoidedKg,
        })),
      },
    };
  }
}
