import type { Session } from '../../api/session';
import { useQuery } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDateTime } from '../../format';
import { WebStuckWorkDocument } from '../../generated/graphql';
import { CATEGORY, label, STATUS, STUCK_KIND, UNROUTED_REASON } from '../../labels';
import { Link } from '../../router';
import { RunButtons } from './dashboard-page';

interface Item {
  reference: string | null;
  lotId: string | null;
  donationId: string | null;
  orderId: string | null;
}

/** The page of the object to act on: the lot (offer, claim, pickup), else the donation, else the order. */
function objectPath(item: Item): string | null {
  if (item.lotId) return `/lots/${item.lotId}`;
  if (item.donationId) return `/dons/${item.donationId}`;
  if (item.orderId) return `/commandes/${item.orderId}`;
  return null;
}

/** What stopped moving in the region, oldest first within each kind, each with what to do. */
export function StuckWorkPage({ session }: { session: Session }) {
  const regionId = session.user.organization?.region.id ?? '';
  const { data, error, loading, reload } = useQuery(WebStuckWorkDocument, { regionId }, !regionId);
  const items = data?.stuckWork ?? [];
  const kinds = [...new Set(items.map((item) => item.kind))];
  return (
    <Page title="À traiter">
      <RunButtons regionId={regionId} onDone={reload} />
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && items.length === 0 && <p>Rien n’est bloqué dans la région.</p>}
      {kinds.map((kind) => (
        <section key={kind} className="panel" aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>{STUCK_KIND[kind]?.label ?? kind}</h2>
          <p>
            <strong>À faire :</strong> {STUCK_KIND[kind]?.action}
          </p>
          <ul>
            {items
              .filter((item) => item.kind === kind)
              .map((item, index) => (
                <li key={index}>
                  {objectPath(item) ? <Link to={objectPath(item)!}>{item.reference ?? 'Ouvrir'}</Link> : (item.reference ?? '—')}
                  {item.status && <> ({label(STATUS, item.status)})</>}
                  {item.quantity != null && (
                    <>
                      {' '}
                      — {item.quantity} × {label(CATEGORY, item.category)}
                    </>
                  )}
                  {item.reason && <> : {label(UNROUTED_REASON, item.reason)}</>} — depuis le {formatDateTime(item.since)}
                  {item.dueAt && <>, échéance le {formatDateTime(item.dueAt)}</>}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}
