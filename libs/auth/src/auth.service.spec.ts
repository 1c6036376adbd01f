import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, Role } from '@app/common';
import { DataSource } from 'typeorm';
import { AuthService } from './auth.service';
import { CallerCache } from './caller-cache';
import { LoginThrottle } from './login-throttle';

const USER = {
  id: 'u-1',
  email: 'coordination@ara.test',
  role: Role.COORDINATOR,
  organization_id: 'o-1',
  region_id: 'r-1',
  token_version: 0,
  deactivated: false,
};

function service(authCacheSeconds: number, rows: Record<string, typeof USER>) {
  const lookups: string[] = [];
  const dataSource = {
    query: (_sql: string, [id]: [string]) => {
      lookups.push(id);
      return Promise.resolve(rows[id] ? [rows[id]] : []);
    },
  } as unknown as DataSource;
  // no Redis here: the cache is never initialised, so it neither subscribes nor publishes
  const cache = new CallerCache({ authCacheSeconds, queuePrefix: 'unit' } as AppConfig);
  const auth = new AuthService(dataSource, {} as JwtService, {} as LoginThrottle, cache);
  return { auth, lookups, cache };
}

describe('the caller of a token', () => {
  it('is read from the database once, then served from memory', async () => {
    const { auth, lookups } = service(30, { 'u-1': USER });
    const first = await auth.callerOf({ sub: 'u-1', role: Role.COORDINATOR });
    const again = await auth.callerOf({ sub: 'u-1', role: Role.COORDINATOR });
    expect(first).toEqual({ userId: 'u-1', email: USER.email, role: Role.COORDINATOR, organizationId: 'o-1', regionId: 'r-1' });
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(lookups).toEqual(['u-1']);
  });

  it('of an unknown user is refused every time, and never remembered', async () => {
    const rows: Record<string, typeof USER> = {};
    const { auth, lookups } = service(30, rows);
    expect(await auth.callerOf({ sub: 'u-1', role: Role.COORDINATOR })).toBeNull();
    rows['u-1'] = USER;
    expect(await auth.callerOf({ sub: 'u-1', role: Role.COORDINATOR })).not.toBeNull();
    expect(lookups).toEqual(['u-1', 'u-1']);
  });

  it('is read on every request when AUTH_CACHE_SECONDS is 0', async () => {
    const { auth, lookups } = service(0, { 'u-1': USER });
    await auth.callerOf({ sub: 'u-1', role: Role.COORDINATOR });
    await auth.callerOf({ sub: 'u-1', role: Role.COORDINATOR });
    expect(lookups).toEqual(['u-1', 'u-1']);
  });

  it('refuses a token older than the account (its version) and a deactivated account, cached or not', async () => {
    const rows: Record<string, typeof USER> = { 'u-1': { ...USER, token_version: 2 } };
    const { auth, cache } = service(30, rows);
    expect(await auth.callerOf({ sub: 'u-1', role: Role.COORDINATOR, ver: 1 })).toBeNull();
    expect(await auth.callerOf({ sub: 'u-1', role: Role.COORDINATOR })).toBeNull();
    expect(await auth.callerOf({ sub: 'u-1', role: Role.COORDINATOR, ver: 2 })).not.toBeNull();
    // from memory now: the old version is still refused
    expect(await auth.callerOf({ sub: 'u-1', role: Role.COORDINATOR, ver: 1 })).toBeNull();
    rows['u-1'] = { ...USER, token_version: 2, deactivated: true };
    await cache.changed('u-1');
    expect(await auth.callerOf({ sub: 'u-1', role: Role.COORDINATOR, ver: 2 })).toBeNull();
  });

  it('a read that began before an eviction does not put the old row back', async () => {
    const { auth, cache, lookups } = service(30, { 'u-1': USER });
    const generation = cache.generationOf('u-1');
    await cache.changed('u-1');
    cache.set({ caller: { userId: 'u-1', email: USER.email, role: Role.COORDINATOR, organizationId: 'o-1', regionId: 'r-1' }, tokenVersion: 0 }, generation);
    expect(cache.get('u-1')).toBeUndefined();
    await auth.callerOf({ sub: 'u-1', role: Role.COORDINATOR });
    expect(lookups).toEqual(['u-1']);
  });
});
