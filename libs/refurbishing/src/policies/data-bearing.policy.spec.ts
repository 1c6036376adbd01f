import { DeviceCategory } from '@app/common';
import { dataBearingByCategory } from './data-bearing.policy';

describe('dataBearingByCategory', () => {
  const of = dataBearingByCategory([
    { category: DeviceCategory.MONITOR, dataBearing: false },
    { category: DeviceCategory.LAPTOP, dataBearing: false },
    { category: DeviceCategory.LAPTOP, dataBearing: true },
    { category: DeviceCategory.PRINTER, dataBearing: false },
  ]);

  it("follows the donation's lines", () => {
    expect(of(DeviceCategory.MONITOR)).toBe(false);
    expect(of(DeviceCategory.PRINTER)).toBe(false);
  });

  it('takes data-bearing when any line of the category is', () => {
    expect(of(DeviceCategory.LAPTOP)).toBe(true);
  });

  it('takes an undeclared category as data-bearing', () => {
    expect(of(DeviceCategory.SMARTPHONE)).toBe(true);
  });
});
