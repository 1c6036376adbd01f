import { DeviceCategory } from '@app/common';
import { DeviceSpecs } from '../entities/device-specs';
import { emptySpecs } from './device-specs.policy';
import { assertReadyForStock } from './grading-readiness.policy';

const specs = (s: Partial<DeviceSpecs>): DeviceSpecs => Object.assign(emptySpecs(), s);

describe('ready for stock', () => {
  const laptop = { serialNumber: 'PF1', category: DeviceCategory.LAPTOP, needsStorage: false };

  it('a computer needs an operating system', () => {
    expect(() => assertReadyForStock(laptop, specs({}))).toThrow(/operating system/);
    expect(() => assertReadyForStock(laptop, specs({ os: 'Xubuntu 24.04' }))).not.toThrow();
    expect(() => assertReadyForStock({ ...laptop, category: DeviceCategory.TABLET }, specs({}))).not.toThrow();
  });

  it('a device whose disk was destroyed needs a new one', () => {
    const destroyed = { ...laptop, needsStorage: true };
    expect(() => assertReadyForStock(destroyed, specs({ os: 'Lubuntu' }))).toThrow(/replaceStorage/);
    expect(() => assertReadyForStock(destroyed, specs({ os: 'Lubuntu', storageGb: 256, ssd: true }))).not.toThrow();
  });
});
