import { Injectable, OnModuleInit } from '@nestjs/common';
import { DeviceCategory, sumCents } from '@app/common';
import { EventPhase, TransactionEvents } from '@app/database';
import { DeviceStatus, DeviceStatusesChanged, Grade } from '@app/refurbishing';
import { EntityManager } from 'typeorm';
import { InvoiceKind } from '../entities/invoice-kind';
import { InvoiceLine } from '../entities/invoice-line.entity';
import { Invoice } from '../entities/invoice.entity';
import { DevicePricing } from './device-pricing.service';
import { invoiceNumber, parisYear } from './invoice-numbering';
import { PriceListService } from './price-list.service';

interface ShippedRow {
  device_id: string;
  serial_number: string;
  category: DeviceCategory;
  grade: Grade | null;
  brand: string | null;
  model: string | null;
  refurbisher_id: string;
  region_id: string;
  public_donor: boolean;
  order_id: string;
  partner_id: string;
}

const CATEGORY_LABEL: Record<DeviceCategory, string> = {
  LAPTOP: 'Ordinateur portable',
  DESKTOP: 'Ordinateur fixe',
  MONITOR: 'Écran',
  TABLET: 'Tablette',
  SMARTPHONE: 'Smartphone',
  PRINTER: 'Imprimante',
  OTHER: 'Appareil',
};

/**
 * Devices leave a workshop (RESERVED -> SHIPPED): in that same transaction, the shipment gets its
 * document, one per order and refurbisher, its lines priced at the list and frozen, its number
 * taken from the refurbisher's series. Listening to the device ledger's event keeps orders unaware
 * of money; a shipment rolled back takes its document and its number with it.
 */
@Injectable()
export class ShipmentInvoices implements OnModuleInit {
  constructor(
    private readonly events: TransactionEvents,
    private readonly pricing: DevicePricing,
    private readonly lists: PriceListService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(DeviceStatusesChanged, 'pricing.shipment-invoices', EventPhase.OWNER, (manager, event) => this.issue(manager, event));
  }

  private async issue(manager: EntityManager, event: DeviceStatusesChanged): Promise<void> {
    const shipped = event.changes.filter((c) => c.to === DeviceStatus.SHIPPED).map((c) => c.deviceId);
    if (!shipped.length) return;
    // the live link names the order: the shipping command marks it shipped after the devices move
    const rows: ShippedRow[] = await manager.query(
      `SELECT d.id AS device_id, d.serial_number, d.category, d.grade, d.brand, d.model, d.refurbisher_id, d.region_id,
              dn.public_body AS public_donor, x.order_id, x.partner_id
         FROM device d
         JOIN organization dn ON dn.id = d.donor_id
         JOIN order_line_device x ON x.device_id = d.id AND x.released_at IS NULL
        WHERE d.id = ANY($1::uuid[])
        ORDER BY x.order_id, d.refurbisher_id, x.order_line_id, d.serial_number_key`,
      [shipped],
    );
    const now = new Date();
    const groups = new Map<string, ShippedRow[]>();
    for (const row of rows) {
      const key = `${row.order_id}/${row.refurbisher_id}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const group of groups.values()) await this.issueOne(manager, group, now);
  }

  private async issueOne(manager: EntityManager, rows: ShippedRow[], at: Date): Promise<void> {
    const first = rows[0]!;
    const priced = await this.pricing.price(
      manager,
      rows.map((r) => ({ ...r, deviceId: r.device_id, refurbisherId: r.refurbisher_id, publicDonor: r.public_donor })),
      at,
    );
    const totalCents = sumCents(priced.map((p) => p.priceCents));
    const kind = totalCents > 0 ? InvoiceKind.INVOICE : InvoiceKind.DELIVERY_NOTE;
    const year = parisYear(at);
    const sequence = await this.nextSequence(manager, first.refurbisher_id, kind, year);
    const [{ id }] = (await manager
      .createQueryBuilder()
      .insert()
      .into(Invoice)
      .values({
        kind,
        year,
        sequence,
        number: invoiceNumber(kind, year, sequence),
        totalCents,
        vatMention: await this.lists.vatMentionOf(manager, first.refurbisher_id),
        refurbisherId: first.refurbisher_id,
        partnerId: first.partner_id,
        orderId: first.order_id,
        regionId: first.region_id,
      })
      .returning(['id'])
      .execute()
      .then((r) => r.raw)) as Array<{ id: string }>;
    await manager.insert(
      InvoiceLine,
      priced.map((p, position) => ({
        invoiceId: id,
        position,
        deviceId: p.device_id,
        category: p.category,
        grade: p.grade,
        serialNumber: p.serial_number,
        description: [CATEGORY_LABEL[p.category], p.brand, p.model].filter(Boolean).join(' ').slice(0, 250),
        priceCents: p.priceCents,
        listed: p.listed,
        publicDonor: p.public_donor,
        capCents: p.capCents,
      })),
    );
  }

  /**
   * The next number of the series, taken with one upsert: the counter row stays locked until the
   * shipment's transaction ends, so numbers are consecutive whatever runs at once, and a rollback
   * gives the number back.
   */
  private async nextSequence(manager: EntityManager, refurbisherId: string, kind: InvoiceKind, year: number): Promise<number> {
    const [row] = (await manager.query(
      `INSERT INTO invoice_counter (refurbisher_id, kind, year, last_sequence) VALUES ($1, $2, $3, 1)
       ON CONFLICT (refurbisher_id, kind, year) DO UPDATE SET last_sequence = invoice_counter.last_sequence + 1
       RETURNING last_sequence`,
      [refurbisherId, kind, year],
    )) as Array<{ last_sequence: number }>;
    return row!.last_sequence;
  }
}
