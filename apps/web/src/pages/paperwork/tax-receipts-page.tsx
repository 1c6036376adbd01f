import { FormEvent, useState } from 'react';
import type { Session } from '../../api/session';
import { useMutation, useQuery } from '../../api/use-api';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDate, formatEuros, parseEuros } from '../../format';
import { WebIssueTaxReceiptDocument, WebReceivedDonationsDocument, WebTaxReceiptEligibilityDocument, WebTaxReceiptsDocument } from '../../generated/graphql';

const PAGE_SIZE = 20;
/** Lots whose devices the workshop registered: their donations are the ones it may issue a receipt for. */
const RECEIVED = new Set(['RECEIVED', 'CLOSED']);

function IssueTaxReceiptForm({ session, issuedFor, onDone }: { session: Session; issuedFor: Set<string>; onDone: (message: string) => void }) {
  const organizationId = session.user.organization?.id ?? '';
  const eligibility = useQuery(WebTaxReceiptEligibilityDocument, { organizationId }, !organizationId);
  const lots = useQuery(WebReceivedDonationsDocument, { first: 100 });
  const issue = useMutation(WebIssueTaxReceiptDocument);
  const [donationId, setDonationId] = useState('');
  const [euros, setEuros] = useState('');
  const [typo, setTypo] = useState<string | null>(null);

  const donations = new Map<string, string>();
  for (const { node: lot } of lots.data?.lots.edges ?? []) {
    if (RECEIVED.has(lot.status) && !issuedFor.has(lot.donation.id)) donations.set(lot.donation.id, `${lot.donation.reference} — ${lot.donation.donor.name}`);
  }
  const chosen = donations.has(donationId) ? donationId : (donations.keys().next().value ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const valuationCents = parseEuros(euros);
    if (valuationCents === null || valuationCents === 0) {
      setTypo(`« ${euros} » n’est pas une valorisation : tapez un montant en euros supérieur à 0, par exemple 450 ou 450,50.`);
      return;
    }
    setTypo(null);
    const done = await issue.run({ input: { donationId: chosen, valuationCents } });
    if (done) {
      setEuros('');
      onDone(`Reçu fiscal ${done.issueTaxReceipt.number} délivré pour ${formatEuros(valuationCents)}.`);
    }
  };

  if (eligibility.data?.organization && !eligibility.data.organization.taxReceiptEligible) {
    return (
      <section className="panel" aria-labelledby="issue-title">
        <h2 id="issue-title">Délivrer un reçu fiscal</h2>
        <p>
          Votre atelier n’est pas enregistré comme pouvant délivrer des reçus fiscaux (organisme d’intérêt général, article 238 bis du CGI) : demandez à la
          coordination de la région de vérifier son éligibilité.
        </p>
      </section>
    );
  }
  return (
    <form onSubmit={submit} className="panel" aria-labelledby="issue-title" noValidate>
      <h2 id="issue-title">Délivrer un reçu fiscal</h2>
      <ErrorNotice error={eligibility.error ?? lots.error ?? issue.error} />
      {typo && (
        <div className="notice notice-error" role="alert">
          <p>{typo}</p>
        </div>
      )}
      {(lots.loading || eligibility.loading) && !lots.data && <Loading />}
      {lots.data && donations.size === 0 && <p>Aucun don reçu sans reçu fiscal : un reçu se délivre pour un don dont vous avez réceptionné les appareils.</p>}
      {donations.size > 0 && (
        <>
          <div className="grid">
            <SelectField
              label="Don reçu"
              value={chosen}
              options={[...donations].map(([value, text]) => ({ value, label: text }))}
              onChange={(e) => setDonationId(e.target.value)}
            />
            <TextField
              label="Valorisation du don (€)"
              inputMode="decimal"
              autoComplete="off"
              required
              maxLength={14}
              value={euros}
              onChange={(e) => setEuros(e.target.value)}
              hint="La valeur convenue avec l’entreprise donatrice : c’est à elle de valoriser son don en nature, le reçu le précise."
            />
          </div>
          <button type="submit" disabled={issue.running}>
            Délivrer le reçu
          </button>
        </>
      )}
    </form>
  );
}

/**
 * Reçus fiscaux: a donor reads the receipts it was given, a workshop those it issued and issues one
 * for a donation it received (when the coordinator recorded it eligible); each with its PDF.
 */
export function TaxReceiptsPage({ session }: { session: Session }) {
  const refurbisher = session.user.role === 'REFURBISHER';
  const [after, setAfter] = useState<string[]>([]);
  const { data, error, loading, reload } = useQuery(WebTaxReceiptsDocument, { first: PAGE_SIZE, after: after.at(-1) ?? null });
  const [done, setDone] = useState<string | null>(null);
  const receipts = data?.taxReceipts.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title="Reçus fiscaux">
      <SuccessNotice>{done}</SuccessNotice>
      {refurbisher && (
        <IssueTaxReceiptForm
          session={session}
          issuedFor={new Set(receipts.map((r) => r.donationId))}
          onDone={(message) => {
            setDone(message);
            setAfter([]);
            reload();
          }}
        />
      )}
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && receipts.length === 0 && (
        <p>
          {refurbisher
            ? 'Aucun reçu fiscal délivré pour l’instant.'
            : 'Aucun reçu fiscal pour vos dons pour l’instant : l’atelier qui reçoit vos appareils le délivre.'}
        </p>
      )}
      {receipts.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>{data?.taxReceipts.totalCount} reçus fiscaux</caption>
            <thead>
              <tr>
                <th scope="col">Numéro</th>
                <th scope="col">Don</th>
                <th scope="col">{refurbisher ? 'Donateur' : 'Délivré par'}</th>
                <th scope="col">Date du don</th>
                <th scope="col">Nature</th>
                <th scope="col" className="num">
                  Valorisation
                </th>
                <th scope="col">PDF</th>
              </tr>
            </thead>
            <tbody>
              {receipts.map((receipt) => (
                <tr key={receipt.id}>
                  <th scope="row">{receipt.number}</th>
                  <td>{receipt.donationReference}</td>
                  <td>{refurbisher ? receipt.donorName : receipt.refurbisherName}</td>
                  <td>{formatDate(receipt.giftDate)}</td>
                  <td>{receipt.goodsDescription}</td>
                  <td className="num">{formatEuros(receipt.valuationCents)}</td>
                  <td>
                    <a href={receipt.pdfUrl} target="_blank" rel="noreferrer">
                      Ouvrir le reçu {receipt.number} (PDF)
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        {after.length > 0 && (
          <button type="button" className="secondary" onClick={() => setAfter((all) => all.slice(0, -1))}>
            Page précédente
          </button>
        )}
        {data?.taxReceipts.pageInfo.hasNextPage && data.taxReceipts.pageInfo.endCursor && (
          <button type="button" className="secondary" onClick={() => setAfter((all) => [...all, data.taxReceipts.pageInfo.endCursor!])}>
            Page suivante
          </button>
        )}
      </div>
    </Page>
  );
}
