import { Injectable } from '@nestjs/common';
import { BadInputError, ErrorReason, NotFoundError, RequestContext, slug } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { PaperFile } from '../files/paper-file';
import { PaperLinks } from '../links/paper-links.service';
import { inventoryLine } from '../text/french-labels';
import { wasteRegisterCsv } from './waste-register.csv';
import { WasteRegister, WasteRegisterRow } from './waste-register.types';

const MAX_YEARS = 5;

const wasteLabel = (counts: Array<{ category: string; quantity: number }>) => `Déchets d’équipements électriques et électroniques (${inventoryLine(counts)})`;

function countsOf(categories: readonly string[]): Array<{ category: string; quantity: number }> {
  const map = new Map<string, number>();
  for (const c of categories) map.set(c, (map.get(c) ?? 0) + 1);
  return [...map].map(([category, quantity]) => ({ category, quantity }));
}

/**
 * A refurbisher's register of outgoing electrical waste: the loads (RecyclingShipment) shipped in
 * the period, then the recycled devices still waiting for their destination, so the register
 * can be completed rather than silently short. Read here, written by refurbishing.
 */
@Injectable()
export class WasteRegisterService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly dataSource: DataSource,
    private readonly links: PaperLinks,
  ) {}

  async register(ctx: RequestContext, refurbisherId: string, from: Date, to: Date): Promise<WasteRegister> {
    checkPeriod(from, to);
    const manager = this.tx.manager(ctx);
    const refurbisher = await this.refurbisher(manager, refurbisherId);
    ActAccess.assert(ctx, 'Organization', 'readWasteRegisterOf', { id: refurbisherId, regionId: refurbisher.region_id }, 'Organization');
    const rows = await this.rows(manager, refurbisherId, from, to);
    const expiresAt = this.links.expiry();
    return {
      refurbisherId,
      refurbisherName: refurbisher.name,
      from,
      to,
      rows,
      shippedWeightKg: Math.round(rows.reduce((n, r) => n + (r.weightKg ?? 0), 0) * 1000) / 1000,
      pendingDeviceCount: rows.filter((r) => r.destinationPending).length,
      csvUrl: this.links.wasteRegister(refurbisherId, from, to, expiresAt),
      linkExpiresAt: expiresAt,
    };
  }

  /** The CSV behind a checked link. */
  async file(refurbisherId: string, from: Date, to: Date): Promise<PaperFile> {
    const manager = this.dataSource.manager;
    const refurbisher = await this.refurbisher(manager, refurbisherId);
    const rows = await this.rows(manager, refurbisherId, from, to);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    return {
      fileName: `registre-dechets-sortants-${slug(refurbisher.name, 'atelier')}-${day(from)}-${day(to)}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(wasteRegisterCsv(rows), 'utf8'),
    };
  }

  private async refurbisher(manager: EntityManager, id: string): Promise<{ name: string; region_id: string }> {
    const [row]: Array<{ name: string; region_id: string }> = await manager.query(
      `SELECT name, region_id FROM organization WHERE id = $1 AND kind = 'REFURBISHER'`,
      [id],
    );
    if (!row) throw new NotFoundError('Organization', id);
    return row;
  }

  private async rows(manager: EntityManager, refurbisherId: string, from: Date, to: Date): Promise<WasteRegisterRow[]> {
    const shipped: Array<{
      shipped_at: Date;
      waste_code: string;
      weight_grams: number;
      device_count: number;
      destination_name: string;
      destination_siret: string;
      destination_address: string | null;
      treatment_code: string | null;
      transport_document: string | null;
      carrier: string | null;
      device_ids: string[];
      serials: string[];
      categories: string[];
    }> = await manager.query(
      `SELECT s.shipped_at, s.waste_code, s.weight_grams, s.device_count, s.destination_name, s.destination_siret, s.destination_address,
              s.treatment_code, s.transport_document, s.carrier,
              array_agg(d.id ORDER BY d.serial_number_key) AS device_ids, array_agg(d.serial_number ORDER BY d.serial_number_key) AS serials,
              array_agg(d.category::text ORDER BY d.serial_number_key) AS categories
         FROM recycling_shipment s
         JOIN recycling_shipment_device sd ON sd.shipment_id = s.id
         JOIN device d ON d.id = sd.device_id
        WHERE s.refurbisher_id = $1 AND s.shipped_at >= $2 AND s.shipped_at < $3
        GROUP BY s.id ORDER BY s.shipped_at, s.id`,
      [refurbisherId, from, to],
    );
    const pending: Array<{ id: string; serial_number: string; category: string; recycled_at: Date | null }> = await manager.query(
      `SELECT d.id, d.serial_number, d.category::text AS category, r.at AS recycled_at
         FROM device d
         LEFT JOIN LATERAL (SELECT min(ce.at) AS at FROM custody_event ce WHERE ce.device_id = d.id AND ce.to_status = 'RECYCLED') r ON true
        WHERE d.refurbisher_id = $1 AND d.status = 'RECYCLED'
          AND NOT EXISTS (SELECT 1 FROM recycling_shipment_device sd WHERE sd.device_id = d.id)
          AND (r.at IS NULL OR r.at < $2)
        ORDER BY r.at, d.serial_number_key`,
      [refurbisherId, to],
    );
    return [
      ...shipped.map((s): WasteRegisterRow => ({
        destinationPending: false,
        shippedAt: s.shipped_at,
        recycledAt: null,
        wasteLabel: wasteLabel(countsOf(s.categories)),
        wasteCode: s.waste_code,
        hazardous: s.waste_code.endsWith('*'),
        weightKg: s.weight_grams / 1000,
        deviceCount: s.device_count,
        destinationName: s.destination_name,
        destinationSiret: s.destination_siret,
        destinationAddress: s.destination_address,
        treatmentCode: s.treatment_code,
        transportDocument: s.transport_document,
        carrier: s.carrier,
        serialNumbers: s.serials,
        deviceIds: s.device_ids,
      })),
      ...pending.map((p): WasteRegisterRow => ({
        destinationPending: true,
        shippedAt: null,
        recycledAt: p.recycled_at,
        wasteLabel: wasteLabel([{ category: p.category, quantity: 1 }]),
        wasteCode: null,
        hazardous: null,
        weightKg: null,
        deviceCount: 1,
        destinationName: null,
        destinationSiret: null,
        destinationAddress: null,
        treatmentCode: null,
        transportDocument: null,
        carrier: null,
        serialNumbers: [p.serial_number],
        deviceIds: [p.id],
      })),
    ];
  }
}

export function checkPeriod(from: Date, to: Date): void {
  if (from.getTime() >= to.getTime()) {
    throw new BadInputError('from must be before to (the period is [from, to)): swap or correct the dates', { field: 'to' }, ErrorReason.PERIOD_REVERSED);
  }
  const limit = new Date(from.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_YEARS);
  if (to.getTime() > limit.getTime()) {
    throw new BadInputError(
      `A register covers at most ${MAX_YEARS} years: shorten the period`,
      { field: 'to', maxYears: MAX_YEARS },
      ErrorReason.PERIOD_TOO_LONG,
    );
  }
}
