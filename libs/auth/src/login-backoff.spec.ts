import { accountDelayMs, loginBlockSeconds } from './login-backoff';

const MIN = 60_000;

describe('blocking a key that keeps failing', () => {
  it('lets a key fail up to its limit, then blocks it until the oldest counted failure leaves the window', () => {
    expect(
      loginBlockSeconds(
        [1, 2, 3, 4].map((m) => m * MIN),
        5,
        15 * MIN,
      ),
    ).toBe(0);
    expect(
      loginBlockSeconds(
        [1, 2, 3, 4, 5].map((m) => m * MIN),
        5,
        15 * MIN,
      ),
    ).toBe(10 * 60);
    expect(
      loginBlockSeconds(
        [1, 2, 3, 4, 16].map((m) => m * MIN),
        5,
        15 * MIN,
      ),
    ).toBe(0);
  });

  it('doubles the window for each earlier round of failures in the last day', () => {
    // five failures 20 minutes ago (a first block, now over), five more just now: blocked for 30 minutes
    const second = [0, 0, 0, 0, 0, 20, 20, 20, 20, 20].map((m) => m * MIN);
    expect(loginBlockSeconds(second, 5, 15 * MIN)).toBe(30 * 60);
    // a third round: 60 minutes
    expect(loginBlockSeconds([...Array(5).fill(0), ...second.map((a) => a + 45 * MIN)], 5, 15 * MIN)).toBe(60 * 60);
    // never longer than a day
    expect(loginBlockSeconds(Array(500).fill(0), 5, 15 * MIN)).toBe(24 * 3600);
  });

  it("forgives failures of long ago: one mistake after yesterday's five is only one failure", () => {
    expect(loginBlockSeconds([0, ...Array(5).fill(20 * 60 * MIN)], 5, 15 * MIN)).toBe(0);
  });
});

describe('slowing the tries on an account', () => {
  it('does not slow an account below its ceiling, then doubles the wait up to five seconds', () => {
    expect(accountDelayMs(49, 50)).toBe(0);
    expect(accountDelayMs(50, 50)).toBe(100);
    expect(accountDelayMs(52, 50)).toBe(400);
    expect(accountDelayMs(10_000, 50)).toBe(5000);
  });
});
