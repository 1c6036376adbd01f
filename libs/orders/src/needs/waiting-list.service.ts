import { Injectable } from '@nestjs/common';
import { DeviceCategory, NotFoundError, RequestContext, Role } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { Region } from '@app/network';
import { BeneficiaryProfile } from '../entities/beneficiary-profile';
import { NeedUrgency } from './need-urgency';
import { categorySupply } from './needs-figures';
import { WaitingList, WaitingListEntry } from './need.types';
import { estimatedWaitDays, waitingOrder, waitingPositions } from './waiting-list.policy';

interface WaitingRow {
  id: string;
  partnerId: string;
  beneficiaryRef: string;
  profile: BeneficiaryProfile;
  category: DeviceCategory;
  urgency: NeedUrgency;
  createdAt: Date;
}

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
    const rows: WaitingRow[] = (
      await manager.query(
        `SELECT id, partner_id, beneficiary_ref, profile, category, urgency, created_at FROM need WHERE region_id = $1 AND status = 'WAITING'`,
        [regionId],
      )
    ).map((r: Record<string, unknown>) => ({
      id: r.id,
      partnerId: r.partner_id,
      beneficiaryRef: r.beneficiary_ref,
      profile: r.profile,
      category: r.category,
      urgency: r.urgency,
      createdAt: r.created_at,
    }));
    const positions = waitingPositions(rows);
    const listed = rows.filter((r) => !profile || r.profile === profile);
    const own = ctx.user.role === Role.PARTNER;
    const visible = listed.filter((r) => !own || r.partnerId === ctx.user.organizationId).sort(waitingOrder);
    const supply = await categorySupply(manager, regionId, [...new Set(visible.map((r) => r.category))]);
    const entries = visible.map((r): WaitingListEntry => ({
      needId: r.id,
      partnerId: r.partnerId,
      beneficiaryRef: r.beneficiaryRef,
      profile: r.profile,
      category: r.category,
      urgency: r.urgency,
      waitingSince: r.createdAt,
      position: positions.get(r.id)!,
      estimatedWaitDays: estimatedWaitDays(positions.get(r.id)!, supply.get(r.category)!),
    }));
    return { regionId, totalWaiting: listed.length, entries };
  }
}
