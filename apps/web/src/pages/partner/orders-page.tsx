import { useState } from 'react';
import { useLiveEvent } from '../../api/live';
import { useQuery } from '../../api/use-api';
import { LiveHint, orderUpdateHint } from '../../components/live';
import { ErrorNotice, Loading, StatusBadge } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDate } from '../../format';
import { WebOrderUpdatedDocument, WebOrdersDocument } from '../../generated/graphql';
import { Link } from '../../router';

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

export function OrdersPage() {
  const { data, error, loading, reload } = useQuery(WebOrdersDocument, { first: 100 });
  const [hint, setHint] = useState<string | null>(null);
  useLiveEvent(WebOrderUpdatedDocument, (event) => {
    reload();
    setHint(event ? orderUpdateHint(event.orderUpdated) : 'Mise à jour : commandes relues après une reconnexion.');
  });
  const orders = data?.orders.edges.map((edge) => edge.node) ?? [];
  return (
    <Page
      title="Mes commandes"
      actions={
        <Link to="/commandes/nouvelle" className="button">
          Commander
        </Link>
      }
    >
      <LiveHint>{hint}</LiveHint>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && orders.length === 0 && <p>Aucune commande pour l’instant.</p>}
      {orders.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>{data?.orders.totalCount} commandes</caption>
            <thead>
              <tr>
                <th scope="col">Référence</th>
                <th scope="col">État</th>
                <th scope="col" className="num">
                  Demandés
                </th>
                <th scope="col" className="num">
                  Attribués
                </th>
                <th scope="col" className="num">
                  Expédiés
                </th>
                <th scope="col" className="num">
                  Livrés
                </th>
                <th scope="col">Passée le</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr key={order.id}>
                  <th scope="row">
                    <Link to={`/commandes/${order.id}`}>{order.reference}</Link>
                  </th>
                  <td>
                    <StatusBadge value={order.status} />
                  </td>
                  <td className="num">{sum(order.lines.map((l) => l.quantity))}</td>
                  <td className="num">{sum(order.lines.map((l) => l.allocatedQuantity))}</td>
                  <td className="num">{sum(order.lines.map((l) => l.shippedQuantity))}</td>
                  <td className="num">{sum(order.lines.map((l) => l.deliveredQuantity))}</td>
                  <td>{formatDate(order.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
