import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import { EntityManager } from 'typeorm';

/** A refurbisher barred from a donation until `until` (it declined an offer of it, or let one lapse). */
export interface ActiveRefusal {
  donationId: string;
  refurbisherId: string;
  until: Date;
}

/**
 * A decline (or a lapsed offer) bars that refurbisher from that donation for
 * DECLINE_COOLDOWN_DAYS, not for ever: workshops decline for reasons that pass (a full week, a
 * van off the road), and a region with two refurbishers would otherwise strand a donation
 * declined twice. The refusal row keeps its latest time; a new decline restarts the cooldown.
 */
@Injectable()
export class DeclineCooldown {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The refusals of these donations that still bar their refurbisher now. */
  async active(manager: EntityManager, donationIds: readonly string[]): Promise<ActiveRefusal[]> {
    if (!donationIds.length) return [];
    const rows: Array<{ donation_id: string; refurbisher_id: string; until: Date }> = await manager.query(
      `SELECT donation_id, refurbisher_id, at + make_interval(days => $2) AS until FROM lot_refusal
        WHERE donation_id = ANY($1::uuid[]) AND at + make_interval(days => $2) > now()`,
      [[...new Set(donationIds)], this.config.declineCooldownDays],
    );
    return rows.map((r) => ({ donationId: r.donation_id, refurbisherId: r.refurbisher_id, until: new Date(r.until) }));
  }

  /** Records (or restarts) the cooldown of a refurbisher on a donation. */
  async record(manager: EntityManager, donationId: string, refurbisherId: string): Promise<void> {
    await manager.query(
      `INSERT INTO lot_refusal (donation_id, refurbisher_id) VALUES ($1, $2)
       ON CONFLICT (donation_id, refurbisher_id) DO UPDATE SET at = now()`,
      [donationId, refurbisherId],
    );
  }

  /** Ends the cooldown now; true when there was one to end. */
  async lift(manager: EntityManager, donationId: string, refurbisherId: string): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(`DELETE FROM lot_refusal WHERE donation_id = $1 AND refurbisher_id = $2`, [
      donationId,
      refurbisherId,
    ]);
    return count > 0;
  }
}
