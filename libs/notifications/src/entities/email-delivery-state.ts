/**
 * PENDING → SENDING (claimed, with a lease) → SENT | FAILED. A SENDING row whose lease has passed
 * belongs to a worker that died mid-send: it is claimed again (docs/notifications.md).
 */
export enum EmailDeliveryState {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
