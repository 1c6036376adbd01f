import { ConflictError } from '@app/common';
import { ORDER_MACHINE, OrderStatus } from '../entities/order-status';
import { deriveOrderStatus, LineProgress } from './order-status.policy';

const line = (quantity: number, allocatedQuantity = 0, shippedQuantity = 0, deliveredQuantity = 0): LineProgress => ({
  quantity,
  allocatedQuantity,
  shippedQuantity,
  deliveredQuantity,
});

describe('deriveOrderStatus', () => {
  it('is OPEN while any unit of any line has no device', () => {
    expect(deriveOrderStatus({ cancelled: false, lines: [line(2)] })).toBe(OrderStatus.OPEN);
    expect(deriveOrderStatus({ cancelled: false, lines: [line(2, 2), line(1, 0)] })).toBe(OrderStatus.OPEN);
    // shipped units do not make it SHIPPED while other units wait for stock
    expect(deriveOrderStatus({ cancelled: false, lines: [line(2, 1, 1, 1)] })).toBe(OrderStatus.OPEN);
  });

  it('is ALLOCATED when every unit is reserved, even if some already left', () => {
    expect(deriveOrderStatus({ cancelled: false, lines: [line(2, 2), line(1, 1)] })).toBe(OrderStatus.ALLOCATED);
    expect(deriveOrderStatus({ cancelled: false, lines: [line(2, 2, 1, 1), line(1, 1)] })).toBe(OrderStatus.ALLOCATED);
  });

  it('is SHIPPED when every unit left, DELIVERED when every unit arrived', () => {
    expect(deriveOrderStatus({ cancelled: false, lines: [line(2, 2, 2), line(1, 1, 1, 1)] })).toBe(OrderStatus.SHIPPED);
    expect(deriveOrderStatus({ cancelled: false, lines: [line(2, 2, 2, 2), line(1, 1, 1, 1)] })).toBe(OrderStatus.DELIVERED);
  });

  it('is CANCELLED once cancelled, whatever the lines say', () => {
    expect(deriveOrderStatus({ cancelled: true, lines: [line(2, 2)] })).toBe(OrderStatus.CANCELLED);
  });

  it('every derivation step along the normal flow is an allowed transition', () => {
    const steps = [line(2), line(2, 1), line(2, 2), line(2, 2, 1), line(2, 2, 1, 1), line(2, 2, 2, 1), line(2, 2, 2, 2)].map((l) =>
      deriveOrderStatus({ cancelled: false, lines: [l] }),
    );
    for (let i = 1; i < steps.length; i++) {
      if (steps[i] !== steps[i - 1]) expect(ORDER_MACHINE.canTransition(steps[i - 1]!, steps[i]!)).toBe(true);
    }
    expect(steps[steps.length - 1]).toBe(OrderStatus.DELIVERED);
  });
});

describe('ORDER_MACHINE', () => {
  it('cancels OPEN and ALLOCATED orders only', () => {
    expect(ORDER_MACHINE.canTransition(OrderStatus.OPEN, OrderStatus.CANCELLED)).toBe(true);
    expect(ORDER_MACHINE.canTransition(OrderStatus.ALLOCATED, OrderStatus.CANCELLED)).toBe(true);
    expect(() => ORDER_MACHINE.assertTransition(OrderStatus.SHIPPED, OrderStatus.CANCELLED)).toThrow(ConflictError);
  });

  it('lets a released reservation take an ALLOCATED order back to OPEN', () => {
    expect(ORDER_MACHINE.canTransition(OrderStatus.ALLOCATED, OrderStatus.OPEN)).toBe(true);
  });

  it('treats DELIVERED and CANCELLED as final', () => {
    expect(ORDER_MACHINE.isTerminal(OrderStatus.DELIVERED)).toBe(true);
    expect(ORDER_MACHINE.isTerminal(OrderStatus.CANCELLED)).toBe(true);
    expect(() => ORDER_MACHINE.assertTransition(OrderStatus.CANCELLED, OrderStatus.OPEN)).toThrow(/CANCELLED is final/);
  });
});
