import { Logger } from '@nestjs/common';
import { ForbiddenError, RequestContext, Role } from '@app/common';
import { EventPhase, TransactionEvents } from '@app/database';
import { PickupsCancelled } from '@app/logistics';
import { PickupReminderService } from '@app/logistics/services/pickup-reminder.service';
import {
  PickupsCancelDocument,
  PickupsCancelDonationDocument,
  PickupsCompleteDocument,
  PickupsLotDocument,
  PickupsLotHistoryDocument,
  PickupsLotsDocument,
  PickupsRescheduleDocument,
  PickupsScheduleDocument,
} from './generated/graphql';
import { claimLot, declareDonation, LYON, routeDonations } from './support/donation-flow';
import { addGrenobleRefurbisher, NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
/** midnight UTC, three days from now: when the donations of these tests become available */
const availableFrom = new Date(Math.floor(Date.now() / DAY) * DAY + 3 * DAY);
const at = (offsetMs: number) => new Date(availableFrom.getTime() + offsetMs).toISOString();

describe('pickups', () => {
  let t: TestApp;
  let net: NetworkFixture;
  /** a second refurbisher of the same region, farther away (Grenoble) */
  let other: { id: string; token: string };
  const reminders = () => t.app.get(PickupReminderService);
  const system = () => RequestContext.system();

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
    other = await addGrenobleRefurbisher(t, net);
  });

  /** Donations of these quantities, routed (all to the Lyon refurbisher, the nearest) and, unless told, claimed. */
  const lots = async (quantities: number[], options: { claim?: boolean } = {}): Promise<Array<{ id: string; donationId: string }>> => {
    const donationIds: string[] = [];
    for (const quantity of quantities) {
      donationIds.push(
        await declareDonation(t, net.ara, [{ category: 'LAPTOP', quantity }], { pickupAddress: LYON, availableFrom: availableFrom.toISOString() }),
      );
    }
    const routed = await routeDonations(t, net.ara);
    expect(routed).toHaveLength(quantities.length);
    const result = donationIds.map((donationId) => ({ id: routed.find((l) => l.donationId === donationId)!.id, donationId }));
    if (options.claim ?? true) for (const lot of result) await claimLot(t, lot.id, net.ara.tokens.refurbisher);
    return result;
  };
  const lot = async (id: string, token = net.ara.tokens.refurbisher) => (await t.runOk(PickupsLotDocument, { id }, token)).lot!;
  const schedule = async (lotId: string, scheduledAt: string, token = net.ara.tokens.refurbisher) =>
    (await t.runOk(PickupsScheduleDocument, { input: { lotId, scheduledAt } }, token)).schedulePickup;
  /** The pickup's donation made available already (a day ago): completion waits for availability, tested on its own. */
  const makeAvailable = (pickupId: string) =>
    t.dataSource.query(
      `UPDATE donation d SET available_from = now() - interval '1 day' FROM lot l, pickup p WHERE p.id = $1 AND l.id = p.lot_id AND d.id = l.donation_id`,
      [pickupId],
    );
  const complete = async (pickupId: string, collectedQuantity: number, token = net.ara.tokens.refurbisher) => {
    await makeAvailable(pickupId);
    return (await t.runOk(PickupsCompleteDocument, { input: { pickupId, collectedQuantity } }, token)).completePickup;
  };
  const reschedule = async (pickupId: string, scheduledAt: string, reason: string, token = net.ara.tokens.refurbisher) =>
    (await t.runOk(PickupsRescheduleDocument, { input: { pickupId, scheduledAt, reason } }, token)).reschedulePickup;
  const cancel = async (pickupId: string, reason: string, token = net.ara.tokens.refurbisher) =>
    (await t.runOk(PickupsCancelDocument, { input: { pickupId, reason } }, token)).cancelPickup;
  const historyOf = async (lotId: string, token = net.ara.tokens.refurbisher) => (await t.runOk(PickupsLotHistoryDocument, { id: lotId }, token)).lot!;

  describe('scheduling', () => {
    it('the refurbisher that claimed the lot schedules it; the lot is PICKUP_SCHEDULED and shows its pickup', async () => {
      const [l] = await lots([5]);
      const pickup = await schedule(l!.id, at(9 * HOUR));
      expect(pickup).toEqual({
        id: expect.any(String),
        status: 'SCHEDULED',
        scheduledAt: at(9 * HOUR),
        collectedQuantity: null,
        shortfall: null,
        completedAt: null,
        lot: { id: l!.id, status: 'PICKUP_SCHEDULED' },
      });
      expect((await lot(l!.id)).pickup).toMatchObject({ id: pickup.id, status: 'SCHEDULED' });
      // the donor reads its lot's pickup; the donation is still ROUTED until collection
      expect(await lot(l!.id, net.ara.tokens.donor)).toMatchObject({ pickup: { id: pickup.id }, donation: { status: 'ROUTED' } });
      expect(await lot(l!.id, net.ara.tokens.coordinator)).toMatchObject({ pickup: { id: pickup.id } });
    });

    it('other refurbishers get NOT_FOUND; donors, partners and coordinators FORBIDDEN; nothing is written', async () => {
      const [l] = await lots([5]);
      const input = { lotId: l!.id, scheduledAt: at(9 * HOUR) };
      expect(await t.runError(PickupsScheduleDocument, { input }, other.token)).toBe('NOT_FOUND');
      expect(await t.runError(PickupsScheduleDocument, { input }, net.bfc.tokens.refurbisher)).toBe('NOT_FOUND');
      expect(
        await t.runError(PickupsScheduleDocument, { input: { ...input, lotId: '00000000-0000-4000-8000-000000000000' } }, net.ara.tokens.refurbisher),
      ).toBe('NOT_FOUND');
      for (const role of ['donor', 'partner', 'coordinator'] as const)
        expect(await t.runError(PickupsScheduleDocument, { input }, net.ara.tokens[role])).toBe('FORBIDDEN');
      expect(await t.runError(PickupsScheduleDocument, { input }, net.adminToken)).toBe('FORBIDDEN');
      expect(await t.runError(PickupsScheduleDocument, { input })).toBe('UNAUTHENTICATED');
      expect(await t.count('pickup')).toBe(0);
      expect((await lot(l!.id)).status).toBe('CLAIMED');
    });

    it('nobody else reads the pickup through the lot', async () => {
      const [l] = await lots([5]);
      await schedule(l!.id, at(9 * HOUR));
      expect((await t.runOk(PickupsLotDocument, { id: l!.id }, other.token)).lot).toBeNull();
      expect((await t.runOk(PickupsLotDocument, { id: l!.id }, net.bfc.tokens.donor)).lot).toBeNull();
      expect((await t.runOk(PickupsLotDocument, { id: l!.id }, net.bfc.tokens.coordinator)).lot).toBeNull();
      expect(await t.runError(PickupsLotDocument, { id: l!.id }, net.ara.tokens.partner)).toBe('FORBIDDEN');
      // lists batch the pickups of their lots
      expect((await t.runOk(PickupsLotsDocument, {}, net.ara.tokens.refurbisher)).lots.edges).toEqual([
        { node: { id: l!.id, pickup: { id: expect.any(String), status: 'SCHEDULED' } } },
      ]);
      expect((await t.runOk(PickupsLotsDocument, {}, other.token)).lots.edges).toEqual([]);
    });

    it('before the donation is available, or in the past: BAD_USER_INPUT, nothing written', async () => {
      const [l] = await lots([5]);
      const res = await t.run(PickupsScheduleDocument, { input: { lotId: l!.id, scheduledAt: at(-HOUR) } }, net.ara.tokens.refurbisher);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/before the donation is available/);
      const past = await t.run(
        PickupsScheduleDocument,
        { input: { lotId: l!.id, scheduledAt: new Date(Date.now() - HOUR).toISOString() } },
        net.ara.tokens.refurbisher,
      );
      expect(past.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await t.runError(PickupsScheduleDocument, { input: { lotId: l!.id, scheduledAt: 'tomorrow' } }, net.ara.tokens.refurbisher)).toBe(
        'BAD_USER_INPUT',
      );
      expect(await t.count('pickup')).toBe(0);
      expect((await lot(l!.id)).status).toBe('CLAIMED');
      // exactly at availability is fine
      expect((await schedule(l!.id, at(0))).status).toBe('SCHEDULED');
    });

    it('an OFFERED lot (not claimed) cannot be scheduled: CONFLICT', async () => {
      const [l] = await lots([5], { claim: false });
      expect(await t.runError(PickupsScheduleDocument, { input: { lotId: l!.id, scheduledAt: at(9 * HOUR) } }, net.ara.tokens.refurbisher)).toBe('CONFLICT');
      expect(await t.count('pickup')).toBe(0);
    });

    it('a lot with a live pickup cannot get another: CONFLICT', async () => {
      const [l] = await lots([5]);
      await schedule(l!.id, at(9 * HOUR));
      const res = await t.run(PickupsScheduleDocument, { input: { lotId: l!.id, scheduledAt: at(DAY) } }, net.ara.tokens.refurbisher);
      expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0]?.message).toMatch(/already has a scheduled pickup/);
      expect(await t.count('pickup')).toBe(1);
    });

    it('ten concurrent schedules of one lot: exactly one live pickup, the others CONFLICT', async () => {
      const [l] = await lots([5]);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          t.run(PickupsScheduleDocument, { input: { lotId: l!.id, scheduledAt: at((9 + i) * HOUR) } }, net.ara.tokens.refurbisher),
        ),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
      expect(refused).toHaveLength(9);
      // refused under the lot's lock, not by the unique index as a last resort
      for (const r of refused) expect(r.errors?.[0]?.message).toMatch(/already has a scheduled pickup/);
      const rows = await t.dataSource.query(`SELECT status FROM pickup WHERE lot_id = $1`, [l!.id]);
      expect(rows).toEqual([{ status: 'SCHEDULED' }]);
      const [row] = await t.dataSource.query(`SELECT status, version FROM lot WHERE id = $1`, [l!.id]);
      expect(row).toEqual({ status: 'PICKUP_SCHEDULED', version: 3 });
    });

    it('the database itself refuses a second live pickup for a lot', async () => {
      const [l] = await lots([5]);
      await schedule(l!.id, at(9 * HOUR));
      await expect(t.dataSource.query(`INSERT INTO pickup (lot_id, scheduled_at) VALUES ($1, now() + interval '5 days')`, [l!.id])).rejects.toThrow(
        /UQ_pickup_live_per_lot/,
      );
    });
  });

  describe('completing', () => {
    it('with the full count: pickup COMPLETED without shortfall, lot COLLECTED, donation COLLECTED', async () => {
      const [l] = await lots([5]);
      const scheduled = await schedule(l!.id, at(9 * HOUR));
      const done = await complete(scheduled.id, 5);
      expect(done).toMatchObject({ id: scheduled.id, status: 'COMPLETED', collectedQuantity: 5, shortfall: 0, lot: { id: l!.id, status: 'COLLECTED' } });
      expect(Math.abs(new Date(done.completedAt!).getTime() - Date.now())).toBeLessThan(60_000);
      expect(await lot(l!.id, net.ara.tokens.donor)).toMatchObject({
        status: 'COLLECTED',
        pickup: { status: 'COMPLETED', shortfall: 0 },
        donation: { id: l!.donationId, status: 'COLLECTED' },
      });
      // the devices still weigh on the refurbisher until intake
      const [capacity] = await t.dataSource.query(`SELECT load FROM refurbisher_capacity WHERE organization_id = $1`, [net.ara.refurbisher]);
      expect(capacity.load).toBe(5);
    });

    it('with fewer devices: the shortfall is recorded and shown to the donor', async () => {
      const [l] = await lots([12]);
      const scheduled = await schedule(l!.id, at(9 * HOUR));
      expect(await complete(scheduled.id, 9)).toMatchObject({ status: 'COMPLETED', collectedQuantity: 9, shortfall: 3, lot: { status: 'COLLECTED' } });
      expect(await lot(l!.id, net.ara.tokens.donor)).toMatchObject({
        quantity: 12,
        status: 'COLLECTED',
        pickup: { id: scheduled.id, collectedQuantity: 9, shortfall: 3 },
        donation: { status: 'COLLECTED' },
      });
      const [row] = await t.dataSource.query(`SELECT collected_quantity, shortfall FROM pickup WHERE id = $1`, [scheduled.id]);
      expect(row).toEqual({ collected_quantity: 9, shortfall: 3 });
    });

    it('the donation is COLLECTED only once every one of its lots is', async () => {
      // 8 a week: one donation may hold half of it in offers (4), the rest goes to the other workshop
      await t.dataSource.query(`UPDATE refurbisher_capacity SET weekly_capacity = 8 WHERE organization_id = $1`, [net.ara.refurbisher]);
      const donationId = await declareDonation(t, net.ara, [{ category: 'LAPTOP', quantity: 6 }], {
        pickupAddress: LYON,
        availableFrom: availableFrom.toISOString(),
      });
      const routed = await routeDonations(t, net.ara);
      const mine = routed.find((r) => r.refurbisherId === net.ara.refurbisher)!;
      const theirs = routed.find((r) => r.refurbisherId === other.id)!;
      await claimLot(t, mine.id, net.ara.tokens.refurbisher);
      await claimLot(t, theirs.id, other.token);
      await complete((await schedule(mine.id, at(9 * HOUR))).id, 4);
      expect((await lot(mine.id, net.ara.tokens.donor)).donation).toEqual({ id: donationId, status: 'ROUTED' });
      await complete((await schedule(theirs.id, at(9 * HOUR), other.token)).id, 1, other.token);
      expect((await lot(mine.id, net.ara.tokens.donor)).donation).toEqual({ id: donationId, status: 'COLLECTED' });
    });

    it('none collected, or more than the lot holds: BAD_USER_INPUT, nothing changes', async () => {
      const [l] = await lots([5]);
      const scheduled = await schedule(l!.id, at(9 * HOUR));
      for (const collectedQuantity of [0, -2, 6]) {
        expect(await t.runError(PickupsCompleteDocument, { input: { pickupId: scheduled.id, collectedQuantity } }, net.ara.tokens.refurbisher)).toBe(
          'BAD_USER_INPUT',
        );
      }
      expect(await lot(l!.id)).toMatchObject({ status: 'PICKUP_SCHEDULED', pickup: { status: 'SCHEDULED', collectedQuantity: null, shortfall: null } });
    });

    it('only the refurbisher of the lot completes it (others NOT_FOUND, other roles FORBIDDEN)', async () => {
      const [l] = await lots([5]);
      const scheduled = await schedule(l!.id, at(9 * HOUR));
      const input = { pickupId: scheduled.id, collectedQuantity: 5 };
      expect(await t.runError(PickupsCompleteDocument, { input }, other.token)).toBe('NOT_FOUND');
      expect(await t.runError(PickupsCompleteDocument, { input }, net.bfc.tokens.refurbisher)).toBe('NOT_FOUND');
      expect(
        await t.runError(PickupsCompleteDocument, { input: { ...input, pickupId: '00000000-0000-4000-8000-000000000000' } }, net.ara.tokens.refurbisher),
      ).toBe('NOT_FOUND');
      for (const role of ['donor', 'partner', 'coordinator'] as const)
        expect(await t.runError(PickupsCompleteDocument, { input }, net.ara.tokens[role])).toBe('FORBIDDEN');
      expect((await lot(l!.id)).pickup!.status).toBe('SCHEDULED');
    });

    it('a completed pickup is final: completing it again is CONFLICT, and so is scheduling its lot', async () => {
      const [l] = await lots([5]);
      const scheduled = await schedule(l!.id, at(9 * HOUR));
      await complete(scheduled.id, 4);
      const again = await t.run(PickupsCompleteDocument, { input: { pickupId: scheduled.id, collectedQuantity: 5 } }, net.ara.tokens.refurbisher);
      expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(again.errors?.[0]?.message).toMatch(/COMPLETED is final/);
      expect(await t.runError(PickupsScheduleDocument, { input: { lotId: l!.id, scheduledAt: at(DAY) } }, net.ara.tokens.refurbisher)).toBe('CONFLICT');
      expect(await lot(l!.id)).toMatchObject({ status: 'COLLECTED', pickup: { collectedQuantity: 4, shortfall: 1 } });
    });

    it('two concurrent completions: one wins, the other is CONFLICT', async () => {
      const [l] = await lots([5]);
      const scheduled = await schedule(l!.id, at(9 * HOUR));
      await makeAvailable(scheduled.id);
      const results = await Promise.all(
        [5, 3].map((collectedQuantity) => t.run(PickupsCompleteDocument, { input: { pickupId: scheduled.id, collectedQuantity } }, net.ara.tokens.refurbisher)),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
      const [row] = await t.dataSource.query(`SELECT status, version FROM lot WHERE id = $1`, [l!.id]);
      expect(row).toEqual({ status: 'COLLECTED', version: 4 });
    });
  });

  describe('missed pickups', () => {
    it('more than 24 h overdue: MISSED once; the lot stays scheduled and may be scheduled again', async () => {
      const [l] = await lots([5]);
      const first = await schedule(l!.id, at(9 * HOUR));
      const scheduledAt = new Date(first.scheduledAt).getTime();
      expect(await reminders().markOverdueMissed(system(), new Date(scheduledAt + 23 * HOUR))).toEqual([]);
      expect(await reminders().markOverdueMissed(system(), new Date(scheduledAt + 25 * HOUR))).toEqual([first.id]);
      expect(await reminders().markOverdueMissed(system(), new Date(scheduledAt + 26 * HOUR))).toEqual([]);
      expect(await lot(l!.id, net.ara.tokens.donor)).toMatchObject({
        status: 'PICKUP_SCHEDULED',
        pickup: { id: first.id, status: 'MISSED' },
        donation: { status: 'ROUTED' },
      });

      // a missed pickup is final; the refurbisher schedules a new one
      expect(await t.runError(PickupsCompleteDocument, { input: { pickupId: first.id, collectedQuantity: 5 } }, net.ara.tokens.refurbisher)).toBe('CONFLICT');
      expect(await t.runError(PickupsScheduleDocument, { input: { lotId: l!.id, scheduledAt: at(2 * DAY) } }, other.token)).toBe('NOT_FOUND');
      const second = await schedule(l!.id, at(2 * DAY));
      expect(second).toMatchObject({ status: 'SCHEDULED', lot: { status: 'PICKUP_SCHEDULED' } });
      expect(second.id).not.toBe(first.id);
      expect((await lot(l!.id)).pickup).toMatchObject({ id: second.id, status: 'SCHEDULED' });
      // the missed attempt is kept
      const history = await t.dataSource.query(`SELECT id, status FROM pickup WHERE lot_id = $1 ORDER BY created_at`, [l!.id]);
      expect(history).toEqual([
        { id: first.id, status: 'MISSED' },
        { id: second.id, status: 'SCHEDULED' },
      ]);
      expect(await t.runError(PickupsScheduleDocument, { input: { lotId: l!.id, scheduledAt: at(3 * DAY) } }, net.ara.tokens.refurbisher)).toBe('CONFLICT');

      expect(await complete(second.id, 5)).toMatchObject({ status: 'COMPLETED', lot: { status: 'COLLECTED' } });
      expect((await lot(l!.id, net.ara.tokens.donor)).donation.status).toBe('COLLECTED');
    });

    it('completed pickups are never marked missed', async () => {
      const [l] = await lots([5]);
      const p = await schedule(l!.id, at(9 * HOUR));
      await complete(p.id, 5);
      expect(await reminders().markOverdueMissed(system(), new Date(Date.now() + 30 * DAY))).toEqual([]);
      expect((await lot(l!.id)).pickup!.status).toBe('COMPLETED');
    });
  });

  describe('reminders', () => {
    it('remind of the pickups due tomorrow (UTC), once each, with a log line per reminder', async () => {
      const [a, b, c] = await lots([3, 4, 5]);
      const dueDay1 = await schedule(a!.id, at(9 * HOUR));
      const dueDay1Late = await schedule(b!.id, at(DAY - 1000));
      const dueDay2 = await schedule(c!.id, at(DAY));
      const log = jest.spyOn(Logger.prototype, 'log');
      try {
        const eveBefore = new Date(availableFrom.getTime() - 6 * HOUR);
        const reminded = await reminders().remindDueTomorrow(system(), eveBefore);
        expect(reminded.map((p) => p.id)).toEqual([dueDay1.id, dueDay1Late.id]);
        expect(reminded.every((p) => p.remindedAt?.getTime() === eveBefore.getTime())).toBe(true);
        const lines = () => log.mock.calls.map((call) => String(call[0])).filter((m) => m.startsWith('pickup reminder'));
        expect(lines()).toHaveLength(2);
        expect(lines()[0]).toContain(dueDay1.scheduledAt);
        // a re-run, even later that day, reminds nobody again
        expect(await reminders().remindDueTomorrow(system(), eveBefore)).toEqual([]);
        expect(await reminders().remindDueTomorrow(system(), new Date(availableFrom.getTime() - HOUR))).toEqual([]);
        expect(lines()).toHaveLength(2);
        // the next day, the next pickup
        expect((await reminders().remindDueTomorrow(system(), new Date(availableFrom.getTime() + 8 * HOUR))).map((p) => p.id)).toEqual([dueDay2.id]);
        expect(lines()).toHaveLength(3);
      } finally {
        log.mockRestore();
      }
    });

    it('a rescheduled pickup is reminded afresh; missed and completed ones are not', async () => {
      const [a, b] = await lots([3, 4]);
      const missed = await schedule(a!.id, at(9 * HOUR));
      const done = await schedule(b!.id, at(9 * HOUR));
      await complete(done.id, 4);
      await reminders().markOverdueMissed(system(), new Date(availableFrom.getTime() + 2 * DAY));
      const eveBefore = new Date(availableFrom.getTime() - 6 * HOUR);
      expect(await reminders().remindDueTomorrow(system(), eveBefore)).toEqual([]);
      const again = await schedule(a!.id, at(DAY + 9 * HOUR));
      expect((await reminders().remindDueTomorrow(system(), new Date(eveBefore.getTime() + DAY))).map((p) => p.id)).toEqual([again.id]);
      expect(missed.id).not.toBe(again.id);
    });

    it('cancelling the donation cancels its scheduled pickup; it is never reminded nor marked missed', async () => {
      const [l] = await lots([5]);
      const p = await schedule(l!.id, at(9 * HOUR));
      await t.runOk(PickupsCancelDonationDocument, { id: l!.donationId }, net.ara.tokens.donor);
      expect(await lot(l!.id)).toMatchObject({ status: 'CANCELLED', pickup: { id: p.id, status: 'CANCELLED' } });
      expect(await reminders().remindDueTomorrow(system(), new Date(availableFrom.getTime() - 6 * HOUR))).toEqual([]);
      expect(await reminders().markOverdueMissed(system(), new Date(availableFrom.getTime() + 2 * DAY))).toEqual([]);
      expect(await t.runError(PickupsCompleteDocument, { input: { pickupId: p.id, collectedQuantity: 5 } }, net.ara.tokens.refurbisher)).toBe('CONFLICT');
      expect(await t.runError(PickupsScheduleDocument, { input: { lotId: l!.id, scheduledAt: at(DAY) } }, net.ara.tokens.refurbisher)).toBe('CONFLICT');
    });

    it('the sweep is the platform’s: a user context is refused', async () => {
      const refurbisher = new RequestContext({ userId: 'u', email: 'r@x', role: Role.REFURBISHER, organizationId: net.ara.refurbisher, regionId: net.ara.id });
      await expect(reminders().remindDueTomorrow(refurbisher)).rejects.toThrow(ForbiddenError);
      await expect(reminders().markOverdueMissed(refurbisher)).rejects.toThrow(ForbiddenError);
    });
  });

  describe('completing before the donation is available', () => {
    it('is refused with CONFLICT in plain words; nothing changes; on the day it goes through', async () => {
      const [l] = await lots([5]);
      const scheduled = await schedule(l!.id, at(9 * HOUR));
      const res = await t.run(PickupsCompleteDocument, { input: { pickupId: scheduled.id, collectedQuantity: 5 } }, net.ara.tokens.refurbisher);
      expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0]?.message).toMatch(/cannot be collected before the donation is available/);
      expect(await historyOf(l!.id)).toMatchObject({ status: 'PICKUP_SCHEDULED', pickup: { status: 'SCHEDULED', history: [{ kind: 'SCHEDULED' }] } });
      expect((await complete(scheduled.id, 5)).status).toBe('COMPLETED');
    });
  });

  describe('rescheduling', () => {
    it('twice by the refurbisher: still the same SCHEDULED pickup, the history in order, read alike by donor and coordinator', async () => {
      const [l] = await lots([5]);
      const p = await schedule(l!.id, at(9 * HOUR));
      const once = await reschedule(p.id, at(DAY + 9 * HOUR), 'van at the garage');
      expect(once).toMatchObject({ id: p.id, status: 'SCHEDULED', scheduledAt: at(DAY + 9 * HOUR), lot: { status: 'PICKUP_SCHEDULED' } });
      const twice = await reschedule(p.id, at(2 * DAY + 14 * HOUR), 'the donor asked for the afternoon');
      expect(twice.history).toEqual([
        { kind: 'SCHEDULED', fromScheduledAt: null, toScheduledAt: at(9 * HOUR), reason: null, createdAt: expect.any(String) },
        { kind: 'RESCHEDULED', fromScheduledAt: at(9 * HOUR), toScheduledAt: at(DAY + 9 * HOUR), reason: 'van at the garage', createdAt: expect.any(String) },
        {
          kind: 'RESCHEDULED',
          fromScheduledAt: at(DAY + 9 * HOUR),
          toScheduledAt: at(2 * DAY + 14 * HOUR),
          reason: 'the donor asked for the afternoon',
          createdAt: expect.any(String),
        },
      ]);
      for (const token of [net.ara.tokens.donor, net.ara.tokens.coordinator, net.adminToken]) {
        const read = await historyOf(l!.id, token);
        expect(read.pickup).toMatchObject({ id: p.id, status: 'SCHEDULED', scheduledAt: at(2 * DAY + 14 * HOUR) });
        expect(read.pickup!.history.map((h) => h.kind)).toEqual(['SCHEDULED', 'RESCHEDULED', 'RESCHEDULED']);
      }
      const rows = await t.dataSource.query(`SELECT organization_id FROM pickup_change WHERE pickup_id = $1`, [p.id]);
      expect(rows.every((r: { organization_id: string }) => r.organization_id === net.ara.refurbisher)).toBe(true);
    });

    it('reminders follow the new date, and a pickup already reminded of is reminded again for its new day', async () => {
      const [l] = await lots([5]);
      const p = await schedule(l!.id, at(9 * HOUR));
      const eveBefore = new Date(availableFrom.getTime() - 6 * HOUR);
      expect((await reminders().remindDueTomorrow(system(), eveBefore)).map((r) => r.id)).toEqual([p.id]);
      await reschedule(p.id, at(2 * DAY + 9 * HOUR), 'workshop closed that day');
      // nothing left for the old day; the new day's eve reminds of it once
      expect(await reminders().remindDueTomorrow(system(), eveBefore)).toEqual([]);
      expect(await reminders().remindDueTomorrow(system(), new Date(eveBefore.getTime() + DAY))).toEqual([]);
      expect((await reminders().remindDueTomorrow(system(), new Date(eveBefore.getTime() + 2 * DAY))).map((r) => r.id)).toEqual([p.id]);
      // and the overdue sweep measures from the new date too
      expect(await reminders().markOverdueMissed(system(), new Date(availableFrom.getTime() + 2 * DAY))).toEqual([]);
    });

    it('a MISSED pickup is rescheduled: SCHEDULED again, the miss kept in its history', async () => {
      const [l] = await lots([5]);
      const p = await schedule(l!.id, at(9 * HOUR));
      expect(await reminders().markOverdueMissed(system(), new Date(availableFrom.getTime() + 2 * DAY))).toEqual([p.id]);
      const again = await reschedule(p.id, at(3 * DAY), 'nobody at the loading dock');
      expect(again).toMatchObject({ id: p.id, status: 'SCHEDULED', scheduledAt: at(3 * DAY), lot: { status: 'PICKUP_SCHEDULED' } });
      expect(again.history.map((h) => [h.kind, h.fromScheduledAt, h.toScheduledAt])).toEqual([
        ['SCHEDULED', null, at(9 * HOUR)],
        ['MISSED', at(9 * HOUR), null],
        ['RESCHEDULED', at(9 * HOUR), at(3 * DAY)],
      ]);
      expect((await complete(p.id, 5)).status).toBe('COMPLETED');
      expect((await historyOf(l!.id)).pickup!.history.map((h) => h.kind)).toEqual(['SCHEDULED', 'MISSED', 'RESCHEDULED', 'COMPLETED']);
    });

    it('a missed pickup whose lot was scheduled again is not the one to move: CONFLICT', async () => {
      const [l] = await lots([5]);
      const first = await schedule(l!.id, at(9 * HOUR));
      await reminders().markOverdueMissed(system(), new Date(availableFrom.getTime() + 2 * DAY));
      await schedule(l!.id, at(3 * DAY));
      const res = await t.run(PickupsRescheduleDocument, { input: { pickupId: first.id, scheduledAt: at(4 * DAY), reason: 'x' } }, net.ara.tokens.refurbisher);
      expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0]?.message).toMatch(/change the newer pickup/);
    });

    it('who may: the lot’s refurbisher and the region’s coordinator; others NOT_FOUND or FORBIDDEN; bad dates and reasons refused', async () => {
      const [l] = await lots([5]);
      const p = await schedule(l!.id, at(9 * HOUR));
      const input = (over: Record<string, unknown> = {}) => ({ input: { pickupId: p.id, scheduledAt: at(DAY), reason: 'a reason', ...over } });
      expect(await t.runError(PickupsRescheduleDocument, input(), other.token)).toBe('NOT_FOUND');
      expect(await t.runError(PickupsRescheduleDocument, input(), net.bfc.tokens.refurbisher)).toBe('NOT_FOUND');
      expect(await t.runError(PickupsRescheduleDocument, input(), net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      for (const role of ['donor', 'partner'] as const) expect(await t.runError(PickupsRescheduleDocument, input(), net.ara.tokens[role])).toBe('FORBIDDEN');
      expect(await t.runError(PickupsRescheduleDocument, input({ scheduledAt: new Date(Date.now() - HOUR).toISOString() }))).toBe('UNAUTHENTICATED');
      for (const bad of [
        { scheduledAt: new Date(Date.now() - HOUR).toISOString() },
        { scheduledAt: at(-HOUR) },
        { reason: '   ' },
        { reason: 'x'.repeat(501) },
        { scheduledAt: at(9 * HOUR) },
      ])
        expect(await t.runError(PickupsRescheduleDocument, input(bad), net.ara.tokens.refurbisher)).toBe('BAD_USER_INPUT');
      expect((await historyOf(l!.id)).pickup!.history).toHaveLength(1);
      const moved = (await t.runOk(PickupsRescheduleDocument, input({ reason: 'asked by the donor' }), net.ara.tokens.coordinator)).reschedulePickup;
      expect(moved).toMatchObject({ status: 'SCHEDULED', scheduledAt: at(DAY) });
      const [row] = await t.dataSource.query(`SELECT organization_id FROM pickup_change WHERE pickup_id = $1 AND kind = 'RESCHEDULED'`, [p.id]);
      expect(row.organization_id).toBe(net.ara.coordinatorOrg);
    });
  });

  describe('cancelling a pickup', () => {
    it('returns the lot to CLAIMED; a new pickup is then scheduled; the cancelled one stays in the history', async () => {
      const [l] = await lots([5]);
      const p = await schedule(l!.id, at(9 * HOUR));
      const cancelled = await cancel(p.id, 'truck broke down, will call back');
      expect(cancelled).toMatchObject({ id: p.id, status: 'CANCELLED', lot: { id: l!.id, status: 'CLAIMED' } });
      expect(cancelled.history.map((h) => [h.kind, h.fromScheduledAt, h.reason])).toEqual([
        ['SCHEDULED', null, null],
        ['CANCELLED', at(9 * HOUR), 'truck broke down, will call back'],
      ]);
      // the load stays: the lot is still the refurbisher's
      const [capacity] = await t.dataSource.query(`SELECT load FROM refurbisher_capacity WHERE organization_id = $1`, [net.ara.refurbisher]);
      expect(capacity.load).toBe(5);
      expect(await t.runError(PickupsCancelDocument, { input: { pickupId: p.id, reason: 'again' } }, net.ara.tokens.refurbisher)).toBe('CONFLICT');
      expect(await t.runError(PickupsRescheduleDocument, { input: { pickupId: p.id, scheduledAt: at(DAY), reason: 'x' } }, net.ara.tokens.refurbisher)).toBe(
        'CONFLICT',
      );
      expect(await reminders().remindDueTomorrow(system(), new Date(availableFrom.getTime() - 6 * HOUR))).toEqual([]);

      const next = await schedule(l!.id, at(DAY));
      expect(next).toMatchObject({ status: 'SCHEDULED', lot: { status: 'PICKUP_SCHEDULED' } });
      expect(next.id).not.toBe(p.id);
      expect((await historyOf(l!.id, net.ara.tokens.donor)).pickup).toMatchObject({ id: next.id, history: [{ kind: 'SCHEDULED', toScheduledAt: at(DAY) }] });
      expect((await complete(next.id, 5)).lot.status).toBe('COLLECTED');
    });

    it('who may: the lot’s refurbisher and the coordinator; a missed pickup may be cancelled too', async () => {
      const [l] = await lots([5]);
      const p = await schedule(l!.id, at(9 * HOUR));
      const input = { input: { pickupId: p.id, reason: 'not needed' } };
      expect(await t.runError(PickupsCancelDocument, input, other.token)).toBe('NOT_FOUND');
      expect(await t.runError(PickupsCancelDocument, input, net.bfc.tokens.coordinator)).toBe('NOT_FOUND');
      for (const role of ['donor', 'partner'] as const) expect(await t.runError(PickupsCancelDocument, input, net.ara.tokens[role])).toBe('FORBIDDEN');
      expect(await t.runError(PickupsCancelDocument, { input: { pickupId: p.id, reason: ' ' } }, net.ara.tokens.refurbisher)).toBe('BAD_USER_INPUT');
      await reminders().markOverdueMissed(system(), new Date(availableFrom.getTime() + 2 * DAY));
      expect((await t.runOk(PickupsCancelDocument, input, net.ara.tokens.coordinator)).cancelPickup).toMatchObject({
        status: 'CANCELLED',
        lot: { status: 'CLAIMED' },
      });
    });

    it('a donor’s cancellation after booking shows on the refurbisher’s pickup history, and tells who is affected', async () => {
      const told: PickupsCancelled[] = [];
      const events = t.app.get(TransactionEvents);
      if (!events.subscribersOf(PickupsCancelled).includes('test.pickups-cancelled')) {
        events.subscribe(PickupsCancelled, 'test.pickups-cancelled', EventPhase.PROJECTION, async (_, e) => void told.push(e));
      }
      const [l] = await lots([5]);
      const p = await schedule(l!.id, at(9 * HOUR));
      await t.runOk(PickupsCancelDonationDocument, { id: l!.donationId }, net.ara.tokens.donor);
      const seen = await historyOf(l!.id, net.ara.tokens.refurbisher);
      expect(seen).toMatchObject({ status: 'CANCELLED', pickup: { id: p.id, status: 'CANCELLED' } });
      expect(seen.pickup!.history.map((h) => [h.kind, h.fromScheduledAt, h.reason])).toEqual([
        ['SCHEDULED', null, null],
        ['CANCELLED', at(9 * HOUR), 'donation cancelled'],
      ]);
      const [row] = await t.dataSource.query(`SELECT organization_id FROM pickup_change WHERE pickup_id = $1 AND kind = 'CANCELLED'`, [p.id]);
      expect(row.organization_id).toBe(net.ara.donor);
      expect(told.at(-1)).toMatchObject({
        reason: 'donation cancelled',
        pickups: [{ pickupId: p.id, lotId: l!.id, refurbisherId: net.ara.refurbisher }],
      });
    });
  });
});
