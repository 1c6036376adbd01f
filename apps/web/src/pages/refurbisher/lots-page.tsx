import { useQuery } from '../../api/use-api';
import { ErrorNotice, Loading, StatusBadge } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDateTime } from '../../format';
import { WebLotsDocument } from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';
import { Link } from '../../router';

const LIVE = ['CLAIMED', 'PICKUP_SCHEDULED', 'COLLECTED'];

/** The workshop's accepted lots still to collect or to receive, the nearest pickup first. */
export function LotsPage() {
  const { data, error, loading } = useQuery(WebLotsDocument, { first: 200 });
  const lots = (data?.lots.edges.map((edge) => edge.node) ?? [])
    .filter((lot) => LIVE.includes(lot.status))
    .sort((a, b) => (a.pickup?.scheduledAt ?? '9').localeCompare(b.pickup?.scheduledAt ?? '9'));
  return (
    <Page title="Enlèvements et réception">
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && lots.length === 0 && <p>Aucun lot à enlever ni à réceptionner.</p>}
      {lots.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>Lots acceptés</caption>
            <thead>
              <tr>
                <th scope="col">Lot</th>
                <th scope="col">État</th>
                <th scope="col">Donateur et lieu</th>
                <th scope="col">Contenu</th>
                <th scope="col">Enlèvement</th>
              </tr>
            </thead>
            <tbody>
              {lots.map((lot) => (
                <tr key={lot.id}>
                  <th scope="row">
                    <Link to={`/lots/${lot.id}`}>{lot.reference}</Link>
                  </th>
                  <td>
                    <StatusBadge value={lot.status} />
                  </td>
                  <td>
                    {lot.donation.donor.name}, {lot.donation.pickupAddress.city}
                  </td>
                  <td>{lot.items.map((item) => `${item.quantity} × ${label(CATEGORY, item.category)}`).join(', ')}</td>
                  <td>{lot.pickup && lot.pickup.status !== 'CANCELLED' ? formatDateTime(lot.pickup.scheduledAt) : 'à planifier'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
