import { useState } from 'react';
import type { Session } from '../../api/session';
import { useQuery } from '../../api/use-api';
import { SelectField } from '../../components/field';
import { ErrorNotice, Loading } from '../../components/notices';
import { Page } from '../../components/page';
import { formatNumber } from '../../format';
import { WebPublicBodyDocument, WebPublicReuseReportDocument } from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';
import { Figures } from '../../components/figures';

const share = (percent: number | null | undefined): string => (percent == null ? '—' : `${formatNumber(percent)} %`);

function verdict(reaches: boolean | null | undefined): string {
  if (reaches == null) return 'pas encore mesurable';
  return reaches ? 'objectif atteint' : 'objectif non atteint';
}

function Report({ donorId, year }: { donorId: string; year: number }) {
  const { data, error, loading } = useQuery(WebPublicReuseReportDocument, { donorId, year });
  const report = data?.publicReuseReport;
  return (
    <>
      <ErrorNotice error={error} />
      {loading && <Loading />}
      {report && !loading && (
        <>
          <section className="panel" aria-labelledby="target-title">
            <h2 id="target-title">
              Part réemployée en {report.year} : {share(report.reuseSharePercent)}
            </h2>
            <p>
              Objectif de l’année : {report.targetPercent == null ? 'aucun (avant 2023)' : `${formatNumber(report.targetPercent)} %`} —{' '}
              <strong>{verdict(report.shareReachesTarget)}</strong>.
            </p>
            <p className="hint">Source de l’objectif : {report.targetSource}</p>
          </section>
          <Figures
            items={[
              ['Appareils déclarés', report.declared],
              ['Reçus par les ateliers', report.received],
              ['Remis à des personnes', report.reused],
              ['Reconditionnés, en attente de bénéficiaire', report.awaitingBeneficiary],
              ['Recyclés', report.recycled],
              ['Encore à l’atelier', report.pending],
              ['Manquants', report.missing],
            ]}
          />
          {report.byCategory.length > 0 && (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption>Par catégorie, dons déclarés en {report.year}</caption>
                <thead>
                  <tr>
                    <th scope="col">Catégorie</th>
                    <th scope="col" className="num">
                      Déclarés
                    </th>
                    <th scope="col" className="num">
                      Reçus
                    </th>
                    <th scope="col" className="num">
                      Remis
                    </th>
                    <th scope="col" className="num">
                      En attente
                    </th>
                    <th scope="col" className="num">
                      Recyclés
                    </th>
                    <th scope="col" className="num">
                      À l’atelier
                    </th>
                    <th scope="col" className="num">
                      Part réemployée
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.byCategory.map((row) => (
                    <tr key={row.category}>
                      <th scope="row">{label(CATEGORY, row.category)}</th>
                      <td className="num">{row.declared}</td>
                      <td className="num">{row.received}</td>
                      <td className="num">{row.reused}</td>
                      <td className="num">{row.awaitingBeneficiary}</td>
                      <td className="num">{row.recycled}</td>
                      <td className="num">{row.pending}</td>
                      <td className="num">{share(row.reuseSharePercent)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <section className="panel" aria-labelledby="method-title">
            <h2 id="method-title">Ce que mesurent ces chiffres</h2>
            <p>{report.method}</p>
          </section>
        </>
      )}
    </>
  );
}

/**
 * Rapport de réemploi: a public body's devices given to the network in a year, their reuse share
 * and the decree's target of that year, as the API computes them.
 */
export function PublicReuseReportPage({ session }: { session: Session }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const donorId = session.user.organization?.id ?? '';
  const body = useQuery(WebPublicBodyDocument, { organizationId: donorId }, !donorId);
  const publicBody = body.data?.organization?.publicBody;
  const years = [0, 1, 2, 3].map((back) => ({ value: String(thisYear - back), label: String(thisYear - back) }));
  return (
    <Page title="Rapport de réemploi">
      <ErrorNotice error={body.error} />
      {body.loading && <Loading />}
      {body.data && !publicBody && (
        <p>
          Ce rapport concerne les organismes publics (État, collectivités) et leurs objectifs de réemploi du matériel informatique réformé. Votre organisation
          n’est pas enregistrée comme organisme public : si elle en est un, demandez à la coordination de la région de l’indiquer.
        </p>
      )}
      {publicBody && (
        <>
          <SelectField label="Année des dons" value={String(year)} options={years} onChange={(e) => setYear(Number(e.target.value))} />
          <Report donorId={donorId} year={year} />
        </>
      )}
    </Page>
  );
}
