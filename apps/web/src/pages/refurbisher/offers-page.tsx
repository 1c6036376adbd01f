import { FormEvent, useState } from 'react';
import { useLiveEvent } from '../../api/live';
import { useMutation, useQuery } from '../../api/use-api';
import { TextArea } from '../../components/field';
import { LiveHint } from '../../components/live';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDateTime, formatNumber } from '../../format';
import { WebClaimLotDocument, WebDeclineLotDocument, WebLotsDocument, WebOfferMadeDocument } from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';
import { Link } from '../../router';

/** The lots offered to the workshop: how far, how many, until when; claim or decline with a reason. */
export function OffersPage() {
  const { data, error, loading, reload } = useQuery(WebLotsDocument, { status: 'OFFERED', first: 100 });
  const claim = useMutation(WebClaimLotDocument);
  const decline = useMutation(WebDeclineLotDocument);
  const [declining, setDeclining] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const lots = data?.lots.edges.map((edge) => edge.node) ?? [];
  const [hint, setHint] = useState<string | null>(null);
  // a lot offered to the workshop appears without a reload
  useLiveEvent(WebOfferMadeDocument, (event) => {
    reload();
    setHint(
      event
        ? `Mise à jour : nouvelle offre${event.offerMade.reference ? `, lot ${event.offerMade.reference}` : ''}.`
        : 'Mise à jour : offres relues après une reconnexion.',
    );
  });

  const accept = async (id: string, reference: string) => {
    setDone(null);
    decline.reset();
    if (await claim.run({ lotId: id })) {
      setDone(`Lot ${reference} accepté : planifiez son enlèvement dans « Enlèvements et réception ».`);
      reload();
    }
  };

  const refuse = async (event: FormEvent, id: string, reference: string) => {
    event.preventDefault();
    setDone(null);
    claim.reset();
    if (await decline.run({ lotId: id, reason: reason.trim() })) {
      setDone(`Lot ${reference} refusé : il sera proposé à un autre atelier.`);
      setDeclining(null);
      setReason('');
      reload();
    }
  };

  return (
    <Page title="Offres">
      <LiveHint>{hint}</LiveHint>
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error ?? claim.error ?? decline.error} />
      {loading && !data && <Loading />}
      {data && lots.length === 0 && (
        <p>
          Aucune offre en attente. Les lots que vous avez acceptés sont dans <Link to="/lots">Enlèvements et réception</Link>.
        </p>
      )}
      <ul className="cards">
        {lots.map((lot) => (
          <li key={lot.id} className="card">
            <h2>Lot {lot.reference}</h2>
            <p>
              {lot.donation.donor.name} — {lot.donation.pickupAddress.postalCode} {lot.donation.pickupAddress.city}, à {formatNumber(lot.distanceKm)} km
            </p>
            <p>{lot.items.map((item) => `${item.quantity} × ${label(CATEGORY, item.category)}`).join(', ')}</p>
            <p>
              Disponible à partir du {formatDateTime(lot.donation.availableFrom)}.
              <br />
              <strong>Répondre avant le {formatDateTime(lot.offerExpiresAt)}.</strong>
            </p>
            <div className="actions">
              <button type="button" onClick={() => accept(lot.id, lot.reference)} disabled={claim.running}>
                Accepter le lot {lot.reference}
              </button>
              <button
                type="button"
                className="secondary"
                aria-expanded={declining === lot.id}
                onClick={() => setDeclining(declining === lot.id ? null : lot.id)}
              >
                Refuser…
              </button>
            </div>
            {declining === lot.id && (
              <form onSubmit={(e) => refuse(e, lot.id, lot.reference)}>
                <TextArea label="Raison du refus" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
                <button type="submit" className="danger" disabled={decline.running}>
                  Refuser le lot {lot.reference}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
