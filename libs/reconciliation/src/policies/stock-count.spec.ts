import { compareCount, CountedDevice, countedSerials } from './stock-count';

const shelf = (id: string, serialNumber: string): CountedDevice => ({ id, serialNumber, onShelf: true });
const elsewhere = (id: string, serialNumber: string): CountedDevice => ({ id, serialNumber, onShelf: false });

describe('countedSerials', () => {
  it('counts serials by the key devices are compared by, and a device scanned twice once', () => {
    const counted = countedSerials([' pf1abc ', 'PF1ABC', 'pf1  xyz', 'Z9', 'ab-12 34.5', 'AB12345']);
    expect(counted).toMatchObject({ serials: ['PF1ABC', 'PF1XYZ', 'Z9', 'AB12345'], blank: 0 });
    // shown as first counted
    expect(counted.labels.get('AB12345')).toBe('ab-12 34.5');
  });

  it('says how many had nothing left once normalized', () => {
    expect(countedSerials(['A', '   ', '\t', ' - . '])).toMatchObject({ serials: ['A'], blank: 3 });
  });
});

describe('compareCount', () => {
  it('expected and not counted is MISSING; counted and not expected is UNEXPECTED, with its device when there is one', () => {
    const devices = [shelf('d1', 'A'), shelf('d2', 'B'), shelf('d3', 'C'), elsewhere('d4', 'X')];
    const outcome = compareCount(devices, ['C', 'A', 'X', 'NOPE']);
    expect(outcome).toEqual({
      expectedQuantity: 3,
      countedQuantity: 4,
      discrepancies: [
        { kind: 'MISSING', serialNumber: 'B', deviceId: 'd2' },
        { kind: 'UNEXPECTED', serialNumber: 'NOPE', deviceId: null },
        { kind: 'UNEXPECTED', serialNumber: 'X', deviceId: 'd4' },
      ],
    });
  });

  it('a count that matches the shelf has no discrepancy, whatever the order', () => {
    expect(compareCount([shelf('d1', 'A'), shelf('d2', 'B')], ['B', 'A'])).toEqual({ expectedQuantity: 2, countedQuantity: 2, discrepancies: [] });
  });

  it('an empty count makes every expected device MISSING; an empty shelf makes every serial UNEXPECTED', () => {
    expect(compareCount([shelf('d1', 'A')], []).discrepancies).toEqual([{ kind: 'MISSING', serialNumber: 'A', deviceId: 'd1' }]);
    expect(compareCount([], ['Q']).discrepancies).toEqual([{ kind: 'UNEXPECTED', serialNumber: 'Q', deviceId: null }]);
  });

  it('holds its arithmetic on random counts: expected - missing = counted - unexpected', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 200; round++) {
      const devices: CountedDevice[] = [];
      for (let i = 0; i < rand(30); i++) devices.push({ id: `d${i}`, serialNumber: `S${i}`, onShelf: rand(3) > 0 });
      const counted = [...new Set(Array.from({ length: rand(30) }, () => `S${rand(40)}`))];
      const outcome = compareCount(devices, counted);
      const missing = outcome.discrepancies.filter((d) => d.kind === 'MISSING').length;
      const unexpected = outcome.discrepancies.filter((d) => d.kind === 'UNEXPECTED').length;
      expect(outcome.expectedQuantity - missing).toBe(outcome.countedQuantity - unexpected);
      expect(outcome.expectedQuantity).toBe(devices.filter((d) => d.onShelf).length);
      for (const d of outcome.discrepancies) {
        const device = devices.find((x) => x.serialNumber === d.serialNumber);
        expect(d.deviceId).toBe(device?.id ?? null);
        expect(d.kind === 'MISSING').toBe(!!device?.onShelf && !counted.includes(d.serialNumber));
      }
    }
  });
});
