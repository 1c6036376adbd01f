import type { WebCallerFragment } from '../generated/graphql';

/** Who is signed in, with the token the API issued and when it stops working. */
export interface Session {
  token: string;
  expiresAt: number;
  user: WebCallerFragment;
}

type Listener = (session: Session | null, notice: string | null) => void;

// sessionStorage, not localStorage: the token dies with the tab, and a shared computer keeps nothing
const STORAGE_KEY = 'reuse-console.session';
const listeners = new Set<Listener>();
let current: Session | null = null;
let expiryTimer: number | undefined;

/** The `exp` of a JWT, in milliseconds; the console only reads it to know when to sign out. */
export function tokenExpiry(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/')) as string;
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : Date.now();
  } catch {
    return Date.now();
  }
}

function emit(notice: string | null): void {
  for (const listener of listeners) listener(current, notice);
}

function arm(): void {
  window.clearTimeout(expiryTimer);
  if (!current) return;
  // browsers cap timers at about 24.8 days; tokens live hours
  const delay = Math.min(current.expiresAt - Date.now(), 2_000_000_000);
  expiryTimer = window.setTimeout(() => endSession('Votre session a expiré : reconnectez-vous.'), Math.max(0, delay));
}

export function currentSession(): Session | null {
  return current;
}

export function startSession(token: string, user: WebCallerFragment): Session {
  current = { token, expiresAt: tokenExpiry(token), user };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  arm();
  emit(null);
  return current;
}

/** Logout, expiry or a token the API refused: forget the token everywhere, say why on the login page. */
export function endSession(notice: string | null = null): void {
  current = null;
  sessionStorage.removeItem(STORAGE_KEY);
  window.clearTimeout(expiryTimer);
  emit(notice);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A tab reloaded keeps its session while the token lasts. */
export function restoreSession(): Session | null {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    const session = stored ? (JSON.parse(stored) as Session) : null;
    if (session && typeof session.token === 'string' && session.expiresAt > Date.now()) {
      current = session;
      arm();
    } else if (session) {
      sessionStorage.removeItem(STORAGE_KEY);
      return null;
    }
  } catch {
    sessionStorage.removeItem(STORAGE_KEY);
  }
  return current;
}
