import { DeviceCategory } from '@app/common';
import { intakeCounts } from './intake-count.policy';

const { LAPTOP, MONITOR, DESKTOP } = DeviceCategory;

describe('intakeCounts', () => {
  it('shows a difference per category even when the totals match', () => {
    expect(intakeCounts([{ category: LAPTOP, quantity: 10 }], [...Array(8).fill(LAPTOP), MONITOR, MONITOR])).toEqual([
      { category: LAPTOP, declaredQuantity: 10, receivedQuantity: 8 },
      { category: MONITOR, declaredQuantity: 0, receivedQuantity: 2 },
    ]);
  });

  it('keeps declared categories that did not arrive, in the enum order', () => {
    expect(
      intakeCounts(
        [
          { category: MONITOR, quantity: 1 },
          { category: DESKTOP, quantity: 2 },
        ],
        [DESKTOP],
      ),
    ).toEqual([
      { category: DESKTOP, declaredQuantity: 2, receivedQuantity: 1 },
      { category: MONITOR, declaredQuantity: 1, receivedQuantity: 0 },
    ]);
  });
});
