import { useState } from 'react';
import { useLiveEvent } from '../../api/live';
import { useMutation, useQuery } from '../../api/use-api';
import { CheckboxField, SelectField } from '../../components/field';
import { LiveHint, refreshUnread } from '../../components/live';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDateTime } from '../../format';
import {
  WebMarkNotificationsReadDocument,
  WebNotificationAddedDocument,
  WebNotificationPreferencesDocument,
  WebNotificationsDocument,
  WebSetNotificationPreferenceDocument,
  type NotificationDelivery,
  type NotificationEvent,
} from '../../generated/graphql';
import { label, NOTIFICATION_DELIVERY, NOTIFICATION_EVENT } from '../../labels';
import { Link } from '../../router';

const PAGE_SIZE = 20;

/**
 * The console path of a notification's link: the API writes PUBLIC_URL + the path, and the console
 * may be reached at another address (a proxy, a test port). Only the path, query and fragment are kept,
 * so a link never leads off the console.
 */
export function consolePath(link: string): string {
  try {
    const url = new URL(link, window.location.origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

function Inbox() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  // the cursors of the pages before this one: "Page précédente" pops one
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1];
  const { data, error, loading, reload } = useQuery(WebNotificationsDocument, { first: PAGE_SIZE, after, unreadOnly });
  const mark = useMutation(WebMarkNotificationsReadDocument);
  const [done, setDone] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const items = data?.notifications.edges.map((edge) => edge.node) ?? [];

  useLiveEvent(WebNotificationAddedDocument, (event) => {
    reload();
    setHint(event ? `Mise à jour : « ${event.notificationAdded.title} » vient d’arriver.` : 'Mise à jour : la liste a été relue après une reconnexion.');
  });

  const markRead = async (ids: string[] | null) => {
    setDone(null);
    const changed = await mark.run({ ids });
    if (changed == null) return;
    setDone(
      ids
        ? 'Notification marquée comme lue.'
        : `${changed.markNotificationsRead} notification${changed.markNotificationsRead > 1 ? 's' : ''} marquée${changed.markNotificationsRead > 1 ? 's' : ''} comme lue${changed.markNotificationsRead > 1 ? 's' : ''}.`,
    );
    reload();
    void refreshUnread();
  };

  return (
    <section aria-labelledby="inbox-title" className="panel">
      <h2 id="inbox-title">Boîte de réception</h2>
      <LiveHint>{hint}</LiveHint>
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error ?? mark.error} />
      <div className="actions">
        <CheckboxField
          label="Non lues seulement"
          checked={unreadOnly}
          onChange={(e) => {
            setUnreadOnly(e.target.checked);
            setCursors([null]);
          }}
        />
        <button type="button" className="secondary" onClick={() => markRead(null)} disabled={mark.running}>
          Tout marquer comme lu
        </button>
      </div>
      {loading && !data && <Loading />}
      {data && items.length === 0 && <p>{unreadOnly ? 'Aucune notification non lue.' : 'Aucune notification pour l’instant.'}</p>}
      {items.length > 0 && (
        <>
          <p>
            {data?.notifications.totalCount} notification{(data?.notifications.totalCount ?? 0) > 1 ? 's' : ''}
            {unreadOnly ? ' non lue' + ((data?.notifications.totalCount ?? 0) > 1 ? 's' : '') : ''}.
          </p>
          <ul className="inbox">
            {items.map((item) => (
              <li key={item.id} className={item.readAt ? 'inbox-item' : 'inbox-item unread'}>
                <h3>
                  {!item.readAt && <span className="visually-hidden">Non lue : </span>}
                  {item.title}
                </h3>
                <p className="inbox-meta">
                  <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time> · {label(NOTIFICATION_EVENT, item.event)}
                  {item.reference && <> · {item.reference}</>}
                </p>
                <p>{item.body}</p>
                <div className="actions">
                  <Link to={consolePath(item.link)}>Voir{item.reference ? ` ${item.reference}` : ''}</Link>
                  {!item.readAt && (
                    <button type="button" className="secondary" onClick={() => markRead([item.id])} disabled={mark.running}>
                      Marquer comme lue<span className="visually-hidden"> : {item.title}</span>
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {(cursors.length > 1 || data?.notifications.pageInfo.hasNextPage) && (
        <nav aria-label="Pages de notifications" className="actions">
          <button type="button" className="secondary" disabled={cursors.length <= 1} onClick={() => setCursors((all) => all.slice(0, -1))}>
            Page précédente
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!data?.notifications.pageInfo.hasNextPage}
            onClick={() => {
              const next = data?.notifications.pageInfo.endCursor;
              if (next) setCursors((all) => [...all, next]);
            }}
          >
            Page suivante
          </button>
        </nav>
      )}
    </section>
  );
}

const DELIVERY_OPTIONS = Object.entries(NOTIFICATION_DELIVERY).map(([value, text]) => ({ value, label: text }));

function Preferences() {
  const { data, error, loading, reload } = useQuery(WebNotificationPreferencesDocument, {});
  const save = useMutation(WebSetNotificationPreferenceDocument);
  const [done, setDone] = useState<string | null>(null);

  const choose = async (event: NotificationEvent, delivery: NotificationDelivery) => {
    setDone(null);
    if (await save.run({ event, delivery })) {
      setDone(`« ${label(NOTIFICATION_EVENT, event)} » : ${label(NOTIFICATION_DELIVERY, delivery).toLowerCase()}.`);
      reload();
    }
  };

  return (
    <section aria-labelledby="preferences-title" className="panel">
      <h2 id="preferences-title">Préférences d’envoi par e-mail</h2>
      <p>Chaque notification reste dans la boîte de réception ; vous choisissez si elle vous est aussi envoyée par e-mail.</p>
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error ?? save.error} />
      {loading && !data && <Loading />}
      {data && (
        <ul className="preferences">
          {data.notificationPreferences.map((preference) =>
            preference.alwaysSent ? (
              <li key={preference.event}>
                <strong>{label(NOTIFICATION_EVENT, preference.event)}</strong> : toujours envoyé (sécurité de votre compte).
              </li>
            ) : (
              <li key={preference.event}>
                <SelectField
                  label={label(NOTIFICATION_EVENT, preference.event)}
                  hint={preference.isDefault ? 'Réglage par défaut de votre rôle.' : undefined}
                  options={DELIVERY_OPTIONS}
                  value={preference.delivery}
                  disabled={save.running}
                  onChange={(e) => choose(preference.event, e.target.value as NotificationDelivery)}
                />
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

/** Every role's inbox (what happened that concerns them, with where to act) and how each event reaches them. */
export function NotificationsPage() {
  return (
    <Page title="Notifications">
      <Inbox />
      <Preferences />
    </Page>
  );
}
