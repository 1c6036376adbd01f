import { DeviceStatus } from '../entities/device-status';
import { StockMovementKind } from '../entities/stock-movement.entity';

export interface StockEffect {
  kind: StockMovementKind;
  available: number;
  reserved: number;
}

/**
 * How a device's change moves the stock counters, as data: `available` counts IN_STOCK devices,
 * `reserved` RESERVED ones. Every other change leaves them alone.
 */
const EFFECTS: Partial<Record<DeviceStatus, Partial<Record<DeviceStatus, StockEffect>>>> = {
  [DeviceStatus.WIPED]: { [DeviceStatus.IN_STOCK]: { kind: StockMovementKind.STOCKED, available: 1, reserved: 0 } },
  [DeviceStatus.IN_STOCK]: {
    [DeviceStatus.RESERVED]: { kind: StockMovementKind.RESERVED, available: -1, reserved: 1 },
    [DeviceStatus.MISSING]: { kind: StockMovementKind.MISSING, available: -1, reserved: 0 },
    [DeviceStatus.RECEIVED]: { kind: StockMovementKind.WITHDRAWN, available: -1, reserved: 0 },
    [DeviceStatus.RECYCLED]: { kind: StockMovementKind.WITHDRAWN, available: -1, reserved: 0 },
  },
  [DeviceStatus.RESERVED]: {
    [DeviceStatus.IN_STOCK]: { kind: StockMovementKind.UNRESERVED, available: 1, reserved: -1 },
    [DeviceStatus.SHIPPED]: { kind: StockMovementKind.SHIPPED, available: 0, reserved: -1 },
    [DeviceStatus.MISSING]: { kind: StockMovementKind.MISSING, available: 0, reserved: -1 },
    [DeviceStatus.RECEIVED]: { kind: StockMovementKind.WITHDRAWN, available: 0, reserved: -1 },
    [DeviceStatus.RECYCLED]: { kind: StockMovementKind.WITHDRAWN, available: 0, reserved: -1 },
  },
  [DeviceStatus.MISSING]: {
    [DeviceStatus.IN_STOCK]: { kind: StockMovementKind.RECOVERED, available: 1, reserved: 0 },
    [DeviceStatus.RESERVED]: { kind: StockMovementKind.RECOVERED, available: 0, reserved: 1 },
  },
};

export function stockEffectOf(from: DeviceStatus, to: DeviceStatus): StockEffect | null {
  return EFFECTS[from]?.[to] ?? null;
}

/** What a status counts for in the stock levels (the recount that must equal the counters). */
export function stockCountOf(status: DeviceStatus): { available: number; reserved: number } {
  return { available: status === DeviceStatus.IN_STOCK ? 1 : 0, reserved: status === DeviceStatus.RESERVED ? 1 : 0 };
}
