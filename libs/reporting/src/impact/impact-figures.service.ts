import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DeviceCategory, RequestContext } from '@app/common';
import { Organization, OrganizationKind, OrganizationService } from '@app/network';
import { BeneficiaryProfile, countPeopleAccompanied, countPeopleEquipped } from '@app/orders';
import { DeviceStatus } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { CO2E_FACTORS, Co2eFactor } from './co2e-factors';
import { AWAITING_STATUSES, outcomeOf, REFURBISHED_STATUSES } from './device-outcome';
import { ImpactDeviceRow } from './impact-devices.csv';
import { ReportPeriod } from './report-period';
import {
  AttestationFigures,
  AttestationStatement,
  LATEST_STATEMENT_FORMAT,
  CategoryFigures as SealedCategoryFigures,
  signStatement,
} from './verification-code';

export interface DonorOfReport {
  organization: Organization;
  regionName: string;
}

/** Who issues a donor's attestation: its region's coordinator organization (docs/reports.md). */
export interface AttestationIssuer {
  name: string;
  siret: string | null;
  /** one line: street, postal code and city */
  address: string | null;
}

export interface CategoryFigures extends SealedCategoryFigures {
  category: DeviceCategory;
}

export interface DonorImpactFigures extends AttestationFigures {
  peopleAccompanied: number;
  byCategory: CategoryFigures[];
  beneficiaryProfiles: Array<{ profile: BeneficiaryProfile; count: number }>;
  /** the factor of every category in byCategory */
  co2eFactors: Array<{ category: DeviceCategory } & Co2eFactor>;
}

export interface ErasureCertificate {
  number: string;
  serialNumber: string;
  method: string;
  performedAt: Date;
}

/**
 * The donor's devices received before the period's end, each with the dates the report reads
 * from its chain of custody: `refurbished_at`, its first event into IN_STOCK (grading), for a
 * device that went through stock; `delivered_at`, its first event into DELIVERED (handed to a
 * person, even if a loan brought it back since); `recycled_at`, its event into RECYCLED. Each is
 * one probe of custody_event (device_id, to_status, at), an index-only scan; the stock and
 * recycling probes are skipped (one-time filter) where the device's status makes them pointless
 * (delivery is probed for every device: a returned loan may be in any state since). Parameters: $1 donor, $3 end of the
 * period, $4 the statuses that went through IN_STOCK.
 */
const DONOR_DEVICES = `
  donor_device AS (
    SELECT d.id, d.serial_number, d.category, d.brand, d.model, d.status, d.donation_id, d.created_at AS received_at,
           stocked.at AS refurbished_at, delivered.at AS delivered_at, recycled.at AS recycled_at
      FROM device d
      LEFT JOIN LATERAL (SELECT min(ce.at) AS at FROM custody_event ce
                          WHERE d.status = ANY($4::device_status[]) AND ce.device_id = d.id AND ce.to_status = 'IN_STOCK') stocked ON true
      LEFT JOIN LATERAL (SELECT min(ce.at) AS at FROM custody_event ce
                          WHERE ce.device_id = d.id AND ce.to_status = 'DELIVERED') delivered ON true
      LEFT JOIN LATERAL (SELECT min(ce.at) AS at FROM custody_event ce
                          WHERE d.status = 'RECYCLED' AND ce.device_id = d.id AND ce.to_status = 'RECYCLED') recycled ON true
     WHERE d.donor_id = $1 AND d.created_at < $3
  )`;

interface DeviceRowRecord {
  serial_number: string;
  category: string;
  brand: string | null;
  model: string | null;
  donation: string;
  received_at: Date;
  status: DeviceStatus;
  refurbished_at: Date | null;
  recycled_at: Date | null;
  delivered_at: Date | null;
  certificate_number: string | null;
  method: string | null;
  performed_at: Date | null;
}

const deviceRow = (r: DeviceRowRecord): ImpactDeviceRow => ({
  serialNumber: r.serial_number,
  category: r.category,
  brand: r.brand,
  model: r.model,
  donationReference: r.donation,
  receivedAt: r.received_at,
  status: r.status,
  outcome: outcomeOf(r.status, r.delivered_at),
  refurbishedAt: r.refurbished_at,
  recycledAt: r.recycled_at,
  deliveredAt: r.delivered_at,
  erasureCertificate: r.certificate_number,
  erasureMethod: r.method,
  erasedAt: r.performed_at,
});

/** Rounded to the gram: sums of float factors would otherwise print 935.9999999. */
const kg = (value: number) => Math.round(value * 1000) / 1000;

function inOrder<T extends string>(values: Record<string, T>, present: Iterable<T>): T[] {
  const set = new Set(present);
  return Object.values(values).filter((v) => set.has(v));
}

/**
 * Reads a donor's impact over a period with a few aggregate queries, inside the snapshot the
 * caller opened (readSnapshot). Definitions: docs/reports.md, "Donor impact report". It does
 * not authorize: the resolver's service checks the caller, the file service the signed link.
 */
@Injectable()
export class ImpactFiguresService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CO2E_FACTORS) private readonly factors: Record<DeviceCategory, Co2eFactor>,
    private readonly organizations: OrganizationService,
  ) {}

  /**
   * Of the donor's devices recycled in the period, those that left in a load with a recorded
   * destination (recycling_shipment_device, the refurbishers' waste register): the attestation
   * names "une filière agréée" for these only.
   */
  async recycledWithDestination(manager: EntityManager, donorId: string, period: ReportPeriod): Promise<number> {
    const [row]: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM device d JOIN recycling_shipment_device sd ON sd.device_id = d.id
        WHERE d.donor_id = $1 AND d.status = 'RECYCLED'
          AND EXISTS (SELECT 1 FROM custody_event ce WHERE ce.device_id = d.id AND ce.to_status = 'RECYCLED' AND ce.at >= $2 AND ce.at < $3)`,
      [donorId, period.from, period.to],
    );
    return row?.n ?? 0;
  }

  /** The donor organization and its region's name; null when the id is no donor. */
  async donor(manager: EntityManager, donorId: string): Promise<DonorOfReport | null> {
    const organization = await manager
      .getRepository(Organization)
      .findOne({ where: { id: donorId, kind: OrganizationKind.DONOR }, relations: { region: true } });
    return organization ? { organization, regionName: organization.region?.name ?? '' } : null;
  }

  /**
   * The region's coordinator organization, through network's listing (as the platform, in the
   * caller's snapshot). Several: the first by name, as the listing orders them. None yet: the
   * network of the region, by its name.
   */
  async issuer(manager: EntityManager, donor: DonorOfReport): Promise<AttestationIssuer> {
    const ctx = RequestContext.system().withManager(manager);
    const [coordinator] = await this.organizations.list(ctx, { kind: OrganizationKind.COORDINATOR, regionId: donor.organization.regionId });
    if (!coordinator) return { name: `Réseau de réemploi informatique — ${donor.regionName}`, siret: null, address: null };
    return { name: coordinator.name, siret: coordinator.siret, address: addressLine(coordinator) };
  }

  async figures(manager: EntityManager, donorId: string, { from, to }: ReportPeriod): Promise<DonorImpactFigures> {
    const declared: Array<{ category: DeviceCategory; declared: number }> = await manager.query(
      `SELECT l.category, sum(l.quantity)::int AS declared
         FROM donation dn JOIN donation_line l ON l.donation_id = dn.id
        WHERE dn.donor_id = $1 AND dn.created_at >= $2 AND dn.created_at < $3 AND dn.status <> 'CANCELLED'
        GROUP BY l.category`,
      [donorId, from, to],
    );
    const devices: Array<{ category: DeviceCategory; received: number; reused: number; awaiting: number; recycled: number }> = await manager.query(
      `WITH ${DONOR_DEVICES}
       SELECT category,
              count(*) FILTER (WHERE received_at >= $2)::int AS received,
              count(*) FILTER (WHERE delivered_at >= $2 AND delivered_at < $3)::int AS reused,
              count(*) FILTER (WHERE delivered_at IS NULL AND status = ANY($5::device_status[]) AND refurbished_at >= $2 AND refurbished_at < $3)::int AS awaiting,
              count(*) FILTER (WHERE recycled_at >= $2 AND recycled_at < $3)::int AS recycled
         FROM donor_device GROUP BY category`,
      [donorId, from, to, REFURBISHED_STATUSES, AWAITING_STATUSES],
    );
    const [erasures]: Array<{ count: number; digest: string }> = await manager.query(
      `SELECT count(*)::int AS count, COALESCE(md5(string_agg(c.certificate_number, ',' ORDER BY c.certificate_number)), '') AS digest
         FROM (${this.certificatesSql()}) c`,
      [donorId, from, to],
    );
    const profiles: Array<{ profile: BeneficiaryProfile; count: number }> = await manager.query(
      `SELECT l.profile, count(*)::int AS count
         FROM device d
         JOIN order_line_device x ON x.device_id = d.id AND x.released_at IS NULL
         JOIN order_line l ON l.id = x.order_line_id
        WHERE d.donor_id = $1 AND d.status = 'DELIVERED' AND d.created_at < $3 AND x.delivered_at >= $2 AND x.delivered_at < $3
        GROUP BY l.profile`,
      [donorId, from, to],
    );
    const peopleEquipped = await countPeopleEquipped(manager, donorId, from, to);
    const peopleAccompanied = await countPeopleAccompanied(manager, donorId, from, to);

    const byCategory = inOrder(DeviceCategory, [...declared.map((r) => r.category), ...devices.map((r) => r.category)])
      .map((category): CategoryFigures => {
        const d = devices.find((r) => r.category === category);
        const reused = d?.reused ?? 0;
        return {
          category,
          declared: declared.find((r) => r.category === category)?.declared ?? 0,
          received: d?.received ?? 0,
          reused,
          awaitingBeneficiary: d?.awaiting ?? 0,
          recycled: d?.recycled ?? 0,
          // only what reached a person avoids a new device's making
          co2eAvoidedKg: kg(reused * this.factors[category].kgPerDevice),
        };
      })
      .filter((c) => c.declared || c.received || c.reused || c.awaitingBeneficiary || c.recycled);
    const sum = (key: 'declared' | 'received' | 'reused' | 'awaitingBeneficiary' | 'recycled') => byCategory.reduce((total, c) => total + c[key], 0);
    const beneficiaryProfiles = inOrder(
      BeneficiaryProfile,
      profiles.map((p) => p.profile),
    ).map((profile) => ({
      profile,
      count: profiles.find((p) => p.profile === profile)!.count,
    }));

    return {
      devicesDeclared: sum('declared'),
      devicesReceived: sum('received'),
      devicesReused: sum('reused'),
      devicesAwaitingBeneficiary: sum('awaitingBeneficiary'),
      devicesRecycled: sum('recycled'),
      peopleEquipped,
      peopleAccompanied,
      erasureCertificates: erasures?.count ?? 0,
      certificatesDigest: erasures?.digest ?? '',
      co2eAvoidedKg: kg(byCategory.reduce((total, c) => total + c.co2eAvoidedKg, 0)),
      byCategory,
      beneficiaryProfiles,
      co2eFactors: byCategory.map((c) => ({ category: c.category, ...this.factors[c.category] })),
    };
  }

  /** What an attestation of these figures states, and the code that seals it (the first ATTESTATION_KEYS key). */
  statement(donorId: string, donorName: string, issuer: AttestationIssuer, period: ReportPeriod, figures: DonorImpactFigures): AttestationStatement {
    const { co2eFactors: _factors, ...sealed } = figures;
    return {
      format: LATEST_STATEMENT_FORMAT,
      donorId,
      donorName,
      issuerName: issuer.name,
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      figures: sealed,
    };
  }

  verificationCode(statement: AttestationStatement): string {
    return signStatement(this.config.attestationKeys, statement).code;
  }

  /** The erasure certificates the report counts, by number. */
  async certificates(manager: EntityManager, donorId: string, { from, to }: ReportPeriod): Promise<ErasureCertificate[]> {
    const rows: Array<{ certificate_number: string; serial_number: string; method: string; performed_at: Date }> = await manager.query(
      `SELECT c.* FROM (${this.certificatesSql()}) c ORDER BY c.certificate_number`,
      [donorId, from, to],
    );
    return rows.map((r) => ({ number: r.certificate_number, serialNumber: r.serial_number, method: r.method, performedAt: r.performed_at }));
  }

  /**
   * One row per device of the donor received, delivered or recycled in the period (every device a
   * figure counts), with its outcome as the figures count it and the dates they read. Nothing about who received it: no partner, no order, no
   * beneficiary reference. The rows come `size` at a time: the query runs once, behind
   * a server-side cursor of the caller's transaction (readSnapshot), and each batch is fetched
   * when the previous one has been consumed, so that a donor's 10,000 devices are never all in
   * memory. A cursor rather than keyset pages: one execution and one sort, not one per page, and
   * no page boundary to get wrong on microsecond timestamps. The caller must be in a transaction.
   */
  async *deviceRowBatches(manager: EntityManager, donorId: string, { from, to }: ReportPeriod, size = 500): AsyncGenerator<ImpactDeviceRow[]> {
    await manager.query(
      `DECLARE impact_devices NO SCROLL CURSOR FOR
       WITH ${DONOR_DEVICES}
       SELECT dd.serial_number, dd.category, dd.brand, dd.model, dn.reference AS donation, dd.received_at, dd.status,
              dd.refurbished_at, dd.recycled_at, dd.delivered_at, e.certificate_number, e.method, e.performed_at
         FROM donor_device dd
         JOIN donation dn ON dn.id = dd.donation_id
         LEFT JOIN LATERAL (SELECT er.certificate_number, er.method, er.performed_at FROM erasure_record er
                             WHERE er.device_id = dd.id AND er.verified ORDER BY er.performed_at DESC LIMIT 1) e ON true
        WHERE dd.received_at >= $2 OR (dd.delivered_at >= $2 AND dd.delivered_at < $3) OR (dd.recycled_at >= $2 AND dd.recycled_at < $3)
        ORDER BY dd.received_at, dd.serial_number`,
      [donorId, from, to, REFURBISHED_STATUSES],
    );
    const batch = Math.max(1, Math.floor(size));
    let failed = false;
    try {
      for (;;) {
        const rows: DeviceRowRecord[] = await manager.query(`FETCH ${batch} FROM impact_devices`);
        if (rows.length) yield rows.map(deviceRow);
        if (rows.length < batch) return;
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // a consumer that stops early (the client went away) leaves the transaction usable; a
      // failed one has aborted it, and its error is the one to report
      if (!failed) await manager.query('CLOSE impact_devices');
    }
  }

  /**
   * The verified erasure of each data-bearing device of the donor received in the period ($1
   * donor, $2 and $3 the period). A NO_STORAGE record (a screen) says there was nothing to erase:
   * it is no certificate of erasure. A device is erased once (RECEIVED -> WIPED); DISTINCT ON
   * keeps that true even if it were not.
   */
  private certificatesSql(): string {
    return `SELECT DISTINCT ON (e.device_id) e.certificate_number, d.serial_number, e.method, e.performed_at
              FROM device d JOIN erasure_record e ON e.device_id = d.id AND e.verified AND e.method <> 'NO_STORAGE'
             WHERE d.donor_id = $1 AND d.created_at >= $2 AND d.created_at < $3
             ORDER BY e.device_id, e.performed_at DESC`;
  }
}

/** An organization's address on one line (street, postal code and city), as documents print it. */
export function addressLine(o: Organization): string | null {
  const a = o.address;
  if (!a) return null;
  return [a.street, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
}
