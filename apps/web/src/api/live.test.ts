import { createClient } from 'graphql-ws';
import type { WebCallerFragment } from '../generated/graphql';
import { liveClient, reconnectDelay } from './live';
import { endSession, startSession } from './session';

jest.mock('graphql-ws', () => ({
  createClient: jest.fn(() => ({ dispose: jest.fn(() => Promise.resolve()), subscribe: jest.fn(() => () => undefined) })),
}));

const created = createClient as unknown as jest.Mock;
const user: WebCallerFragment = { id: 'u1', email: 'anne@ccas.test', name: null, role: 'PARTNER', organization: null };
/** A token the console can read the expiry of (the signature is the API's business). */
const tokenFor = (sub: string) => `h.${btoa(JSON.stringify({ sub, exp: Math.floor(Date.now() / 1000) + 3600 }))}.s`;

describe('the live connection', () => {
  beforeEach(() => created.mockClear());
  afterEach(() => endSession());

  it('is opened once per session, with the token as the API reads it, and closed when the session ends', () => {
    expect(liveClient()).toBeNull();
    const token = tokenFor('u1');
    startSession(token, user);
    const client = liveClient();
    expect(liveClient()).toBe(client);
    expect(created).toHaveBeenCalledTimes(1);
    const options = created.mock.calls[0][0];
    expect(options.connectionParams).toEqual({ authorization: `Bearer ${token}` });
    expect(options.url).toBe('ws://localhost/graphql');
    expect(options.lazy).toBe(false);
    expect(options.shouldRetry(new Event('error'))).toBe(true);

    endSession('Votre session a expiré : reconnectez-vous.');
    expect(client?.dispose).toHaveBeenCalled();
    expect(liveClient()).toBeNull();
  });

  it('a new login opens a new connection with the new token', () => {
    startSession(tokenFor('u1'), user);
    const first = liveClient();
    startSession(tokenFor('u2'), { ...user, id: 'u2' });
    const second = liveClient();
    expect(second).not.toBe(first);
    expect(first?.dispose).toHaveBeenCalled();
    expect(created.mock.calls[1][0].connectionParams.authorization).toMatch(/^Bearer h\./);
  });

  it('waits longer after each failed attempt, never more than 30 s, never twice the same for every console', () => {
    expect(reconnectDelay(0, 0)).toBe(500);
    expect(reconnectDelay(0, 1)).toBe(1000);
    expect(reconnectDelay(3, 1)).toBe(8000);
    expect(reconnectDelay(20, 1)).toBe(30_000);
    expect(reconnectDelay(20, 0)).toBe(15_000);
    for (let retries = 0; retries < 10; retries++) expect(reconnectDelay(retries + 1, 0.5)).toBeGreaterThanOrEqual(reconnectDelay(retries, 0.5));
  });
});
