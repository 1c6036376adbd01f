import { useQuery } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/notices';
import { Page } from '../../components/page';
import { WebJobsOverviewDocument } from '../../generated/graphql';
import { formatDateTime, formatDuration, formatNumber } from '../../format';
import { Figures } from '../../components/figures';

/** The path of the queue board the API serves (Bull Board, after its own login): a full page, not a console route. */
export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * The platform's background work for the administrator: whether Redis answers, what waits in the
 * outbox and for how long, each queue's jobs, the last failures; the queue board to act on them.
 */
export function JobsPage() {
  const { data, error, loading, reload } = useQuery(WebJobsOverviewDocument, {});
  const jobs = data?.jobs;
  return (
    <Page
      title="Tâches de fond"
      actions={
        <button type="button" className="secondary" onClick={reload} disabled={loading}>
          Actualiser
        </button>
      }
    >
      <ErrorNotice error={error} />
      {loading && !data && <Loading what="Lecture des files" />}
      {jobs && (
        <>
          {!jobs.redisUp && (
            <div className="notice notice-error" role="alert">
              <p>Redis ne répond pas : les tâches attendent dans la boîte d’envoi et partiront à son retour.</p>
            </div>
          )}
          <Figures
            items={[
              ['Redis', jobs.redisUp ? 'Disponible' : 'Injoignable'],
              ['En attente d’envoi', formatNumber(jobs.outboxPending)],
              ['Retard de la boîte d’envoi', formatDuration(jobs.outboxLagSeconds)],
            ]}
          />
          {jobs.queues.length > 0 && (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption>Files de tâches</caption>
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col" className="num">
                      En attente
                    </th>
                    <th scope="col" className="num">
                      En cours
                    </th>
                    <th scope="col" className="num">
                      Différées
                    </th>
                    <th scope="col" className="num">
                      Terminées
                    </th>
                    <th scope="col" className="num">
                      En échec
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {jobs.queues.map((queue) => (
                    <tr key={queue.name}>
                      <th scope="row">{queue.name}</th>
                      <td className="num">{formatNumber(queue.waiting)}</td>
                      <td className="num">{formatNumber(queue.active)}</td>
                      <td className="num">{formatNumber(queue.delayed)}</td>
                      <td className="num">{formatNumber(queue.completed)}</td>
                      <td className="num">{formatNumber(queue.failed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>Derniers échecs</h2>
          {jobs.recentFailures.length === 0 ? (
            <p>Aucune tâche en échec.</p>
          ) : (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption>Les tâches en échec, les plus récentes d’abord</caption>
                <thead>
                  <tr>
                    <th scope="col">Tâche</th>
                    <th scope="col">File</th>
                    <th scope="col">Échouée le</th>
                    <th scope="col" className="num">
                      Essais
                    </th>
                    <th scope="col">Raison</th>
                  </tr>
                </thead>
                <tbody>
                  {jobs.recentFailures.map((failure) => (
                    <tr key={`${failure.queue}-${failure.id}`}>
                      <th scope="row">
                        {failure.name} <span className="hint">#{failure.id}</span>
                      </th>
                      <td>{failure.queue}</td>
                      <td>{formatDateTime(failure.failedAt)}</td>
                      <td className="num">{failure.attempts}</td>
                      <td>{failure.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <p>
        Pour relancer, nettoyer ou lire le détail d’une tâche : <a href={QUEUE_BOARD_PATH}>le tableau des files (Bull Board)</a>, avec son propre écran de
        connexion.
      </p>
    </Page>
  );
}
