import { Injectable } from '@nestjs/common';
import { Role } from '@app/common';
import { NotificationEvent, NotificationJobData } from '@app/jobs';
import { EntityManager } from 'typeorm';
import { NotificationFacts } from '../mail/notification-text';

/** Who is concerned by an event, before preferences: organizations, a region's coordinators, named users. */
export interface Audience {
  facts: NotificationFacts;
  organizationIds: string[];
  coordinatorsOfRegion: string | null;
  userIds: string[];
  /** the refurbisher an offer is made to (the offerMade subscription) */
  offerTo?: string;
  /** the partner whose order changed (the orderUpdated subscription) */
  orderOf?: { organizationId: string; orderId: string };
}

/** One person (or an organization's contact address) to tell. */
export interface Recipient {
  userId: string | null;
  /** the role whose defaults apply; a contact address is told as its organization's kind would be */
  role: Role;
  /** null: no e-mail (the address bounced for good) */
  email: string | null;
  contactOrganizationId: string | null;
}

interface LotRow {
  lot_id: string;
  lot_reference: string;
  refurbisher_id: string;
  region_id: string;
  quantity: number;
  decline_reason: string | null;
  donation_id: string;
  donation_reference: string;
  donor_id: string;
  city: string;
  donor_name: string;
  refurbisher_name: string;
}

/**
 * Reads, when the notify job runs, who an event concerns and the facts its text needs. Only
 * reads: the tables are their owners'; what a person may see is decided by what the event is
 * about (their organization's lot, pickup or order), as docs/notifications.md lists.
 */
@Injectable()
export class NotificationAudience {
  async of(manager: EntityManager, data: NotificationJobData): Promise<Audience | null> {
    switch (data.event) {
      case NotificationEvent.LOT_OFFERED:
      case NotificationEvent.OFFER_EXPIRING: {
        const lot = await this.lot(manager, data.lotId);
        return lot && { facts: lotFacts(lot), organizationIds: [lot.refurbisher_id], coordinatorsOfRegion: null, userIds: [], offerTo: lot.refurbisher_id };
      }
      case NotificationEvent.LOT_DECLINED: {
        const lot = await this.lot(manager, data.lotId);
        return lot && { facts: lotFacts(lot), organizationIds: [], coordinatorsOfRegion: lot.region_id, userIds: [] };
      }
      case NotificationEvent.LOT_EXPIRED: {
        const lot = await this.lot(manager, data.lotId);
        return lot && { facts: lotFacts(lot), organizationIds: [lot.refurbisher_id], coordinatorsOfRegion: lot.region_id, userIds: [] };
      }
      case NotificationEvent.LOT_REASSIGNED: {
        const [from, to] = await Promise.all([this.lot(manager, data.lotId), this.lot(manager, data.toLotId)]);
        if (!from || !to) return null;
        return {
          facts: { ...lotFacts(from), newRefurbisherName: to.refurbisher_name },
          organizationIds: [from.refurbisher_id, to.refurbisher_id],
          coordinatorsOfRegion: null,
          userIds: [],
          offerTo: to.refurbisher_id,
        };
      }
      case NotificationEvent.DONATION_CANCELLED: {
        const rows: Array<LotRow> = await manager.query(`${LOT_SQL} WHERE l.id IN (SELECT lot_id FROM pickup WHERE id = ANY($1::uuid[]))`, [data.pickupIds]);
        if (!rows.length) return null;
        return { facts: lotFacts(rows[0]!), organizationIds: unique(rows.map((r) => r.refurbisher_id)), coordinatorsOfRegion: rows[0]!.region_id, userIds: [] };
      }
      case NotificationEvent.PICKUP_SCHEDULED: {
        const lot = await this.lotOfPickup(manager, data.pickupId);
        return lot && { facts: lotFacts(lot), organizationIds: [lot.donor_id], coordinatorsOfRegion: null, userIds: [] };
      }
      case NotificationEvent.PICKUP_RESCHEDULED:
      case NotificationEvent.PICKUP_CANCELLED:
      case NotificationEvent.PICKUP_REMINDER: {
        const lot = await this.lotOfPickup(manager, data.pickupId);
        return lot && { facts: lotFacts(lot), organizationIds: [lot.donor_id, lot.refurbisher_id], coordinatorsOfRegion: null, userIds: [] };
      }
      case NotificationEvent.PICKUP_MISSED: {
        const lot = await this.lotOfPickup(manager, data.pickupId);
        return lot && { facts: lotFacts(lot), organizationIds: [lot.donor_id, lot.refurbisher_id], coordinatorsOfRegion: lot.region_id, userIds: [] };
      }
      case NotificationEvent.ORDER_ALLOCATED:
      case NotificationEvent.DEVICES_SHIPPED: {
        const order = await this.order(manager, data.orderId);
        return (
          order && {
            facts: { orderReference: order.reference, partnerName: order.partner_name },
            organizationIds: [order.partner_id],
            coordinatorsOfRegion: null,
            userIds: [],
            orderOf: { organizationId: order.partner_id, orderId: data.orderId },
          }
        );
      }
      case NotificationEvent.DELIVERY_CONFIRMED: {
        const order = await this.order(manager, data.orderId);
        if (!order) return null;
        const holders: Array<{ refurbisher_id: string }> = await manager.query(
          `SELECT DISTINCT d.refurbisher_id FROM order_line_device x JOIN device d ON d.id = x.device_id WHERE x.order_id = $1 AND d.refurbisher_id IS NOT NULL`,
          [data.orderId],
        );
        return {
          facts: { orderReference: order.reference, partnerName: order.partner_name },
          organizationIds: holders.map((h) => h.refurbisher_id),
          coordinatorsOfRegion: order.region_id,
          userIds: [],
          orderOf: { organizationId: order.partner_id, orderId: data.orderId },
        };
      }
      case NotificationEvent.DONOR_REPORT_READY:
        return { facts: {}, organizationIds: [data.donorId], coordinatorsOfRegion: null, userIds: [] };
      case NotificationEvent.STOCK_COUNT_DISCREPANCIES: {
        const [org]: Array<{ name: string; region_id: string }> = await manager.query(`SELECT name, region_id FROM organization WHERE id = $1`, [
          data.refurbisherId,
        ]);
        return org ? { facts: { refurbisherName: org.name }, organizationIds: [], coordinatorsOfRegion: org.region_id, userIds: [] } : null;
      }
      case NotificationEvent.PASSWORD_RESET:
        return { facts: {}, organizationIds: [], coordinatorsOfRegion: null, userIds: [data.userId] };
    }
  }

  /**
   * The active users of the organizations (an active organization), the coordinators of the
   * region, the named users; an organization without any active user is told at its contact
   * address, if it has one. A bounced address gets the inbox row, no e-mail.
   */
  async recipients(manager: EntityManager, audience: Audience, alwaysSent: boolean): Promise<Recipient[]> {
    const rows: Array<{ id: string; role: Role; email: string; bounced: boolean }> = await manager.query(
      `SELECT DISTINCT u.id, u.role, u.email, u.email_bounced_at IS NOT NULL AS bounced
         FROM "user" u LEFT JOIN organization o ON o.id = u.organization_id
        WHERE u.deactivated_at IS NULL
          AND (   (u.organization_id = ANY($1::uuid[]) AND o.deactivated_at IS NULL)
               OR (u.role = 'COORDINATOR' AND o.region_id = $2 AND o.deactivated_at IS NULL)
               OR u.id = ANY($3::uuid[]))
        ORDER BY u.id`,
      [audience.organizationIds, audience.coordinatorsOfRegion, audience.userIds],
    );
    // a security e-mail goes to the address even after a bounce: the person may have fixed their mailbox
    const recipients: Recipient[] = rows.map((r) => ({
      userId: r.id,
      role: r.role,
      email: r.bounced && !alwaysSent ? null : r.email,
      contactOrganizationId: null,
    }));
    if (audience.organizationIds.length) {
      const contacts: Array<{ id: string; kind: Role; contact_email: string }> = await manager.query(
        `SELECT o.id, o.kind::text AS kind, o.contact_email FROM organization o
          WHERE o.id = ANY($1::uuid[]) AND o.deactivated_at IS NULL AND o.contact_email IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "user" u WHERE u.organization_id = o.id AND u.deactivated_at IS NULL)
          ORDER BY o.id`,
        [audience.organizationIds],
      );
      recipients.push(...contacts.map((c) => ({ userId: null, role: c.kind, email: c.contact_email, contactOrganizationId: c.id })));
    }
    return recipients;
  }

  private async lot(manager: EntityManager, lotId: string): Promise<LotRow | null> {
    const [row]: LotRow[] = await manager.query(`${LOT_SQL} WHERE l.id = $1`, [lotId]);
    return row ?? null;
  }

  private async lotOfPickup(manager: EntityManager, pickupId: string): Promise<LotRow | null> {
    const [row]: LotRow[] = await manager.query(`${LOT_SQL} WHERE l.id = (SELECT lot_id FROM pickup WHERE id = $1)`, [pickupId]);
    return row ?? null;
  }

  private async order(
    manager: EntityManager,
    orderId: string,
  ): Promise<{ reference: string; partner_id: string; region_id: string; partner_name: string } | null> {
    const [row] = await manager.query(
      `SELECT o.reference, o.partner_id, o.region_id, p.name AS partner_name FROM partner_order o JOIN organization p ON p.id = o.partner_id WHERE o.id = $1`,
      [orderId],
    );
    return (row as { reference: string; partner_id: string; region_id: string; partner_name: string } | undefined) ?? null;
  }
}

const LOT_SQL = `SELECT l.id AS lot_id, l.reference AS lot_reference, l.refurbisher_id, l.region_id, l.quantity, l.decline_reason,
         d.id AS donation_id, d.reference AS donation_reference, d.donor_id, d.pickup_address_city AS city,
         dn.name AS donor_name, rf.name AS refurbisher_name
    FROM lot l JOIN donation d ON d.id = l.donation_id
    JOIN organization dn ON dn.id = d.donor_id JOIN organization rf ON rf.id = l.refurbisher_id`;

function lotFacts(lot: LotRow): NotificationFacts {
  return {
    lotId: lot.lot_id,
    donationId: lot.donation_id,
    lotReference: lot.lot_reference,
    donationReference: lot.donation_reference,
    donorName: lot.donor_name,
    refurbisherName: lot.refurbisher_name,
    city: lot.city,
    quantity: lot.quantity,
    declineReason: lot.decline_reason ?? undefined,
  };
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];
