import { useQuery } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/notices';
import { formatDate } from '../../format';
import { WebPeopleLoansDocument } from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';

/**
 * Loans of the devices the workshop delivered: those given back (on the bench again, to be erased
 * before grading, since the borrower's data may be on them) and those still out, due back to it.
 */
export function ReturnedLoansPanel() {
  const { data, error, loading } = useQuery(WebPeopleLoansDocument, { overdueOnly: null, first: 100 });
  const loans = data?.loans.edges.map((edge) => edge.node) ?? [];
  const returned = loans.filter((loan) => loan.status === 'RETURNED');
  const out = loans.filter((loan) => loan.status === 'ACTIVE');
  return (
    <section className="panel" aria-labelledby="returned-loans">
      <h2 id="returned-loans">Prêts rendus</h2>
      <ErrorNotice error={error} />
      {loading && !data && <Loading what="Chargement des prêts" />}
      {data && (
        <p>
          {out.length} appareil{out.length > 1 ? 's' : ''} prêté{out.length > 1 ? 's' : ''} encore chez les personnes, dont{' '}
          {out.filter((loan) => loan.overdue).length} en retard.
        </p>
      )}
      {data && returned.length === 0 && <p>Aucun appareil prêté n’est revenu.</p>}
      {returned.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>Appareils prêtés revenus : à effacer à nouveau avant le contrôle</caption>
            <thead>
              <tr>
                <th scope="col">Numéro de série</th>
                <th scope="col">Appareil</th>
                <th scope="col">Partenaire</th>
                <th scope="col">Rendu le</th>
                <th scope="col">Rendu à</th>
              </tr>
            </thead>
            <tbody>
              {returned.map((loan) => (
                <tr key={loan.id}>
                  <th scope="row">{loan.device?.serialNumber ?? '—'}</th>
                  <td>{loan.device ? [label(CATEGORY, loan.device.category), loan.device.brand, loan.device.model].filter(Boolean).join(' ') : '—'}</td>
                  <td>{loan.partner?.name ?? '—'}</td>
                  <td>{formatDate(loan.endedAt)}</td>
                  <td>{loan.returnedTo?.name ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
