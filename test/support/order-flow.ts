import {
  ConfirmDeliveryDocument,
  MatchOrdersDocument,
  MatchOrdersMutation,
  OrderDevicesDocument,
  OrderLineInput,
  ShipDevicesDocument,
  SubmitOrderDocument,
} from '../generated/graphql';
import type { RegionFixture } from './network-fixture';
import type { TestApp } from './test-app';

/** The path of a partner's order through the API: submit → match → ship → confirm delivery. */

export async function submitOrder(t: TestApp, lines: OrderLineInput[], partnerToken: string): Promise<string> {
  return (await t.runOk(SubmitOrderDocument, { input: { lines } }, partnerToken)).submitOrder.id;
}

/** Matches the region's open orders to its stock, as its coordinator. */
export async function matchOrders(t: TestApp, region: RegionFixture): Promise<MatchOrdersMutation['matchOrders']> {
  return (await t.runOk(MatchOrdersDocument, { regionId: region.id }, region.tokens.coordinator)).matchOrders;
}

/** The ids of the devices an order holds, line after line, as the given caller reads them. */
export async function orderDeviceIds(t: TestApp, orderId: string, token: string): Promise<string[]> {
  const { order } = await t.runOk(OrderDevicesDocument, { id: orderId }, token);
  if (!order) throw new Error(`order ${orderId} is not readable`);
  return order.lines.flatMap((line) => line.devices.map((d) => d.id));
}

export async function shipDevices(t: TestApp, orderId: string, deviceIds: string[], refurbisherToken: string): Promise<void> {
  await t.runOk(ShipDevicesDocument, { input: { orderId, deviceIds } }, refurbisherToken);
}

export async function confirmDelivery(t: TestApp, orderId: string, deviceIds: string[], partnerToken: string, beneficiaryRefs?: string[]): Promise<void> {
  await t.runOk(ConfirmDeliveryDocument, { input: { orderId, deviceIds, beneficiaryRefs } }, partnerToken);
}
