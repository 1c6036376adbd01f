import { useState } from 'react';
import { useMutation, useQuery } from '../../api/use-api';
import { ErrorNotice, Loading, StatusBadge, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDate, formatDateTime } from '../../format';
import { type WebDonationQuery, WebCancelDonationDocument, WebDonationDocument } from '../../generated/graphql';
import { CATEGORY, ERASURE_METHOD, label, PICKUP_CHANGE, UNROUTED_REASON } from '../../labels';
import { AssignLotForm } from '../coordinator/assign-lot-form';
import { DonationAgreements } from './donation-agreements';

type Lot = NonNullable<WebDonationQuery['donation']>['lots'][number];

function LotSection({ lot }: { lot: Lot }) {
  const pickup = lot.pickup;
  return (
    <section className="panel" aria-labelledby={`lot-${lot.id}`}>
      <h3 id={`lot-${lot.id}`}>
        Lot {lot.reference} — {lot.refurbisher.name} <StatusBadge value={lot.status} />
      </h3>
      <p>{lot.items.map((item) => `${item.quantity} × ${label(CATEGORY, item.category)}`).join(', ')}</p>
      {pickup ? (
        <>
          <p>
            Enlèvement : <StatusBadge value={pickup.status} /> le {formatDateTime(pickup.scheduledAt)}
            {pickup.collectedQuantity != null && <> — {pickup.collectedQuantity} appareils collectés</>}
            {pickup.shortfall ? <> ({pickup.shortfall} de moins que déclaré)</> : null}
          </p>
          {pickup.history.length > 0 && (
            <details>
              <summary>Historique de l’enlèvement</summary>
              <ol>
                {pickup.history.map((change, index) => (
                  <li key={index}>
                    {formatDateTime(change.createdAt)} : {label(PICKUP_CHANGE, change.kind)}
                    {change.toScheduledAt && <> pour le {formatDateTime(change.toScheduledAt)}</>}
                    {change.fromScheduledAt && change.kind === 'RESCHEDULED' && <> (au lieu du {formatDateTime(change.fromScheduledAt)})</>}
                    {change.reason && <> — « {change.reason} »</>}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </>
      ) : (
        <p>Pas encore d’enlèvement planifié.</p>
      )}
      {lot.devices.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>Appareils reçus ({lot.devices.length})</caption>
            <thead>
              <tr>
                <th scope="col">Numéro de série</th>
                <th scope="col">Appareil</th>
                <th scope="col">État</th>
                <th scope="col">Effacement des données</th>
              </tr>
            </thead>
            <tbody>
              {lot.devices.map((device) => (
                <tr key={device.id}>
                  <th scope="row">{device.serialNumber}</th>
                  <td>{[label(CATEGORY, device.category), device.brand, device.model].filter(Boolean).join(' ')}</td>
                  <td>
                    <StatusBadge value={device.status} />
                    {device.grade && <> grade {device.grade}</>}
                  </td>
                  <td>
                    {device.erasure
                      ? `Certificat ${device.erasure.certificateNumber} (${label(ERASURE_METHOD, device.erasure.method)}, ${formatDate(device.erasure.performedAt)})`
                      : device.erased
                        ? 'Effacé'
                        : 'À venir'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One donation, followed: its lines, where its devices went (lots, pickups and their history), each device. */
export function DonationPage({ id, staff = false }: { id: string; staff?: boolean }) {
  const { data, error, loading, reload } = useQuery(WebDonationDocument, { id });
  const cancel = useMutation(WebCancelDonationDocument);
  const [done, setDone] = useState<string | null>(
    new URLSearchParams(window.location.search).has('declare') ? 'Don déclaré : il sera orienté vers un atelier dans quelques instants.' : null,
  );
  const donation = data?.donation;

  const cancelDonation = async () => {
    if (!window.confirm('Annuler ce don ? Les ateliers ne viendront pas l’enlever.')) return;
    if (await cancel.run({ id })) {
      setDone('Don annulé.');
      reload();
    }
  };

  return (
    <Page title={donation ? `Don ${donation.reference}` : 'Don'}>
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error ?? cancel.error} />
      {loading && !data && <Loading />}
      {data && !donation && <p>Ce don n’existe pas, ou vous n’y avez pas accès.</p>}
      {donation && (
        <>
          <dl className="figures">
            <div>
              <dt>État</dt>
              <dd>
                <StatusBadge value={donation.status} />
              </dd>
            </div>
            <div>
              <dt>Appareils déclarés</dt>
              <dd>{donation.quantity}</dd>
            </div>
            <div>
              <dt>Reçus par les ateliers</dt>
              <dd>{donation.receivedQuantity}</dd>
            </div>
            <div>
              <dt>En attente d’atelier</dt>
              <dd>{donation.unroutedQuantity}</dd>
            </div>
          </dl>
          <p>
            Enlèvement à {[donation.pickupAddress.street, `${donation.pickupAddress.postalCode} ${donation.pickupAddress.city}`].filter(Boolean).join(', ')}, à
            partir du {formatDateTime(donation.availableFrom)}.
            {donation.countDifference != null && donation.countDifference !== 0 && (
              <> Écart entre reçu et déclaré : {donation.countDifference > 0 ? `+${donation.countDifference}` : donation.countDifference}.</>
            )}
          </p>
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption>Lignes déclarées</caption>
              <thead>
                <tr>
                  <th scope="col">Catégorie</th>
                  <th scope="col" className="num">
                    Quantité
                  </th>
                  <th scope="col">Marque et modèle</th>
                  <th scope="col">Année</th>
                  <th scope="col">Données</th>
                </tr>
              </thead>
              <tbody>
                {donation.lines.map((line, index) => (
                  <tr key={index}>
                    <th scope="row">{label(CATEGORY, line.category)}</th>
                    <td className="num">{line.quantity}</td>
                    <td>{[line.brand, line.model].filter(Boolean).join(' ') || '—'}</td>
                    <td>{line.year ?? '—'}</td>
                    <td>{line.dataBearing ? 'à effacer' : 'aucune'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {donation.unrouted.length > 0 && (
            <section className="panel">
              <h2>En attente d’un atelier</h2>
              <ul>
                {donation.unrouted.map((u, index) => (
                  <li key={index}>
                    {u.quantity} × {label(CATEGORY, u.category)} : {label(UNROUTED_REASON, u.reason)}
                    {staff && (
                      <AssignLotForm
                        donationId={donation.id}
                        category={u.category}
                        quantity={u.quantity}
                        onDone={(message) => {
                          setDone(message);
                          reload();
                        }}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <DonationAgreements key={donation.lots.map((lot) => lot.status).join()} donationId={donation.id} />
          <h2>Lots et enlèvements</h2>
          {donation.lots.length === 0 && <p>Aucun lot pour l’instant : le don attend d’être orienté vers un atelier.</p>}
          {donation.lots.map((lot) => (
            <LotSection key={lot.id} lot={lot} />
          ))}
          {(donation.status === 'DECLARED' || donation.status === 'ROUTED') && (
            <button type="button" className="danger" onClick={cancelDonation} disabled={cancel.running}>
              Annuler ce don
            </button>
          )}
        </>
      )}
    </Page>
  );
}
