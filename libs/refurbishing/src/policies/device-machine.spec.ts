import { ConflictError } from '@app/common';
import { DEVICE_ACTIONS, StatusChangingAction } from '../entities/device-action';
import { DEVICE_MACHINE, DeviceStatus, isProcessed } from '../entities/device-status';
import { stockCountOf, stockEffectOf } from './stock-effect';

const S = DeviceStatus;
const ALL = Object.values(DeviceStatus);

/** The table of DESIGN.md, written out: every pair not here is refused. */
const ALLOWED: Array<[DeviceStatus, DeviceStatus]> = [
  [S.RECEIVED, S.WIPED],
  [S.WIPED, S.IN_STOCK],
  [S.IN_STOCK, S.RESERVED],
  [S.RESERVED, S.SHIPPED],
  [S.SHIPPED, S.DELIVERED],
  [S.SHIPPED, S.RECEIVED],
  [S.RECEIVED, S.RECYCLED],
  [S.WIPED, S.RECYCLED],
  [S.IN_STOCK, S.MISSING],
  [S.RESERVED, S.MISSING],
  [S.RESERVED, S.IN_STOCK],
  // found broken after grading: back to the workbench, or recycled
  [S.IN_STOCK, S.RECEIVED],
  [S.RESERVED, S.RECEIVED],
  [S.IN_STOCK, S.RECYCLED],
  [S.RESERVED, S.RECYCLED],
  // a missing device that turned up, back where it was
  [S.MISSING, S.IN_STOCK],
  [S.MISSING, S.RESERVED],
  // a lent device given back, or a faulty one replaced under warranty: on the workbench again
  [S.DELIVERED, S.RECEIVED],
];

describe('the device state machine', () => {
  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))('%s -> %s', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(DEVICE_MACHINE.canTransition(from, to)).toBe(allowed);
    if (!allowed) expect(() => DEVICE_MACHINE.assertTransition(from, to)).toThrow(ConflictError);
  });

  it('RECYCLED is final; a DELIVERED device only comes back to the workbench (a loan returned, a warranty swap)', () => {
    expect(ALL.filter((s) => DEVICE_MACHINE.isTerminal(s))).toEqual([S.RECYCLED]);
    expect(ALL.filter((s) => DEVICE_MACHINE.canTransition(S.DELIVERED, s))).toEqual([S.RECEIVED]);
    expect(() => DEVICE_MACHINE.assertTransition(S.RECYCLED, S.IN_STOCK)).toThrow(/RECYCLED is final/);
  });

  it('a device is processed from IN_STOCK on, or recycled, or missing', () => {
    expect(ALL.filter(isProcessed)).toEqual([S.IN_STOCK, S.RESERVED, S.SHIPPED, S.DELIVERED, S.RECYCLED, S.MISSING]);
  });

  it('every allowed change moves the stock counters exactly as a recount would see it', () => {
    for (const [from, to] of ALLOWED) {
      const effect = stockEffectOf(from, to);
      const delta = { available: stockCountOf(to).available - stockCountOf(from).available, reserved: stockCountOf(to).reserved - stockCountOf(from).reserved };
      expect({ from, to, available: effect?.available ?? 0, reserved: effect?.reserved ?? 0 }).toEqual({ from, to, ...delta });
    }
  });

  it('each action takes exactly its own ways through the machine', () => {
    const taken = (
      Object.entries(DEVICE_ACTIONS) as Array<[StatusChangingAction, { to: DeviceStatus; from?: readonly DeviceStatus[]; alsoTo?: readonly DeviceStatus[] }]>
    ).flatMap(([action, { to, from, alsoTo }]) =>
      [to, ...(alsoTo ?? [])].flatMap((target) =>
        ALL.filter((s) => DEVICE_MACHINE.canTransition(s, target) && (!from || from.includes(s))).map((s) => `${s} -${action}-> ${target}`),
      ),
    );
    expect(taken.sort()).toEqual(
      [
        'RECEIVED -ERASED-> WIPED',
        'WIPED -GRADED-> IN_STOCK',
        'RESERVED -UNRESERVED-> IN_STOCK',
        'RECEIVED -RECYCLED-> RECYCLED',
        'WIPED -RECYCLED-> RECYCLED',
        'IN_STOCK -RESERVED-> RESERVED',
        'RESERVED -SHIPPED-> SHIPPED',
        'SHIPPED -DELIVERED-> DELIVERED',
        'SHIPPED -RETURNED_TO_WORKSHOP-> RECEIVED',
        'IN_STOCK -MISSING-> MISSING',
        'RESERVED -MISSING-> MISSING',
        'IN_STOCK -RECYCLED-> RECYCLED',
        'RESERVED -RECYCLED-> RECYCLED',
        'IN_STOCK -RETURNED_TO_WORKSHOP-> RECEIVED',
        'RESERVED -RETURNED_TO_WORKSHOP-> RECEIVED',
        'MISSING -RECOVERED-> IN_STOCK',
        'MISSING -RECOVERED-> RESERVED',
        'DELIVERED -LOAN_RETURNED-> RECEIVED',
        'DELIVERED -REPLACED_UNDER_WARRANTY-> RECEIVED',
      ].sort(),
    );
    // every transition of the machine is some action's (DELIVERED -> RECEIVED is two: a loan returned, a warranty swap)
    const pairs = new Set(taken.map((way) => way.replace(/ -\w+-> /, ' -> ')));
    expect(pairs.size).toBe(ALLOWED.length);
  });
});
