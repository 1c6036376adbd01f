import { Injectable } from '@nestjs/common';
import { DeviceCategory, Role } from '@app/common';
import { CATEGORY_LABEL } from '@app/reporting';
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
      case NotificationEvent.LOAN_DUE_SOON:
      case NotificationEvent.LOAN_OVERDUE: {
        const loan = await this.loan(manager, data.loanId);
        // returned, given or extended since the sweep: the reminder no longer holds (an extension arms its own)
        if (!loan || loan.status !== 'ACTIVE' || loan.due_date.getTime() !== new Date(data.dueDate).getTime()) return null;
        return { facts: loanFacts(loan), organizationIds: [loan.partner_id], coordinatorsOfRegion: null, userIds: [] };
      }
      case NotificationEvent.LOAN_RETURNED: {
        const loan = await this.loan(manager, data.loanId);
        return loan && { facts: loanFacts(loan), organizationIds: [loan.returned_to_id ?? loan.refurbisher_id], coordinatorsOfRegion: null, userIds: [] };
      }
      case NotificationEvent.REPAIR_TICKET_OPENED:
      case NotificationEvent.REPAIR_TICKET_RESOLVED: {
        const ticket = await this.ticket(manager, data.ticketId);
        if (!ticket) return null;
        const to = data.event === NotificationEvent.REPAIR_TICKET_OPENED ? ticket.refurbisher_id : ticket.partner_id;
        return { facts: ticketFacts(ticket), organizationIds: [to], coordinatorsOfRegion: null, userIds: [] };
      }
      case NotificationEvent.INVOICE_ISSUED: {
        const [row]: Array<{ number: string; total_cents: number; partner_id: string; order_id: string; order_reference: string; refurbisher_name: string }> =
          await manager.query(
            `SELECT i.number, i.total_cents, i.partner_id, i.order_id, o.reference AS order_reference, r.name AS refurbisher_name
               FROM invoice i JOIN partner_order o ON o.id = i.order_id JOIN organization r ON r.id = i.refurbisher_id
              WHERE i.id = $1 AND i.kind = 'INVOICE'`,
            [data.invoiceId],
          );
        if (!row) return null;
        return {
          facts: {
            documentNumber: row.number,
            amountCents: row.total_cents,
            orderId: row.order_id,
            orderReference: row.order_reference,
            refurbisherName: row.refurbisher_name,
          },
          organizationIds: [row.partner_id],
          coordinatorsOfRegion: null,
          userIds: [],
        };
      }
      case NotificationEvent.TAX_RECEIPT_ISSUED: {
        const [row]: Array<{
          number: string;
          valuation_cents: number;
          donor_id: string;
          donation_id: string;
          donation_reference: string;
          refurbisher_name: string;
        }> = await manager.query(`SELECT number, valuation_cents, donor_id, donation_id, donation_reference, refurbisher_name FROM tax_receipt WHERE id = $1`, [
          data.taxReceiptId,
        ]);
        if (!row) return null;
        return {
          facts: {
            documentNumber: row.number,
            amountCents: row.valuation_cents,
            donationId: row.donation_id,
            donationReference: row.donation_reference,
            refurbisherName: row.refurbisher_name,
          },
          organizationIds: [row.donor_id],
          coordinatorsOfRegion: null,
          userIds: [],
        };
      }
      case NotificationEvent.DONATION_AGREEMENT_READY: {
        // the workshop that accepted first: the one the donor hears of; the others' agreements are on the same page
        const [row]: Array<{ reference: string; donor_id: string; refurbisher_name: string }> = await manager.query(
          `SELECT d.reference, d.donor_id, r.name AS refurbisher_name
             FROM donation d JOIN lot l ON l.donation_id = d.id JOIN organization r ON r.id = l.refurbisher_id
            WHERE d.id = $1 AND l.claimed_at IS NOT NULL
            ORDER BY l.claimed_at, l.id LIMIT 1`,
          [data.donationId],
        );
        if (!row) return null;
        return {
          facts: { donationId: data.donationId, donationReference: row.reference, refurbisherName: row.refurbisher_name },
          organizationIds: [row.donor_id],
          coordinatorsOfRegion: null,
          userIds: [],
        };
      }
      case NotificationEvent.NEED_SERVED: {
        // the need's reference stays out: e-mails travel; its recording day and category say which one it is
        const [row]: Array<{ partner_id: string; created_at: Date; category: DeviceCategory; order_id: string; order_reference: string }> = await manager.query(
          `SELECT n.partner_id, n.created_at, n.category, n.order_id, o.reference AS order_reference
             FROM need n JOIN partner_order o ON o.id = n.order_id WHERE n.id = $1 AND n.status = 'SERVED'`,
          [data.needId],
        );
        if (!row) return null;
        return {
          facts: {
            since: row.created_at.toISOString(),
            categoryLabel: CATEGORY_LABEL[row.category]?.one,
            orderId: row.order_id,
            orderReference: row.order_reference,
          },
          organizationIds: [row.partner_id],
          coordinatorsOfRegion: null,
          userIds: [],
        };
      }
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

  private async loan(manager: EntityManager, loanId: string): Promise<LoanRow | null> {
    const [row]: LoanRow[] = await manager.query(
      `SELECT l.status, l.due_date, l.partner_id, l.refurbisher_id, l.returned_to_id, l.order_id, o.reference AS order_reference,
              d.serial_number, d.category, p.name AS partner_name
         FROM loan l JOIN partner_order o ON o.id = l.order_id JOIN device d ON d.id = l.device_id JOIN organization p ON p.id = l.partner_id
        WHERE l.id = $1`,
      [loanId],
    );
    return row ?? null;
  }

  private async ticket(manager: EntityManager, ticketId: string): Promise<TicketRow | null> {
    const [row]: TicketRow[] = await manager.query(
      `SELECT t.partner_id, t.refurbisher_id, t.symptom, t.under_warranty, t.outcome, t.resolution, x.order_id, o.reference AS order_reference,
              d.serial_number, d.category, rd.serial_number AS replacement_serial_number, p.name AS partner_name, r.name AS refurbisher_name
         FROM repair_ticket t
         JOIN order_line_device x ON x.id = t.order_line_device_id JOIN partner_order o ON o.id = x.order_id
         JOIN device d ON d.id = t.device_id LEFT JOIN device rd ON rd.id = t.replacement_device_id
         JOIN organization p ON p.id = t.partner_id JOIN organization r ON r.id = t.refurbisher_id
        WHERE t.id = $1`,
      [ticketId],
    );
    return row ?? null;
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

interface LoanRow {
  status: string;
  due_date: Date;
  partner_id: string;
  refurbisher_id: string;
  returned_to_id: string | null;
  order_id: string;
  order_reference: string;
  serial_number: string;
  category: DeviceCategory;
  partner_name: string;
}

function loanFacts(loan: LoanRow): NotificationFacts {
  return {
    orderId: loan.order_id,
    orderReference: loan.order_reference,
    serialNumber: loan.serial_number,
    categoryLabel: CATEGORY_LABEL[loan.category]?.one,
    partnerName: loan.partner_name,
  };
}

interface TicketRow {
  partner_id: string;
  refurbisher_id: string;
  symptom: string;
  under_warranty: boolean;
  outcome: string | null;
  resolution: string | null;
  order_id: string;
  order_reference: string;
  serial_number: string;
  category: DeviceCategory;
  replacement_serial_number: string | null;
  partner_name: string;
  refurbisher_name: string;
}

function ticketFacts(t: TicketRow): NotificationFacts {
  return {
    orderId: t.order_id,
    orderReference: t.order_reference,
    serialNumber: t.serial_number,
    categoryLabel: CATEGORY_LABEL[t.category]?.one,
    partnerName: t.partner_name,
    refurbisherName: t.refurbisher_name,
    symptom: t.symptom,
    underWarranty: t.under_warranty,
    outcome: t.outcome ?? undefined,
    resolution: t.resolution ?? undefined,
    replacementSerialNumber: t.replacement_serial_number ?? undefined,
  };
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];
