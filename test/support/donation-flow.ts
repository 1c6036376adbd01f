import {
  AddressInput,
  ClaimLotDocument,
  CompletePickupDocument,
  DeclareDonationDocument,
  DeviceIntakeInput,
  DeviceSpecsInput,
  DonationLineInput,
  ErasureMethod,
  Grade,
  GradeDeviceDocument,
  ReceiveLotDocument,
  ReceiveLotMutation,
  RecordErasureDocument,
  RouteDonationsDocument,
  SchedulePickupDocument,
} from '../generated/graphql';
import type { RegionFixture } from './network-fixture';
import type { TestApp } from './test-app';

/**
 * The path of a donation through the API, step by step, for the tests that need devices at a
 * refurbisher before they test what comes next: declare → route → claim → collect → receive →
 * erase → grade.
 */

export const LYON: AddressInput = { street: '10 quai Perrache', postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } };
export const DIJON: AddressInput = { street: '1 place Darcy', postalCode: '21000', city: 'Dijon', location: { lat: 47.32, lon: 5.04 } };

export interface RoutedLot {
  id: string;
  donationId: string;
  refurbisherId: string;
}

export type ReceivedDevice = ReceiveLotMutation['receiveLot']['devices'][number];

export interface Declaration {
  pickupAddress: AddressInput;
  availableFrom: string;
  /** the region's donor when absent */
  donorToken?: string;
}

export async function declareDonation(t: TestApp, region: RegionFixture, lines: DonationLineInput[], declaration: Declaration): Promise<string> {
  const input = { pickupAddress: declaration.pickupAddress, availableFrom: declaration.availableFrom, lines };
  return (await t.runOk(DeclareDonationDocument, { input }, declaration.donorToken ?? region.tokens.donor)).declareDonation.id;
}

/** Routes the region's waiting donations, as its coordinator. */
export async function routeDonations(t: TestApp, region: RegionFixture): Promise<RoutedLot[]> {
  const { lots } = (await t.runOk(RouteDonationsDocument, { regionId: region.id }, region.tokens.coordinator)).routeDonations;
  return lots.map((lot) => ({ id: lot.id, donationId: lot.donation.id, refurbisherId: lot.refurbisher.id }));
}

/** A donation declared and routed: the lot it was given. */
export async function declareAndRoute(t: TestApp, region: RegionFixture, lines: DonationLineInput[], declaration: Declaration): Promise<RoutedLot> {
  const donationId = await declareDonation(t, region, lines, declaration);
  const lot = (await routeDonations(t, region)).find((l) => l.donationId === donationId);
  if (!lot) throw new Error(`donation ${donationId} was not routed`);
  return lot;
}

export async function claimLot(t: TestApp, lotId: string, refurbisherToken: string): Promise<void> {
  await t.runOk(ClaimLotDocument, { lotId }, refurbisherToken);
}

/** The lot put COLLECTED by SQL, for tests that are not about pickups (the logistics tests are). */
export async function markCollected(t: TestApp, lotId: string): Promise<void> {
  await t.dataSource.query(`UPDATE lot SET status = 'COLLECTED', version = version + 1 WHERE id = $1`, [lotId]);
}

export async function receiveLot(t: TestApp, lotId: string, devices: DeviceIntakeInput[], refurbisherToken: string): Promise<ReceivedDevice[]> {
  return (await t.runOk(ReceiveLotDocument, { input: { lotId, devices } }, refurbisherToken)).receiveLot.devices;
}

/** The devices as received, in the order of the intake (the API answers them sorted by serial). */
export function inIntakeOrder(intake: DeviceIntakeInput[], received: ReceivedDevice[]): ReceivedDevice[] {
  return intake.map((item) => {
    const device = received.find((d) => d.serialNumber === item.serialNumber);
    if (!device) throw new Error(`device ${item.serialNumber} was not received`);
    return device;
  });
}

export async function eraseDevice(
  t: TestApp,
  deviceId: string,
  refurbisherToken: string,
  method: ErasureMethod = 'NIST_800_88_PURGE',
  operator = 'Camille Martin',
): Promise<void> {
  await t.runOk(RecordErasureDocument, { input: { deviceId, method, operator, verified: true } }, refurbisherToken);
}

/** A received device erased and graded (with a free OS, which a computer needs to enter the stock): it must then be IN_STOCK. */
export async function eraseAndGrade(t: TestApp, deviceId: string, refurbisherToken: string, grade: Grade, specs?: DeviceSpecsInput): Promise<void> {
  await eraseDevice(t, deviceId, refurbisherToken);
  const os = specs?.os ?? 'Xubuntu 24.04';
  expect((await t.runOk(GradeDeviceDocument, { input: { deviceId, grade, specs, os } }, refurbisherToken)).gradeDevice.status).toBe('IN_STOCK');
}

/**
 * Schedules the claimed lot's pickup and completes it with this count: the lot is then COLLECTED.
 * A pickup is completed once its donation is available, so the donation is made available
 * (yesterday) by SQL between the two: the tests declare donations available in a few days.
 */
export async function collectLot(t: TestApp, lotId: string, refurbisherToken: string, scheduledAt: string, collectedQuantity: number): Promise<void> {
  const pickup = (await t.runOk(SchedulePickupDocument, { input: { lotId, scheduledAt } }, refurbisherToken)).schedulePickup;
  await t.dataSource.query(`UPDATE donation d SET available_from = now() - interval '1 day' FROM lot l WHERE l.id = $1 AND d.id = l.donation_id`, [lotId]);
  expect((await t.runOk(CompletePickupDocument, { input: { pickupId: pickup.id, collectedQuantity } }, refurbisherToken)).completePickup.lot.status).toBe(
    'COLLECTED',
  );
}
