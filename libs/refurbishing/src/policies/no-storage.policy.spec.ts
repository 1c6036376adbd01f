import { ErasureMethod } from '../entities/erasure-method';
import { assertErasureMethodFits, assertGradingKeepsErasure } from './no-storage.policy';

describe('NO_STORAGE erasure', () => {
  const laptop = (storageGb: number | null, ssd: boolean | null = null) => ({ serialNumber: 'PF1', dataBearing: true, specs: { storageGb, ssd } });
  const monitor = (storageGb: number | null) => ({ serialNumber: 'MON', dataBearing: false, specs: { storageGb, ssd: null } });

  it('fits a device whose specs record no storage, and any device not data-bearing without storage', () => {
    expect(() => assertErasureMethodFits(laptop(0), ErasureMethod.NO_STORAGE)).not.toThrow();
    expect(() => assertErasureMethodFits(monitor(null), ErasureMethod.NO_STORAGE)).not.toThrow();
    expect(() => assertErasureMethodFits(monitor(0), ErasureMethod.NO_STORAGE)).not.toThrow();
  });

  it('is refused (CONFLICT) to a data-bearing device whose storage is unknown, and to any device with storage', () => {
    expect(() => assertErasureMethodFits(laptop(null), ErasureMethod.NO_STORAGE)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/data-bearing/) }),
    );
    expect(() => assertErasureMethodFits(laptop(256), ErasureMethod.NO_STORAGE)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => assertErasureMethodFits(laptop(null, true), ErasureMethod.NO_STORAGE)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => assertErasureMethodFits(monitor(32), ErasureMethod.NO_STORAGE)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('leaves the other methods alone', () => {
    expect(() => assertErasureMethodFits(laptop(null), ErasureMethod.NIST_800_88_PURGE)).not.toThrow();
  });

  it('a device erased as NO_STORAGE is not graded with a disk; one erased otherwise is', () => {
    expect(() => assertGradingKeepsErasure({ serialNumber: 'PF1' }, ErasureMethod.NO_STORAGE, { storageGb: 256, ssd: true })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => assertGradingKeepsErasure({ serialNumber: 'PF1' }, ErasureMethod.NO_STORAGE, { storageGb: null, ssd: true })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => assertGradingKeepsErasure({ serialNumber: 'PF1' }, ErasureMethod.NO_STORAGE, { storageGb: 0, ssd: null })).not.toThrow();
    expect(() => assertGradingKeepsErasure({ serialNumber: 'PF1' }, ErasureMethod.NIST_800_88_CLEAR, { storageGb: 256, ssd: true })).not.toThrow();
    expect(() => assertGradingKeepsErasure({ serialNumber: 'PF1' }, null, { storageGb: 256, ssd: true })).not.toThrow();
  });
});
