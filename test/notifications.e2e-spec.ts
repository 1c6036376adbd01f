import { AddressInfo } from 'node:net';
import { RequestContext } from '@app/common';
import { NotificationEvent, notificationRequest, OutboxService } from '@app/jobs';
import { PickupReminderService, PickupSchedulingService } from '@app/logistics';
import { EmailSender, NotificationRecorder, ResumeEmailDeliveriesJob, SendDailyDigestsJob, WarnExpiringOffersJob } from '@app/notifications';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  NotificationsCancelDonationDocument,
  NotificationsCancelPickupDocument,
  NotificationsClaimDocument,
  NotificationsReschedulePickupDocument,
  NotificationsDeclineDocument,
  NotificationsInboxDocument,
  NotificationsJobsDocument,
  NotificationsMarkReadDocument,
  NotificationsOfferMadeDocument,
  NotificationsPreferencesDocument,
  NotificationsRequestResetDocument,
  NotificationsSchedulePickupDocument,
  NotificationsSetPreferenceDocument,
  NotificationsSubmitOrderDocument,
  NotificationsUnreadDocument,
} from './generated/graphql';
import { declareAndRoute, LYON } from './support/donation-flow';
import { callerOf } from './support/edge-walk';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { SmtpCapture } from './support/smtp-capture';
import { TestApp } from './support/test-app';
import { sourceOf } from './support/typed-client';
import { waitFor } from './support/wait-for';

const DAY = 24 * 3600_000;
const PUBLIC_URL = 'https://reemploi.test';
/** Paris time as people read it: "jeudi 10 décembre 2026 à 14 h 30" */
const PARIS_DATE = /(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2}(er)? \S+ \d{4} à \d{1,2} h \d{2}/;

describe('notifications: inbox, e-mail exactly once, preferences, live pushes', () => {
  let t: TestApp;
  let net: NetworkFixture;
  const smtp = new SmtpCapture();
  const availableFrom = () => new Date(Date.now() + 2 * DAY).toISOString();

  const notificationsOf = (email: string) =>
    t.dataSource.query(`SELECT n.* FROM notification n JOIN "user" u ON u.id = n.user_id WHERE u.email = $1 ORDER BY n.created_at`, [email]);

  beforeAll(async () => {
    await smtp.start();
    t = await TestApp.start(
      // routing is the coordinator's here (routeDonations): the worker's own debounced run would race it for the new donations
      { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, emailLeaseMs: 1500, publicUrl: PUBLIC_URL, routingDebounceMs: 600_000 },
      { withWorker: true },
    );
    await t.reset();
    net = await seedNetwork(t);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('a lot offered reaches its refurbisher by e-mail, in French, with its link and its deadline in Paris time', async () => {
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 3 }], { pickupAddress: LYON, availableFrom: availableFrom() });
    const mail = await smtp.waitFor('refurbisher@ara.test', /Nouveau lot proposé/);
    // the refurbisher acts on its offers page; the lot is named by its reference
    expect(mail.raw).toContain(`${PUBLIC_URL}/offres`);
    const [{ reference }] = await t.dataSource.query(`SELECT reference FROM lot WHERE id = $1`, [lot.id]);
    expect(mail.raw).toContain(`Référence : ${reference}`);
    expect(mail.raw).toMatch(/Acceptez-le ou refusez-le avant le/);
    expect(mail.raw).toMatch(PARIS_DATE);
    expect(mail.raw).toContain('Content-Type: text/html');
    // nobody else of the region hears of an offer that is not theirs
    expect(smtp.to('donor@ara.test', /Nouveau lot/)).toHaveLength(0);
    expect(smtp.to('refurbisher@bfc.test', /Nouveau lot/)).toHaveLength(0);
  });

  it('the inbox and its read marks are the caller’s own', async () => {
    const inbox = (await t.runOk(NotificationsInboxDocument, { first: 10 }, net.ara.tokens.refurbisher)).notifications;
    expect(inbox.edges.map((e) => e.node.event)).toContain('LOT_OFFERED');
    const mine = inbox.edges[0]!.node;
    expect(mine.link).toBe(`${PUBLIC_URL}/offres`);
    expect((await t.runOk(NotificationsInboxDocument, { first: 10 }, net.bfc.tokens.refurbisher)).notifications.totalCount).toBe(0);
    const unread = (await t.runOk(NotificationsUnreadDocument, {}, net.ara.tokens.refurbisher)).me.unreadNotifications;
    expect(unread).toBeGreaterThan(0);
    // another person naming my notification marks nothing
    expect((await t.runOk(NotificationsMarkReadDocument, { ids: [mine.id] }, net.ara.tokens.donor)).markNotificationsRead).toBe(0);
    expect((await t.runOk(NotificationsMarkReadDocument, { ids: [mine.id] }, net.ara.tokens.refurbisher)).markNotificationsRead).toBe(1);
    expect((await t.runOk(NotificationsUnreadDocument, {}, net.ara.tokens.refurbisher)).me.unreadNotifications).toBe(unread! - 1);
    const unreadOnly = (await t.runOk(NotificationsInboxDocument, { first: 10, unreadOnly: true }, net.ara.tokens.refurbisher)).notifications;
    expect(unreadOnly.edges.map((e) => e.node.id)).not.toContain(mine.id);
    await t.runOk(NotificationsMarkReadDocument, {}, net.ara.tokens.refurbisher);
    expect((await t.runOk(NotificationsUnreadDocument, {}, net.ara.tokens.refurbisher)).me.unreadNotifications).toBe(0);
  });

  it('a scheduled pickup tells the donor; the day before, donor and refurbisher are reminded', async () => {
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 1 }], { pickupAddress: LYON, availableFrom: availableFrom() });
    await t.runOk(NotificationsClaimDocument, { lotId: lot.id }, net.ara.tokens.refurbisher);
    const at = new Date(Date.now() + 3 * DAY);
    at.setUTCHours(9, 30, 0, 0);
    const pickup = (await t.runOk(NotificationsSchedulePickupDocument, { input: { lotId: lot.id, scheduledAt: at.toISOString() } }, net.ara.tokens.refurbisher))
      .schedulePickup;
    const scheduled = await smtp.waitFor('donor@ara.test', /Enlèvement prévu/);
    expect(scheduled.raw).toContain(`${PUBLIC_URL}/dons/${lot.donationId}`);
    expect(pickup.id).toBeTruthy();
    expect(scheduled.raw).toContain('à 10 h 30'); // 09:30 UTC in winter is 10 h 30 in Paris

    await t.app.get(PickupReminderService).remindDueTomorrow(RequestContext.system(), new Date(at.getTime() - DAY));
    await smtp.waitFor('donor@ara.test', /Rappel : enlèvement demain/);
    const reminder = await smtp.waitFor('refurbisher@ara.test', /Rappel : enlèvement demain/);
    expect(reminder.raw).toContain(`${PUBLIC_URL}/lots/${lot.id}`);
  });

  it('a preference set to OFF keeps the inbox row and sends nothing', async () => {
    const set = (await t.runOk(NotificationsSetPreferenceDocument, { event: 'LOT_OFFERED', delivery: 'OFF' }, net.bfc.tokens.refurbisher))
      .setNotificationPreference;
    expect(set).toEqual({ event: 'LOT_OFFERED', delivery: 'OFF', isDefault: false });
    const prefs = (await t.runOk(NotificationsPreferencesDocument, {}, net.bfc.tokens.refurbisher)).notificationPreferences;
    expect(prefs.find((p) => p.event === 'PASSWORD_RESET')).toMatchObject({ delivery: 'IMMEDIATE', alwaysSent: true });
    expect(await t.runError(NotificationsSetPreferenceDocument, { event: 'PASSWORD_RESET', delivery: 'OFF' }, net.bfc.tokens.refurbisher)).toBe(
      'BAD_USER_INPUT',
    );

    const lot = await declareAndRoute(t, net.bfc, [{ category: 'LAPTOP', quantity: 2 }], {
      pickupAddress: { street: '1 place Darcy', postalCode: '21000', city: 'Dijon', location: { lat: 47.32, lon: 5.04 } },
      availableFrom: availableFrom(),
      donorToken: net.bfc.tokens.donor,
    });
    const [row] = await waitFor('the inbox row of the offer', async () => {
      const rows = (await notificationsOf('refurbisher@bfc.test')) as Array<{ id: string; delivery: string; payload: { lotId?: string } }>;
      const offered = rows.filter((r) => r.payload.lotId === lot.id);
      return offered.length ? offered : null;
    });
    expect(row!.delivery).toBe('OFF');
    expect(await t.dataSource.query(`SELECT id FROM email_delivery WHERE notification_id = $1`, [row!.id])).toEqual([]);
    expect(smtp.to('refurbisher@bfc.test', /Nouveau lot/)).toHaveLength(0);
  });

  it('staff get what they follow in one daily digest', async () => {
    const lots = [];
    for (let i = 0; i < 2; i += 1) {
      lots.push(await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 1 }], { pickupAddress: LYON, availableFrom: availableFrom() }));
    }
    for (const lot of lots) await t.runOk(NotificationsDeclineDocument, { lotId: lot.id, reason: 'Atelier <plein> cette semaine' }, net.ara.tokens.refurbisher);
    await waitFor('two declines in the coordinator’s inbox', async () => {
      const rows = (await notificationsOf('coordinator@ara.test')) as Array<{ event: string; delivery: string }>;
      const declined = rows.filter((r) => r.event === 'LOT_DECLINED');
      return declined.length >= 2 && declined.every((r) => r.delivery === 'DAILY_DIGEST');
    });
    expect(smtp.to('coordinator@ara.test', /refusé/)).toHaveLength(0);
    expect((await t.app.get(SendDailyDigestsJob).handle()).digests).toBeGreaterThanOrEqual(1);
    const digest = await smtp.waitFor('coordinator@ara.test', /Votre récapitulatif/);
    expect(digest.raw.match(/refusé le lot/g)!.length).toBeGreaterThanOrEqual(4); // twice each: text and HTML
    // the reason is the refurbisher's text: escaped in HTML
    expect(digest.raw).toContain('Atelier &lt;plein&gt; cette semaine');
    // a second run the same day sends no second digest
    await t.app.get(SendDailyDigestsJob).handle();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.to('coordinator@ara.test', /Votre récapitulatif/)).toHaveLength(1);
  });

  /** A delivery made by hand (no job): the tests below drive its sending themselves. */
  const handMadeDelivery = async (): Promise<{ id: string; messageId: string }> => {
    const caller = await callerOf(t, 'partner@ara.test');
    const [n] = await t.dataSource.query(
      `INSERT INTO notification (event_key, event, user_id, delivery, title, body, action_path, payload)
       VALUES ('test-' || gen_random_uuid(), 'DEVICES_SHIPPED', $1, 'IMMEDIATE', 'Commande test : 1 appareil expédié', 'Un appareil est expédié.', '/commandes/x', '{}') RETURNING id`,
      [caller.userId],
    );
    const id = await t.dataSource.transaction((m) =>
      t.app.get(NotificationRecorder).newDelivery(m, { notificationId: n.id, userId: caller.userId, digestDay: null, to: 'partner@ara.test' }),
    );
    const [d] = await t.dataSource.query(`SELECT message_id FROM email_delivery WHERE id = $1`, [id]);
    return { id, messageId: d.message_id as string };
  };

  it('two workers sending the same delivery at once send it once', async () => {
    const { id, messageId } = await handMadeDelivery();
    const sender = t.app.get(EmailSender);
    const outcomes = await Promise.all([sender.send(id, false), sender.send(id, false), sender.send(id, false)]);
    expect(outcomes.filter((o) => o === 'SENT')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'NOT_CLAIMABLE')).toHaveLength(2);
    expect(smtp.received.filter((m) => m.messageId === messageId)).toHaveLength(1);
  });

  it('a worker killed mid-send leaves its lease to lapse; the delivery is then sent once, with the same Message-ID', async () => {
    const { id, messageId } = await handMadeDelivery();
    const sender = t.app.get(EmailSender);
    // the claim is made and the worker "dies": nothing is sent, the row stays SENDING
    expect(await sender.claim(id)).not.toBeNull();
    expect(await sender.send(id, false)).toBe('NOT_CLAIMABLE');
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect((await t.app.get(ResumeEmailDeliveriesJob).handle()).resumed).toBeGreaterThanOrEqual(1);
    await waitFor('the resumed delivery sent', async () => {
      const [row] = await t.dataSource.query(`SELECT state, attempts FROM email_delivery WHERE id = $1`, [id]);
      return row.state === 'SENT' && row;
    });
    expect(smtp.received.filter((m) => m.messageId === messageId)).toHaveLength(1);
  });

  it('SMTP down: the send job fails, shows in the jobs query, and delivers once the server is back', async () => {
    await smtp.stop();
    // the server comes back whatever happens below: the next tests need it
    const restart = setTimeout(() => void smtp.start(smtp.port), 30_000);
    await t.runOk(NotificationsRequestResetDocument, { email: 'partner@ara.test' });
    const [delivery] = await waitFor('a failed attempt', async () => {
      const rows = await t.dataSource.query(
        `SELECT d.id, d.state, d.attempts, d.last_error FROM email_delivery d JOIN notification n ON n.id = d.notification_id
          WHERE n.event = 'PASSWORD_RESET' AND d.to_address = 'partner@ara.test' AND d.attempts >= 1 AND d.last_error IS NOT NULL`,
      );
      return rows.length ? rows : null;
    });
    expect(delivery.state).toBe('PENDING');
    // the failed attempt waits for its retry (BullMQ backoff): the operators see it in the notifications queue
    const { queues } = (await t.runOk(NotificationsJobsDocument, {}, net.adminToken)).jobs;
    expect(queues.find((q) => q.name === 'notifications')!.delayed).toBeGreaterThanOrEqual(1);
    await smtp.start(smtp.port);
    const mail = await smtp.waitFor('partner@ara.test', /Réinitialisation de votre mot de passe/, 40_000);
    expect(mail.raw).toContain(`${PUBLIC_URL}/reinitialiser?token=`);
    // the server has the message before the worker writes down that it was sent
    const after = await waitFor('the delivery recorded as sent', async () => {
      const [row] = await t.dataSource.query(
        `SELECT d.state, n.payload FROM email_delivery d JOIN notification n ON n.id = d.notification_id WHERE d.id = $1`,
        [delivery.id],
      );
      return row.state === 'SENT' && row;
    });
    expect(after.state).toBe('SENT');
    // once sent, the inbox row keeps no copy of the link
    expect(after.payload.link).toBeUndefined();
    clearTimeout(restart);
  }, 60_000);

  it('a command that rolls back tells nobody', async () => {
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 1 }], { pickupAddress: LYON, availableFrom: availableFrom() });
    await t.runOk(NotificationsClaimDocument, { lotId: lot.id }, net.ara.tokens.refurbisher);
    const caller = await callerOf(t, 'refurbisher@ara.test');
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE name = 'notify' AND payload->>'event' = 'PICKUP_SCHEDULED'`);
    await expect(
      t.dataSource.transaction(async (manager) => {
        await t.app
          .get(PickupSchedulingService)
          .schedule(new RequestContext(caller, 'test', manager), { lotId: lot.id, scheduledAt: new Date(Date.now() + 3 * DAY) });
        throw new Error('the command fails after its writes');
      }),
    ).rejects.toThrow('the command fails');
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE name = 'notify' AND payload->>'event' = 'PICKUP_SCHEDULED'`);
    expect(after[0].n).toBe(before[0].n);
    // and the same event through the outbox, committed, is told (the path is not silent for another reason)
    await t.dataSource.transaction((m) => t.app.get(OutboxService).enqueue(m, notificationRequest(NotificationEvent.LOT_EXPIRED, { lotId: lot.id })));
    await smtp.waitFor('refurbisher@ara.test', /Proposition expirée/);
  });

  it('an offer lapsing within 12 h is told to its refurbisher, once', async () => {
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 1 }], { pickupAddress: LYON, availableFrom: availableFrom() });
    await t.dataSource.query(`UPDATE lot SET offer_expires_at = now() + interval '6 hours' WHERE id = $1`, [lot.id]);
    expect((await t.app.get(WarnExpiringOffersJob).handle()).warned).toBe(1);
    const mail = await smtp.waitFor('refurbisher@ara.test', /attend votre réponse/);
    expect(mail.raw).toContain(`${PUBLIC_URL}/offres`);
    expect(mail.raw).toMatch(PARIS_DATE);
    await waitFor(
      'the warning recorded',
      async () => (await t.dataSource.query(`SELECT 1 FROM notification WHERE event_key = $1`, [`offer-expiring-${lot.id}`])).length,
    );
    expect((await t.app.get(WarnExpiringOffersJob).handle()).warned).toBe(0);
  });

  it('every other kind of event reaches its people, in French, with its link', async () => {
    const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 2 }], { pickupAddress: LYON, availableFrom: availableFrom() });
    const other = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 1 }], { pickupAddress: LYON, availableFrom: availableFrom() });
    await t.runOk(NotificationsClaimDocument, { lotId: lot.id }, net.ara.tokens.refurbisher);
    const at = new Date(Date.now() + 3 * DAY).toISOString();
    const pickup = (await t.runOk(NotificationsSchedulePickupDocument, { input: { lotId: lot.id, scheduledAt: at } }, net.ara.tokens.refurbisher))
      .schedulePickup;
    const order = (
      await t.runOk(NotificationsSubmitOrderDocument, { input: { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'STUDENT' }] } }, net.ara.tokens.partner)
    ).submitOrder;
    const later = new Date(Date.now() + 4 * DAY).toISOString();
    const cases: Array<{ request: ReturnType<typeof notificationRequest>; to: Array<[string, string]>; subject: RegExp }> = [
      {
        request: notificationRequest(NotificationEvent.LOT_REASSIGNED, { lotId: other.id, toLotId: lot.id }),
        to: [['refurbisher@ara.test', '/lots']],
        subject: /réattribué/,
      },
      {
        request: notificationRequest(NotificationEvent.DONATION_CANCELLED, { donationId: lot.donationId, pickupIds: [pickup.id] }),
        to: [
          ['refurbisher@ara.test', '/lots'],
          ['coordinator@ara.test', '/a-traiter'],
        ],
        subject: /annulé : enlèvement supprimé/,
      },
      {
        request: notificationRequest(NotificationEvent.PICKUP_RESCHEDULED, { pickupId: pickup.id, from: at, scheduledAt: later }),
        to: [
          ['donor@ara.test', `/dons/${lot.donationId}`],
          ['refurbisher@ara.test', `/lots/${lot.id}`],
        ],
        subject: /Enlèvement déplacé au/,
      },
      {
        request: notificationRequest(NotificationEvent.PICKUP_CANCELLED, { pickupId: pickup.id, reason: 'camion en panne' }),
        to: [
          ['donor@ara.test', `/dons/${lot.donationId}`],
          ['refurbisher@ara.test', `/lots/${lot.id}`],
        ],
        subject: /Enlèvement annulé/,
      },
      {
        request: notificationRequest(NotificationEvent.PICKUP_MISSED, { pickupId: pickup.id }),
        to: [
          ['donor@ara.test', `/dons/${lot.donationId}`],
          ['refurbisher@ara.test', `/lots/${lot.id}`],
          ['coordinator@ara.test', '/a-traiter'],
        ],
        subject: /Enlèvement manqué/,
      },
      {
        request: notificationRequest(NotificationEvent.ORDER_ALLOCATED, { orderId: order.id, complete: false }),
        to: [['partner@ara.test', `/commandes/${order.id}`]],
        subject: /des appareils sont réservés/,
      },
      {
        request: notificationRequest(NotificationEvent.DEVICES_SHIPPED, { orderId: order.id, deviceCount: 2 }),
        to: [['partner@ara.test', `/commandes/${order.id}`]],
        subject: /2 appareils expédiés/,
      },
      {
        request: notificationRequest(NotificationEvent.DONOR_REPORT_READY, {
          donorId: net.ara.donor,
          from: '2026-07-01T00:00:00.000Z',
          to: '2026-10-01T00:00:00.000Z',
        }),
        to: [['donor@ara.test', '/impact']],
        subject: /bilan du trimestre/,
      },
      {
        request: notificationRequest(NotificationEvent.STOCK_COUNT_DISCREPANCIES, {
          refurbisherId: net.ara.refurbisher,
          stockCountId: order.id,
          discrepancies: 3,
        }),
        to: [['coordinator@ara.test', '/a-traiter']],
        subject: /3 écarts/,
      },
    ];
    await t.dataSource.transaction((m) => t.app.get(OutboxService).enqueue(m, ...cases.map((c) => c.request)));
    for (const c of cases) {
      // each with the page where their role acts
      for (const [to, link] of c.to) {
        const mail = await smtp.waitFor(to, c.subject);
        expect(mail.raw).toContain(`Pour agir : ${PUBLIC_URL}${link}`);
      }
      // and nobody of the other region
      for (const role of ['donor', 'refurbisher', 'partner', 'coordinator']) expect(smtp.to(`${role}@bfc.test`, c.subject)).toHaveLength(0);
    }
  });

  it('the commands that record domain events tell through them: reschedule, cancel, a donor cancelling a booked pickup', async () => {
    const book = async () => {
      const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 1 }], { pickupAddress: LYON, availableFrom: availableFrom() });
      await t.runOk(NotificationsClaimDocument, { lotId: lot.id }, net.ara.tokens.refurbisher);
      const at = new Date(Date.now() + 3 * DAY).toISOString();
      const pickup = (await t.runOk(NotificationsSchedulePickupDocument, { input: { lotId: lot.id, scheduledAt: at } }, net.ara.tokens.refurbisher))
        .schedulePickup;
      return { lot, pickup };
    };
    const notifiedOf = (event: string, pickupId: string) =>
      waitFor(`${event} of ${pickupId} in the inbox`, async () => {
        const rows = await t.dataSource.query(
          `SELECT u.email FROM notification n JOIN "user" u ON u.id = n.user_id WHERE n.event = $1 AND n.payload::text LIKE $2`,
          [event, `%${pickupId}%`],
        );
        return rows.length ? (rows as Array<{ email: string }>).map((r) => r.email).sort() : null;
      });

    const moved = await book();
    const to = new Date(Date.now() + 5 * DAY).toISOString();
    await t.runOk(
      NotificationsReschedulePickupDocument,
      { input: { pickupId: moved.pickup.id, scheduledAt: to, reason: 'camion indisponible' } },
      net.ara.tokens.refurbisher,
    );
    expect(await notifiedOf('PICKUP_RESCHEDULED', moved.pickup.id)).toEqual(['donor@ara.test', 'refurbisher@ara.test']);
    await t.runOk(NotificationsCancelPickupDocument, { input: { pickupId: moved.pickup.id, reason: 'donateur injoignable' } }, net.ara.tokens.refurbisher);
    expect(await notifiedOf('PICKUP_CANCELLED', moved.pickup.id)).toEqual(['donor@ara.test', 'refurbisher@ara.test']);

    const cancelled = await book();
    await t.runOk(NotificationsCancelDonationDocument, { id: cancelled.lot.donationId }, net.ara.tokens.donor);
    expect(await notifiedOf('DONATION_CANCELLED', cancelled.pickup.id)).toEqual(['coordinator@ara.test', 'refurbisher@ara.test']);
    const mail = await smtp.waitFor('refurbisher@ara.test', /annulé : enlèvement supprimé/);
    expect(mail.raw).toContain('ne vous déplacez pas');
  });

  it('a WebSocket subscriber on one API process gets an offer made through another', async () => {
    const other = await TestApp.start({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, publicUrl: PUBLIC_URL });
    try {
      await other.app.listen(0, '127.0.0.1');
      const { port } = other.app.getHttpServer().address() as AddressInfo;
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${net.ara.tokens.refurbisher}` },
        retryAttempts: 0,
      });
      const offers: Array<{ lotId: string; reference: string | null }> = [];
      const subscribed = new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.on('error', reject);
      });
      const stop = client.subscribe<{ offerMade: { lotId: string; reference: string | null } }>(
        { query: sourceOf(NotificationsOfferMadeDocument) },
        { next: (v) => v.data && offers.push(v.data.offerMade), error: () => undefined, complete: () => undefined },
      );
      await subscribed;
      await new Promise((resolve) => setTimeout(resolve, 300));
      // made through the first API process (its worker records and publishes)
      const lot = await declareAndRoute(t, net.ara, [{ category: 'LAPTOP', quantity: 2 }], { pickupAddress: LYON, availableFrom: availableFrom() });
      const offer = await waitFor('the offer pushed to the other process', async () => offers.find((o) => o.lotId === lot.id));
      expect(offer.reference).toMatch(/^LOT-/);
      stop();
      await client.dispose();

      // without a token, the connection is refused
      const anonymous = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
      const refused = await new Promise<boolean>((resolve) => {
        anonymous.on('closed', () => resolve(true));
        anonymous.on('connected', () => resolve(false));
      });
      expect(refused).toBe(true);
      await anonymous.dispose();
    } finally {
      await other.close();
    }
  }, 60_000);
});
