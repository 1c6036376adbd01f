import { Injectable } from '@nestjs/common';
import { DeviceCategory, NotFoundError, RequestContext, Role } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { Region } from '@app/network';
import { BeneficiaryProfile } from '../entities/beneficiary-profile';
import { NeedUrgency } from './need-urgency';
import { categorySupply } from './needs-figures';
import { WaitingList, WaitingListEntry } from './need.types';
import { estimatedWaitDays } from './waiting-list.policy';

interface WaitingRow {
  id: string | null;
  partner_id: string;
  beneficiary_ref: string;
  profile: BeneficiaryProfile;
  category: DeviceCategory;
  urgency: NeedUrgency;
  created_at: Date;
  position: number;
  total: number;
}

/**
 * Every waiting need of the region ranked in its category's queue (waitingOrder: the most urgent,
 * then the oldest, then by id; need_urgency is declared from the least urgent), then only the rows
 * the caller is shown: of the profile asked for ($2), and when the caller is a partner ($3) its
 * own ($4: none without an organization).
 * The count of the region's waiting needs of that profile comes with them (one row, without a
 * need, when the caller is shown none). PostgreSQL ranks the queue where the rows are: a partner's
 * page carries its own needs, not its region's.
 */
const WAITING_LIST_SQL = `
  WITH ranked AS (
    SELECT n.id, n.partner_id, n.beneficiary_ref, n.profile, n.category, n.urgency, n.created_at,
           row_number() OVER (PARTITION BY n.category ORDER BY n.urgency DESC, n.created_at, n.id)::int AS position
      FROM need n
     WHERE n.region_id = $1 AND n.status = 'WAITING'
  ), listed AS (
    SELECT * FROM ranked WHERE $2::beneficiary_profile IS NULL OR profile = $2::beneficiary_profile
  )
  SELECT shown.*, total.total
    FROM (SELECT count(*)::int AS total FROM listed) total
    LEFT JOIN listed shown ON NOT $3::boolean OR shown.partner_id = $4::uuid
   ORDER BY shown.urgency DESC, shown.created_at, shown.id`;

/**
 * The region's waiting list: every waiting need is ranked (per category: most urgent, then
 * oldest), and the caller is shown the rows it may read (READ_RULES.Need: a partner its own,
 * staff all) with their positions; of the others, only how many there are.
 */
@Injectable()
export class WaitingListService {
  constructor(private readonly tx: TransactionRunner) {}

  async waitingList(ctx: RequestContext, regionId: string, profile?: BeneficiaryProfile | null): Promise<WaitingList> {
    ActAccess.assert(ctx, 'Region', 'readWaitingList', { id: regionId });
    const manager = this.tx.manager(ctx);
    if (!(await manager.getRepository(Region).exists({ where: { id: regionId } }))) throw new NotFoundError('Region', regionId);
    const own = ctx.user.role === Role.PARTNER;
    const rows: WaitingRow[] = await manager.query(WAITING_LIST_SQL, [regionId, profile ?? null, own, ctx.user.organizationId ?? null]);
    const visible = rows.filter((r) => r.id !== null);
    const supply = await categorySupply(manager, regionId, [...new Set(visible.map((r) => r.category))]);
    const entries = visible.map((r): WaitingListEntry => ({
      needId: r.id!,
      partnerId: r.partner_id,
      beneficiaryRef: r.beneficiary_ref,
      profile: r.profile,
      category: r.category,
      urgency: r.urgency,
      waitingSince: r.created_at,
      position: r.position,
      estimatedWaitDays: estimatedWaitDays(r.position, supply.get(r.category)!),
    }));
    return { regionId, totalWaiting: rows[0]?.total ?? 0, entries };
  }
}
