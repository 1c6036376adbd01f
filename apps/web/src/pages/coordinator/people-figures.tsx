import { useQuery } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/notices';
import { formatNumber } from '../../format';
import { WebPeopleDashboardDocument } from '../../generated/graphql';
import { CATEGORY, label, PROFILE } from '../../labels';

/**
 * The dashboard's people figures: open needs against supply, people equipped and accompanied over
 * the period, repair tickets and their turnaround, loans out now. Read apart from the flows so the
 * page's own query stays as it was.
 */
export function PeopleFigures({ regionId, from, to }: { regionId: string; from: string; to: string }) {
  const { data, error, loading } = useQuery(WebPeopleDashboardDocument, { regionId, from, to }, !regionId);
  const d = data?.regionDashboard;
  return (
    <section aria-labelledby="people-figures">
      <h2 id="people-figures">Personnes équipées</h2>
      <ErrorNotice error={error} />
      {loading && !data && <Loading what="Chargement des chiffres des personnes" />}
      {d && (
        <>
          <dl className="figures">
            <div>
              <dt>Personnes équipées</dt>
              <dd>{d.people.peopleEquipped}</dd>
            </div>
            <div>
              <dt>Personnes accompagnées</dt>
              <dd>{d.people.peopleAccompanied}</dd>
            </div>
            <div>
              <dt>Équipées et accompagnées</dt>
              <dd>{d.people.peopleEquippedAndAccompanied}</dd>
            </div>
            <div>
              <dt>Séances d’accompagnement</dt>
              <dd>
                {d.people.accompanimentSessions} ({formatNumber(d.people.accompanimentMinutes / 60)} h)
              </dd>
            </div>
            <div>
              <dt>Besoins enregistrés</dt>
              <dd>{d.people.needsRecorded}</dd>
            </div>
            <div>
              <dt>Besoins servis</dt>
              <dd>{d.people.needsServed}</dd>
            </div>
            <div>
              <dt>Prêts en cours</dt>
              <dd>{d.loans.active}</dd>
            </div>
            <div>
              <dt>Prêts en retard</dt>
              <dd>{d.loans.overdue}</dd>
            </div>
          </dl>
          <h3>Demande et offre</h3>
          {d.needsDemand.length === 0 ? (
            <p>Aucun besoin ouvert.</p>
          ) : (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption>Besoins ouverts par profil et appareil</caption>
                <thead>
                  <tr>
                    <th scope="col">Profil</th>
                    <th scope="col">Appareil</th>
                    <th scope="col" className="num">
                      En attente
                    </th>
                    <th scope="col" className="num">
                      Commandés
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.needsDemand.map((row) => (
                    <tr key={`${row.profile}-${row.category}`}>
                      <th scope="row">{label(PROFILE, row.profile)}</th>
                      <td>{label(CATEGORY, row.category)}</td>
                      <td className="num">{row.waiting}</td>
                      <td className="num">{row.ordered}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {d.needsSupply.length > 0 && (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption>Besoins en attente face au stock, par appareil</caption>
                <thead>
                  <tr>
                    <th scope="col">Appareil</th>
                    <th scope="col" className="num">
                      En attente
                    </th>
                    <th scope="col" className="num">
                      Disponibles
                    </th>
                    <th scope="col" className="num">
                      Commandés sans appareil
                    </th>
                    <th scope="col" className="num">
                      Entrés en stock (90 j)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.needsSupply.map((row) => (
                    <tr key={row.category}>
                      <th scope="row">{label(CATEGORY, row.category)}</th>
                      <td className="num">{row.waiting}</td>
                      <td className="num">{row.availableNow}</td>
                      <td className="num">{row.orderedUnfilled}</td>
                      <td className="num">{row.stockedLast90Days}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>Réparations</h3>
          <p>
            {d.repairTickets.opened} demande{d.repairTickets.opened > 1 ? 's' : ''} ouverte{d.repairTickets.opened > 1 ? 's' : ''} sur la période (dont{' '}
            {d.repairTickets.underWarranty} sous garantie), {d.repairTickets.resolved} résolue{d.repairTickets.resolved > 1 ? 's' : ''} :{' '}
            {d.repairTickets.repaired} réparée{d.repairTickets.repaired > 1 ? 's' : ''}, {d.repairTickets.replaced} par échange, {d.repairTickets.closed} close
            {d.repairTickets.closed > 1 ? 's' : ''} sans intervention. Délai médian : {formatNumber(d.repairTickets.medianTurnaroundHours)} h. En cours
            aujourd’hui : {d.repairTickets.openNow}.
          </p>
        </>
      )}
    </section>
  );
}
