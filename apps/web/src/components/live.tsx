import { useEffect, useState } from 'react';
import { useLiveEvent, useLiveStatus } from '../api/live';
import { request } from '../api/request';
import { onSessionChange } from '../api/session';
import { WebNotificationAddedDocument, WebUnreadNotificationsDocument } from '../generated/graphql';
import { label, NOTIFICATION_EVENT } from '../labels';
import { Link, usePath } from '../router';

type UnreadListener = (count: number | null) => void;
const unreadListeners = new Set<UnreadListener>();
let unread: number | null = null;
let asked = 0;

function publish(count: number | null): void {
  unread = count;
  for (const listener of unreadListeners) listener(count);
}

/** Reads the caller's unread count again (a notification arrived, some were marked read); the latest answer wins. */
export async function refreshUnread(): Promise<void> {
  const mine = (asked += 1);
  try {
    const data = await request(WebUnreadNotificationsDocument);
    if (mine === asked) publish(data.me?.unreadNotifications ?? 0);
  } catch {
    // the badge keeps what it showed; the page that failed says why
  }
}

onSessionChange(() => publish(null));

/**
 * The header's link to the inbox with the unread count, kept up to date by `notificationAdded`
 * (no polling). A rise is announced politely to screen readers; the count itself is in the link's name.
 */
export function NotificationBadge() {
  const path = usePath();
  const [count, setCount] = useState<number | null>(unread);
  const [announce, setAnnounce] = useState('');
  const status = useLiveStatus();

  useEffect(() => {
    unreadListeners.add(setCount);
    void refreshUnread();
    return () => {
      unreadListeners.delete(setCount);
    };
  }, []);

  useLiveEvent(WebNotificationAddedDocument, (data) => {
    void refreshUnread();
    if (data) setAnnounce(`Nouvelle notification : ${data.notificationAdded.title}`);
  });

  return (
    <>
      <Link to="/notifications" className="inbox-link" aria-current={path === '/notifications' ? 'page' : undefined}>
        Notifications
        {count != null && count > 0 && (
          <>
            {' '}
            <span className="count-badge">
              {count}
              <span className="visually-hidden"> {count > 1 ? 'non lues' : 'non lue'}</span>
            </span>
          </>
        )}
      </Link>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </span>
      {status === 'reconnecting' && <span className="live-off">Mises à jour en direct interrompues : reconnexion…</span>}
    </>
  );
}

/** A short "mise à jour" line under a page's title when it was refreshed by a live event. */
export function LiveHint({ children }: { children: string | null }) {
  return (
    <p className="live-hint" role="status" aria-live="polite">
      {children}
    </p>
  );
}

/** The hint of an `orderUpdated` event: "Mise à jour : Commande attribuée (CMD-…)." */
export function orderUpdateHint(update: { reference: string | null; event: string }): string {
  return `Mise à jour : ${label(NOTIFICATION_EVENT, update.event)}${update.reference ? ` (${update.reference})` : ''}.`;
}
