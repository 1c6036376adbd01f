import { useQuery } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/notices';
import { formatDateTime } from '../../format';
import { WebDonationAgreementsDocument } from '../../generated/graphql';

/**
 * The donation's agreements (conventions de don), one per workshop that accepted a lot of it, each
 * a PDF behind a signed link. Before any workshop accepted one there is none yet: said plainly, not
 * as a refusal.
 */
export function DonationAgreements({ donationId }: { donationId: string }) {
  const { data, error, loading } = useQuery(WebDonationAgreementsDocument, { donationId });
  const agreements = data?.donationAgreement ?? [];
  const notReady = error?.reason === 'AGREEMENT_NOT_READY';
  return (
    <section className="panel" aria-labelledby={`agreements-${donationId}`}>
      <h2 id={`agreements-${donationId}`}>Conventions de don</h2>
      {notReady ? <p>{error.message}</p> : <ErrorNotice error={error} />}
      {loading && !data && <Loading what="Chargement des conventions" />}
      {data && agreements.length === 0 && <p>Aucune convention pour l’instant : elle est prête dès qu’un atelier accepte un lot de ce don.</p>}
      {agreements.length > 0 && (
        <>
          <ul>
            {agreements.map((agreement) => (
              <li key={agreement.reference}>
                <a href={agreement.pdfUrl} target="_blank" rel="noreferrer">
                  Convention {agreement.reference} avec {agreement.refurbisherName} (PDF)
                </a>
              </li>
            ))}
          </ul>
          <p className="hint">
            Liens valables jusqu’au {formatDateTime(agreements[0].linkExpiresAt)} ; la convention reprend les numéros de série et les certificats d’effacement
            enregistrés au moment où vous l’ouvrez.
          </p>
        </>
      )}
    </section>
  );
}
