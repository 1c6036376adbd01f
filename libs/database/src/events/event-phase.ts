/**
 * When a subscriber runs among those of one event. Owners first: they write their own tables
 * where the publishing command stands in its lock order (a cancelled donation's pickups right
 * after its lots). Projections after: they only read the rows the command wrote and keep their
 * writes for just before the commit (`deferUntilCommit`), where shared counters are locked last,
 * in key order.
 */
export enum EventPhase {
  OWNER = 1,
  PROJECTION = 2,
}
