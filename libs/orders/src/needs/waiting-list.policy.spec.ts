import { NeedUrgency } from './need-urgency';
import { estimatedWaitDays, waitingOrder, waitingPositions, WaitingNeed } from './waiting-list.policy';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const need = (id: string, urgency: NeedUrgency, day: number, category = 'LAPTOP'): WaitingNeed => ({ id, urgency, createdAt: at(day), category });

describe('the waiting list', () => {
  it('puts the most urgent first, then the oldest', () => {
    const needs = [
      need('a', NeedUrgency.NORMAL, 1),
      need('b', NeedUrgency.URGENT, 9),
      need('c', NeedUrgency.HIGH, 5),
      need('d', NeedUrgency.HIGH, 2),
      need('e', NeedUrgency.NORMAL, 3),
    ];
    expect([...needs].sort(waitingOrder).map((n) => n.id)).toEqual(['b', 'd', 'c', 'a', 'e']);
  });

  it('orders needs recorded at the same instant by id, so that every reading agrees', () => {
    expect([need('y', NeedUrgency.NORMAL, 1), need('x', NeedUrgency.NORMAL, 1)].sort(waitingOrder).map((n) => n.id)).toEqual(['x', 'y']);
  });

  it('counts positions per category: a tablet does not wait behind laptops', () => {
    const positions = waitingPositions([
      need('laptop-old', NeedUrgency.NORMAL, 1),
      need('tablet', NeedUrgency.NORMAL, 2, 'TABLET'),
      need('laptop-urgent', NeedUrgency.URGENT, 3),
      need('laptop-new', NeedUrgency.NORMAL, 4),
    ]);
    expect(Object.fromEntries(positions)).toEqual({ 'laptop-urgent': 1, 'laptop-old': 2, 'laptop-new': 3, tablet: 1 });
  });
});

describe('the estimated wait', () => {
  it('divides the devices ahead by the recent daily supply, rounded up', () => {
    // 45 devices in 90 days: one every two days; 3 ordered units and the need at position 2 wait for 5 devices
    expect(estimatedWaitDays(2, { stockedRecently: 45, availableNow: 0, orderedUnfilled: 3 })).toBe(10);
    expect(estimatedWaitDays(1, { stockedRecently: 90, availableNow: 0, orderedUnfilled: 0 })).toBe(1);
    expect(estimatedWaitDays(1, { stockedRecently: 200, availableNow: 0, orderedUnfilled: 0 })).toBe(1);
  });

  it('is 0 when the stock covers the orders ahead and the need now', () => {
    expect(estimatedWaitDays(2, { stockedRecently: 10, availableNow: 5, orderedUnfilled: 3 })).toBe(0);
    expect(estimatedWaitDays(3, { stockedRecently: 10, availableNow: 5, orderedUnfilled: 3 })).toBe(9);
  });

  it('is unknown (null), not a number, when nothing reached stock in the window', () => {
    expect(estimatedWaitDays(1, { stockedRecently: 0, availableNow: 4, orderedUnfilled: 0 })).toBeNull();
  });

  it('grows with the position', () => {
    const supply = { stockedRecently: 30, availableNow: 0, orderedUnfilled: 0 };
    const waits = [1, 2, 5, 10].map((p) => estimatedWaitDays(p, supply)!);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(waits).toEqual([3, 6, 15, 30]);
  });
});
