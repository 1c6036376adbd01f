import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, DeviceCategory, ErrorReason, NotFoundError, RequestContext } from '@app/common';
import { ActAccess } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { In } from 'typeorm';
import { resolveLineRequirements } from '../policies/profile-defaults';
import { EligibilityBasesService } from './eligibility-bases.service';
import { EligibilityBasis } from './eligibility-basis';
import { NeedCancellationReason } from './need-cancellation-reason';
import { Need } from './need.entity';
import { RecordNeedInput } from './need.inputs';
import { NeedStatus } from './need-status';
import { NeedUrgency } from './need-urgency';
import { partnerOfRecord } from './partner-of-record';
import { assertPseudonymous } from './pseudonymous-reference';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPEN = [NeedStatus.WAITING, NeedStatus.ORDERED];

/**
 * A partner records a person's need (referral, declared eligibility, urgency) under its own
 * pseudonymous reference, and calls it off while it waits. Each command in one transaction.
 */
@Injectable()
export class NeedRecordingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly bases: EligibilityBasesService,
  ) {}

  record(ctx: RequestContext, input: RecordNeedInput): Promise<Need> {
    assertPseudonymous('beneficiaryRef', input.beneficiaryRef);
    if (input.eligibilityBasis === EligibilityBasis.VOUCHER) {
      if (!input.voucherNumber) {
        throw new BadInputError(
          'An eligibility by voucher needs the voucher’s number: give voucherNumber',
          { field: 'voucherNumber' },
          ErrorReason.VOUCHER_NUMBER_REQUIRED,
        );
      }
      assertPseudonymous('voucherNumber', input.voucherNumber);
    } else if (input.voucherNumber) {
      throw new BadInputError(
        `voucherNumber goes with the VOUCHER basis only, not ${input.eligibilityBasis}: leave it out`,
        { field: 'voucherNumber', basis: input.eligibilityBasis },
        ErrorReason.VOUCHER_NUMBER_NOT_APPLICABLE,
      );
    }
    const category = input.category ?? DeviceCategory.LAPTOP;
    const { problems } = resolveLineRequirements(input.profile, category, {});
    if (problems.length) {
      throw new BadInputError(
        `${problems.join('; ')}: choose a device this profile can use`,
        { profile: input.profile, category, problems },
        ErrorReason.NEED_CATEGORY_NOT_FOR_PROFILE,
      );
    }
    return this.tx.run(ctx, async (_, manager) => {
      const partner = await partnerOfRecord(ctx, manager, input.partnerId, 'recordNeedFor', 'record needs');
      const accepted = await this.bases.acceptedIn(manager, partner.regionId);
      if (!accepted.includes(input.eligibilityBasis)) {
        throw new BadInputError(
          `The region does not accept ${input.eligibilityBasis} as a basis of eligibility: choose one of ${accepted.join(', ')}`,
          { field: 'eligibilityBasis', basis: input.eligibilityBasis, accepted },
          ErrorReason.ELIGIBILITY_BASIS_NOT_ACCEPTED,
        );
      }
      const repo = manager.getRepository(Need);
      const open = await repo.findOne({ where: { partnerId: partner.id, beneficiaryRef: input.beneficiaryRef, category, status: In(OPEN) } });
      if (open) {
        throw new ConflictError(
          `${input.beneficiaryRef} already waits for (or has ordered) a ${category}: follow that need`,
          { field: 'beneficiaryRef', needId: open.id },
          ErrorReason.NEED_ALREADY_OPEN,
        );
      }
      return repo.save(
        repo.create({
          partnerId: partner.id,
          regionId: partner.regionId,
          beneficiaryRef: input.beneficiaryRef,
          profile: input.profile,
          category,
          referralSource: input.referralSource,
          eligibilityBasis: input.eligibilityBasis,
          voucherNumber: input.voucherNumber ?? null,
          urgency: input.urgency ?? NeedUrgency.NORMAL,
          status: NeedStatus.WAITING,
          recordedBy: UUID.test(ctx.user.userId) ? ctx.user.userId : null,
        }),
      );
    });
  }

  /** Only while it waits: an ordered need comes back to the list when its order is cancelled. */
  cancel(ctx: RequestContext, needId: string, reason: NeedCancellationReason): Promise<Need> {
    return this.tx.run(ctx, async (_, manager) => {
      const repo = manager.getRepository(Need);
      const need = await repo.findOne({ where: { id: needId }, lock: { mode: 'pessimistic_write' } });
      if (!need) throw new NotFoundError('Need', needId);
      ActAccess.assert(ctx, 'Need', 'cancel', need);
      assertWaiting(need);
      await repo.update({ id: need.id }, { status: NeedStatus.CANCELLED, cancelledAt: new Date(), cancellationReason: reason });
      return repo.findOneByOrFail({ id: need.id });
    });
  }
}

/** A command that takes a need off the waiting list refuses one that left it. */
export function assertWaiting(need: Need): void {
  if (need.status === NeedStatus.WAITING) return;
  if (need.status === NeedStatus.ORDERED) {
    throw new ConflictError(
      'This need is ordered already: cancel its order first (the need goes back to the waiting list)',
      { needId: need.id, status: need.status },
      ErrorReason.NEED_NOT_WAITING,
    );
  }
  throw new ConflictError(`This need is ${need.status}: that is final`, { entity: 'Need', state: need.status, needId: need.id }, ErrorReason.FINAL_STATE);
}
