import { Injectable } from '@nestjs/common';
import { BadInputError, Connection, ErrorReason, RequestContext } from '@app/common';
import { ReadScope } from '@app/auth';
import { keysetPage, TransactionRunner } from '@app/database';
import { partnerOfRecord } from '../needs/partner-of-record';
import { assertPseudonymous } from '../needs/pseudonymous-reference';
import { Accompaniment } from './accompaniment.entity';
import { RecordAccompanimentInput } from './accompaniment.inputs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** a clock a little ahead on the partner's side is not a session to come */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface AccompanimentFilter {
  beneficiaryRef?: string | null;
  partnerId?: string | null;
}

/** Accompaniment sessions: recorded by the partner (or staff for it) after they were held; read as needs are (READ_RULES.Accompaniment). */
@Injectable()
export class AccompanimentService {
  constructor(private readonly tx: TransactionRunner) {}

  record(ctx: RequestContext, input: RecordAccompanimentInput): Promise<Accompaniment> {
    assertPseudonymous('beneficiaryRef', input.beneficiaryRef);
    if (input.date.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw new BadInputError('date is to come: record a session once it was held', { field: 'date' }, ErrorReason.DATE_IN_FUTURE);
    }
    return this.tx.run(ctx, async (_, manager) => {
      const partner = await partnerOfRecord(ctx, manager, input.partnerId, 'recordAccompanimentFor', 'record accompaniment sessions');
      const repo = manager.getRepository(Accompaniment);
      return repo.save(
        repo.create({
          partnerId: partner.id,
          regionId: partner.regionId,
          beneficiaryRef: input.beneficiaryRef,
          kind: input.kind,
          date: input.date,
          durationMinutes: input.durationMinutes,
          recordedBy: UUID.test(ctx.user.userId) ? ctx.user.userId : null,
        }),
      );
    });
  }

  async list(ctx: RequestContext, filter: AccompanimentFilter, first?: number | null, after?: string | null): Promise<Connection<Accompaniment>> {
    const qb = this.tx.manager(ctx).getRepository(Accompaniment).createQueryBuilder('a');
    ReadScope.apply(ctx, qb, 'Accompaniment', 'a');
    if (filter.beneficiaryRef) {
      assertPseudonymous('beneficiaryRef', filter.beneficiaryRef);
      qb.andWhere('a.beneficiary_ref = :ref', { ref: filter.beneficiaryRef });
    }
    if (filter.partnerId) qb.andWhere('a.partner_id = :partnerId', { partnerId: filter.partnerId });
    return keysetPage(qb, 'a', first, after);
  }
}
