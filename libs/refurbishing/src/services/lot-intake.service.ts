import { Injectable } from '@nestjs/common';
import { byKey, groupedByKey, RequestContext, requestLoader } from '@app/common';
import { TransactionRunner } from '@app/database';
import { In } from 'typeorm';
import { LotIntakeItem } from '../entities/lot-intake-item.entity';
import { LotIntake } from '../entities/lot-intake.entity';

export interface DonationIntakeTotals {
  receivedQuantity: number;
  /** over the donation's received lots, received minus declared; null while none was received */
  countDifference: number | null;
}

/** Reading what lots and donations received against what they declared. */
@Injectable()
export class LotIntakeService {
  constructor(private readonly tx: TransactionRunner) {}

  ofLot(ctx: RequestContext, lotId: string): Promise<LotIntake | null> {
    return requestLoader<string, LotIntake | null>(ctx, 'refurbishing:lot-intake', async (ids) =>
      byKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(LotIntake)
          .find({ where: { lotId: In([...ids]) } }),
        (i) => i.lotId,
      ),
    ).load(lotId);
  }

  items(ctx: RequestContext, lotId: string): Promise<LotIntakeItem[]> {
    return requestLoader<string, LotIntakeItem[]>(ctx, 'refurbishing:lot-intake-items', async (ids) =>
      groupedByKey(
        ids,
        await this.tx
          .manager(ctx)
          .getRepository(LotIntakeItem)
          .find({ where: { lotId: In([...ids]) } }),
        (i) => i.lotId,
      ),
    ).load(lotId);
  }

  ofDonation(ctx: RequestContext, donationId: string): Promise<DonationIntakeTotals> {
    return requestLoader<string, DonationIntakeTotals>(ctx, 'refurbishing:donation-intake', async (ids) => {
      const rows: Array<{ donation_id: string; received: number; difference: number }> = await this.tx.manager(ctx).query(
        `SELECT donation_id, SUM(received_quantity)::int AS received, SUM(received_quantity - declared_quantity)::int AS difference
           FROM lot_intake WHERE donation_id = ANY($1::uuid[]) GROUP BY donation_id`,
        [ids],
      );
      return ids.map((id) => {
        const row = rows.find((r) => r.donation_id === id);
        return row ? { receivedQuantity: row.received, countDifference: row.difference } : { receivedQuantity: 0, countDifference: null };
      });
    }).load(donationId);
  }
}
