import { useState } from 'react';
import { useQuery } from '../../api/use-api';
import { SelectField } from '../../components/field';
import { ErrorNotice, Loading } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDateTime, formatNumber } from '../../format';
import { WebDonorImpactDocument } from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';
import { Figures } from '../../components/figures';

/** A civil year in France, as the attestation counts it. */
function yearBounds(year: number): { from: string; to: string } {
  const start = (y: number) => new Date(`${y}-01-01T00:00:00+01:00`).toISOString();
  return { from: start(year), to: start(year + 1) };
}

/** The donor's impact over a year: the figures, the signed links to the PDF attestation and the per-device CSV. */
export function ImpactPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const { data, error, loading } = useQuery(WebDonorImpactDocument, yearBounds(year));
  const report = data?.donorImpactReport;
  const years = [thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => ({ value: String(y), label: String(y) }));
  return (
    <Page title="Rapport d’impact">
      <SelectField label="Année" value={String(year)} options={years} onChange={(e) => setYear(Number(e.target.value))} />
      <ErrorNotice error={error} />
      {loading && <Loading />}
      {report && (
        <>
          <div className="actions">
            <a className="button" href={report.pdfUrl} download>
              Télécharger l’attestation (PDF)
            </a>
            <a className="button secondary" href={report.csvUrl} download>
              Télécharger le détail par appareil (CSV)
            </a>
          </div>
          <p className="hint">
            Liens valables jusqu’au {formatDateTime(report.linksExpireAt)}. Code de vérification de l’attestation : <strong>{report.verificationCode}</strong>.
          </p>
          <Figures
            items={[
              ['Appareils déclarés', report.devicesDeclared],
              ['Reçus par les ateliers', report.devicesReceived],
              ['Remis à des personnes', report.devicesReused],
              ['Reconditionnés, en attente de bénéficiaire', report.devicesAwaitingBeneficiary],
              ['Recyclés', report.devicesRecycled],
              ['Personnes équipées', report.peopleEquipped],
              ['Certificats d’effacement', report.erasureCertificates],
              ['CO2e évité (kg)', formatNumber(report.co2eAvoidedKg)],
            ]}
          />
          {report.byCategory.length > 0 && (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption>Par catégorie</caption>
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
                      CO2e évité (kg)
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
                      <td className="num">{formatNumber(row.co2eAvoidedKg)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
