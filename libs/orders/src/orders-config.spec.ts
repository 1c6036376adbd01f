import { ConfigError } from '@app/common';
import { loadOrdersConfig } from './orders-config';

describe('loadOrdersConfig', () => {
  it('defaults to a 14-day reservation and a 10 s matching debounce', () => {
    expect(loadOrdersConfig({})).toEqual({ reservationTtlDays: 14, matchingDebounceMs: 10_000 });
  });

  it('reads both, and lists every bad value', () => {
    expect(loadOrdersConfig({ RESERVATION_TTL_DAYS: '7', MATCHING_DEBOUNCE_MS: '0' })).toEqual({ reservationTtlDays: 7, matchingDebounceMs: 0 });
    expect(() => loadOrdersConfig({ RESERVATION_TTL_DAYS: '0', MATCHING_DEBOUNCE_MS: 'soon' })).toThrow(ConfigError);
    expect(() => loadOrdersConfig({ RESERVATION_TTL_DAYS: '0', MATCHING_DEBOUNCE_MS: 'soon' })).toThrow(/MATCHING_DEBOUNCE_MS[\s\S]*RESERVATION_TTL_DAYS/);
  });
});
