import { AppConfig, Caller, Role } from '@app/common';
import { CallerCache } from './caller-cache';

const CALLER: Caller = { userId: 'u-1', email: 'donor@ara.test', role: Role.DONOR, organizationId: 'o-1', regionId: 'r-1' };

describe('the caller cache with Redis unreachable', () => {
  it('starts at once, evicts locally, never throws on a change, and closes', async () => {
    const cache = new CallerCache({ authCacheSeconds: 30, queuePrefix: 'unit', redisUrl: 'redis://127.0.0.1:1' } as AppConfig);
    const started = Date.now();
    await cache.onModuleInit();
    expect(Date.now() - started).toBeLessThan(1500);
    cache.set({ caller: CALLER, tokenVersion: 0 }, cache.generationOf('u-1'));
    expect(cache.get('u-1')?.caller).toBe(CALLER);
    // nobody hears it, but this process forgets at once; the others have AUTH_CACHE_SECONDS as their bound
    await expect(cache.changed('u-1')).resolves.toBeUndefined();
    expect(cache.get('u-1')).toBeUndefined();
    await cache.onApplicationShutdown();
  });

  it('with AUTH_CACHE_SECONDS 0 keeps nothing and opens no connection', async () => {
    const cache = new CallerCache({ authCacheSeconds: 0, queuePrefix: 'unit', redisUrl: 'redis://127.0.0.1:1' } as AppConfig);
    await cache.onModuleInit();
    cache.set({ caller: CALLER, tokenVersion: 0 }, 0);
    expect(cache.get('u-1')).toBeUndefined();
    await cache.changed('u-1');
    await cache.onApplicationShutdown();
  });
});
