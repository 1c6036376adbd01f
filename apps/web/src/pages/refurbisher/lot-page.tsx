import { useState } from 'react';
import { useQuery } from '../../api/use-api';
import { ErrorNotice, Loading, StatusBadge, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDateTime, formatNumber } from '../../format';
import { WebLotDocument } from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';
import { IntakePanel } from './intake-panel';
import { PickupPanel } from './pickup-panel';

/** One accepted lot: where and whom to collect from, its pickup, then its intake device by device. */
export function LotPage({ id, staff = false }: { id: string; staff?: boolean }) {
  const { data, error, loading, reload } = useQuery(WebLotDocument, { id });
  const [done, setDone] = useState<string | null>(null);
  const lot = data?.lot;
  const changed = (message: string) => {
    setDone(message);
    reload();
  };
  const address = lot?.donation.pickupAddress;
  const contact = lot?.donation.donor.contact;
  return (
    <Page title={lot ? `Lot ${lot.reference}` : 'Lot'}>
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && !lot && <p>Ce lot n’existe pas, ou vous n’y avez pas accès.</p>}
      {lot && address && (
        <>
          <p>
            <StatusBadge value={lot.status} /> {lot.items.map((item) => `${item.quantity} × ${label(CATEGORY, item.category)}`).join(', ')} — à{' '}
            {formatNumber(lot.distanceKm)} km
          </p>
          <p>
            {lot.donation.donor.name}, {[address.street, `${address.postalCode} ${address.city}`].filter(Boolean).join(', ')} — disponible à partir du{' '}
            {formatDateTime(lot.donation.availableFrom)}.
            {contact && (contact.name || contact.phone || contact.email) && (
              <> Contact : {[contact.name, contact.phone, contact.email].filter(Boolean).join(', ')}.</>
            )}
          </p>
          <PickupPanel key={`${lot.status}-${lot.pickup?.status}-${lot.pickup?.scheduledAt}`} lot={lot} onChange={changed} />
          {lot.status === 'COLLECTED' && !staff && <IntakePanel lot={lot} onDone={changed} />}
          {lot.devices.length > 0 && (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption>Appareils réceptionnés ({lot.devices.length})</caption>
                <thead>
                  <tr>
                    <th scope="col">Numéro de série</th>
                    <th scope="col">Appareil</th>
                    <th scope="col">État</th>
                  </tr>
                </thead>
                <tbody>
                  {lot.devices.map((device) => (
                    <tr key={device.id}>
                      <th scope="row">{device.serialNumber}</th>
                      <td>{[label(CATEGORY, device.category), device.brand, device.model].filter(Boolean).join(' ')}</td>
                      <td>
                        <StatusBadge value={device.status} />
                      </td>
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
