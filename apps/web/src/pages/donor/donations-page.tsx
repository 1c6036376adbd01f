import { useQuery } from '../../api/use-api';
import { ErrorNotice, Loading, StatusBadge } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDate } from '../../format';
import { WebDonationsDocument } from '../../generated/graphql';
import { Link } from '../../router';

/** The donations of the caller's organization (a coordinator: of the region), newest first. */
export function DonationsPage() {
  const { data, error, loading } = useQuery(WebDonationsDocument, { first: 100 });
  const donations = data?.donations.edges.map((edge) => edge.node) ?? [];
  return (
    <Page
      title="Mes dons"
      actions={
        <Link to="/dons/nouveau" className="button">
          Déclarer un don
        </Link>
      }
    >
      <ErrorNotice error={error} />
      {loading && <Loading />}
      {data && donations.length === 0 && <p>Aucun don pour l’instant.</p>}
      {donations.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>{data?.donations.totalCount} dons</caption>
            <thead>
              <tr>
                <th scope="col">Référence</th>
                <th scope="col">État</th>
                <th scope="col" className="num">
                  Appareils
                </th>
                <th scope="col" className="num">
                  Reçus par l’atelier
                </th>
                <th scope="col" className="num">
                  En attente d’atelier
                </th>
                <th scope="col">Disponible le</th>
              </tr>
            </thead>
            <tbody>
              {donations.map((donation) => (
                <tr key={donation.id}>
                  <th scope="row">
                    <Link to={`/dons/${donation.id}`}>{donation.reference}</Link>
                  </th>
                  <td>
                    <StatusBadge value={donation.status} />
                  </td>
                  <td className="num">{donation.quantity}</td>
                  <td className="num">{donation.receivedQuantity}</td>
                  <td className="num">{donation.unroutedQuantity}</td>
                  <td>{formatDate(donation.availableFrom)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
