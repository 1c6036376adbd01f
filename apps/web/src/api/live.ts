import { Client, createClient } from 'graphql-ws';
import { useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../generated/graphql';
import { GRAPHQL_URL } from './request';
import { currentSession, onSessionChange } from './session';

/** The state of the one live connection, for the header's hint. */
export type LiveStatus = 'off' | 'connecting' | 'connected' | 'reconnecting';

type StatusListener = (status: LiveStatus) => void;
type ReconnectListener = () => void;

const statusListeners = new Set<StatusListener>();
const reconnectListeners = new Set<ReconnectListener>();
let client: Client | null = null;
let clientToken: string | null = null;
let status: LiveStatus = 'off';

function setStatus(next: LiveStatus): void {
  status = next;
  for (const listener of statusListeners) listener(next);
}

/** ws:// or wss:// on the console's own origin (the API serves both; the CSP's connect-src 'self' allows it). */
function socketUrl(): string {
  const url = new URL(GRAPHQL_URL, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** 1 s, 2 s, 4 s … up to 30 s, with a random part so that a restarted API is not met by every console at once. */
export function reconnectDelay(retries: number, random: number = Math.random()): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(retries, 5));
  return Math.round(base / 2 + (base / 2) * random);
}

function open(token: string): Client {
  let connectedOnce = false;
  const next = createClient({
    url: socketUrl(),
    // the token as the HTTP header would carry it: the API's guard reads it for every subscription
    connectionParams: { authorization: `Bearer ${token}` },
    // opened at once after login, not at the first subscription: the badge listens from the start
    lazy: false,
    keepAlive: 25_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    // a network that drops (a phone in a lift) or an API being redeployed: try again, with backoff
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => window.setTimeout(resolve, reconnectDelay(retries))),
    on: {
      connecting: () => setStatus(connectedOnce ? 'reconnecting' : 'connecting'),
      connected: () => {
        const again = connectedOnce;
        connectedOnce = true;
        setStatus('connected');
        // events sent while the socket was down are lost: whoever shows live data reads it again
        if (again) for (const listener of reconnectListeners) listener();
      },
      closed: () => {
        if (client === next) setStatus(connectedOnce ? 'reconnecting' : 'connecting');
      },
    },
  });
  return next;
}

function close(): void {
  const old = client;
  client = null;
  clientToken = null;
  setStatus('off');
  if (old) void old.dispose();
}

// logout, expiry, a refused token: the socket closes with the session; a new login opens a new one
onSessionChange((session) => {
  if (!session || session.token !== clientToken) close();
});

/** The session's live connection, opened on first use; null while signed out. */
export function liveClient(): Client | null {
  const session = currentSession();
  if (!session) return null;
  if (!client || clientToken !== session.token) {
    close();
    client = open(session.token);
    clientToken = session.token;
  }
  return client;
}

/**
 * Calls `onEvent` with each event of a subscription while the component is shown, and with null
 * after the connection came back (what happened meanwhile was not pushed: read it again). No
 * polling: without a connection, nothing is asked.
 */
export function useLiveEvent<TResult>(document: TypedDocumentString<TResult, Record<string, never>>, onEvent: (data: TResult | null) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const token = currentSession()?.token;
  useEffect(() => {
    const live = liveClient();
    if (!live) return undefined;
    const stop = live.subscribe<TResult>(
      { query: document.toString() },
      {
        next: (value) => {
          if (value.data) handler.current(value.data as TResult);
        },
        // a subscription the role may not have, or the session ending: nothing to show
        error: () => undefined,
        complete: () => undefined,
      },
    );
    const again = () => handler.current(null);
    reconnectListeners.add(again);
    return () => {
      reconnectListeners.delete(again);
      stop();
    };
  }, [document, token]);
}

export function useLiveStatus(): LiveStatus {
  const [current, setCurrent] = useState(status);
  useEffect(() => {
    statusListeners.add(setCurrent);
    setCurrent(status);
    return () => {
      statusListeners.delete(setCurrent);
    };
  }, []);
  return current;
}
