import { explainUnrouted, UnroutedCandidate } from './unrouted-reasons';

const LYON = { lat: 45.75, lon: 4.83 };
const GRENOBLE = { lat: 45.19, lon: 5.72 };
const DIJON = { lat: 47.32, lon: 5.04 };

const refurbisher = (id: string, at: { lat: number; lon: number }, radiusKm: number, paused = false, remaining = 0): UnroutedCandidate => ({
  id,
  ...at,
  radiusKm,
  paused,
  remaining,
});

describe('explainUnrouted', () => {
  const supply = { id: 'd1', ...LYON, quantity: 5 };

  it('no refurbisher takes the category', () => {
    expect(explainUnrouted([supply], [], [])).toEqual([{ supplyId: 'd1', quantity: 5, reason: 'NO_REFURBISHER_FOR_CATEGORY' }]);
  });

  it('none reaches the pickup address (Dijon is ~190 km from Lyon)', () => {
    expect(explainUnrouted([supply], [refurbisher('r1', DIJON, 100)], [])[0]!.reason).toBe('NO_REFURBISHER_IN_RADIUS');
  });

  it('all those in reach declined it: those out of reach do not count', () => {
    const candidates = [refurbisher('r1', LYON, 50), refurbisher('r2', GRENOBLE, 150), refurbisher('r3', DIJON, 50)];
    const forbidden = [
      ['d1', 'r1'],
      ['d1', 'r2'],
    ] as const;
    expect(explainUnrouted([supply], candidates, forbidden)[0]!.reason).toBe('ALL_DECLINED');
  });

  it('those in reach and not barred are paused', () => {
    const candidates = [refurbisher('r1', LYON, 50, true), refurbisher('r2', GRENOBLE, 150)];
    expect(explainUnrouted([supply], candidates, [['d1', 'r2']])[0]!.reason).toBe('PAUSED');
  });

  it('someone could take it: the week is full', () => {
    const candidates = [refurbisher('r1', LYON, 50, true), refurbisher('r2', GRENOBLE, 150)];
    expect(explainUnrouted([supply], candidates, [])[0]!.reason).toBe('NO_CAPACITY');
  });

  it('room left for the donation: the next run offers it; its share of that week used up: no capacity', () => {
    const candidates = [refurbisher('r1', LYON, 50, false, 10)];
    expect(explainUnrouted([supply], candidates, [])[0]!.reason).toBe('AWAITING_ROUTING');
    expect(explainUnrouted([supply], candidates, [], [['d1', 'r1', 0]])[0]!.reason).toBe('NO_CAPACITY');
    expect(explainUnrouted([supply], [refurbisher('r1', LYON, 50, true, 10)], [])[0]!.reason).toBe('PAUSED');
  });

  it('a refusal of another donation does not bar this one; nothing left, nothing to explain', () => {
    const candidates = [refurbisher('r1', LYON, 50)];
    expect(explainUnrouted([supply, { id: 'd2', ...LYON, quantity: 0 }], candidates, [['d2', 'r1']])).toEqual([
      { supplyId: 'd1', quantity: 5, reason: 'NO_CAPACITY' },
    ]);
  });
});
