import { FormEvent, useState } from 'react';
import { useQuery } from '../../api/use-api';
import { TextField } from '../../components/field';
import { ErrorNotice, Loading, StatusBadge, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { type WebDevicesQuery, WebDevicesDocument } from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';
import { ErasureForm, GradingForm, RecycleForm, ReplaceStorageForm } from './device-forms';
import { ReturnedLoansPanel } from './returned-loans-panel';

type Device = WebDevicesQuery['devices']['edges'][number]['node'];

/** What the bench does next with a device: erase it first when it holds data, then grade it. */
function nextStep(device: Device): 'erase' | 'storage' | 'grade' {
  if (device.needsStorage) return 'storage';
  if (device.status === 'RECEIVED' && device.dataBearing && !device.erased) return 'erase';
  return 'grade';
}

function DeviceWork({ device, onDone }: { device: Device; onDone: (message: string) => void }) {
  const step = nextStep(device);
  return (
    <section className="panel" aria-labelledby="work-title">
      <h2 id="work-title" tabIndex={-1}>
        {device.serialNumber} — {[label(CATEGORY, device.category), device.brand, device.model].filter(Boolean).join(' ')}
      </h2>
      {step === 'erase' && <ErasureForm device={device} onDone={onDone} />}
      {step === 'storage' && <ReplaceStorageForm device={device} onDone={onDone} />}
      {step === 'grade' && <GradingForm device={device} onDone={onDone} />}
      <RecycleForm device={device} onDone={onDone} />
    </section>
  );
}

/** The bench: the devices received or wiped, one at a time, found by scanning its serial or from the list. */
export function WorkshopPage() {
  const received = useQuery(WebDevicesDocument, { status: 'RECEIVED', first: 100 });
  const wiped = useQuery(WebDevicesDocument, { status: 'WIPED', first: 100 });
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const devices = [...(received.data?.devices.edges ?? []), ...(wiped.data?.devices.edges ?? [])].map((edge) => edge.node);
  const device = devices.find((d) => d.id === selected) ?? null;

  const find = (event: FormEvent) => {
    event.preventDefault();
    const key = search.toUpperCase().replace(/[\s.-]/g, '');
    const found = devices.find((d) => d.serialNumber.toUpperCase().replace(/[\s.-]/g, '') === key);
    setDone(found ? null : `Aucun appareil à traiter sous le numéro ${search}.`);
    setSelected(found?.id ?? null);
    setSearch('');
  };
  const finished = (message: string) => {
    setDone(message);
    setSelected(null);
    received.reload();
    wiped.reload();
  };

  return (
    <Page title="Atelier">
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={received.error ?? wiped.error} />
      <form onSubmit={find} className="actions">
        <TextField label="Scanner ou taper un numéro de série" autoComplete="off" maxLength={100} value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit">Ouvrir</button>
      </form>
      {device && <DeviceWork key={device.id + device.status} device={device} onDone={finished} />}
      {(received.loading || wiped.loading) && !received.data && <Loading />}
      {received.data && wiped.data && devices.length === 0 && <p>Aucun appareil à traiter.</p>}
      {devices.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>À traiter ({devices.length})</caption>
            <thead>
              <tr>
                <th scope="col">Numéro de série</th>
                <th scope="col">Appareil</th>
                <th scope="col">État</th>
                <th scope="col">Étape</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.serialNumber}</th>
                  <td>{[label(CATEGORY, d.category), d.brand, d.model].filter(Boolean).join(' ')}</td>
                  <td>
                    <StatusBadge value={d.status} />
                  </td>
                  <td>
                    <button type="button" className="secondary" onClick={() => setSelected(d.id)}>
                      {{ erase: 'Effacer', storage: 'Changer le disque de', grade: 'Classer' }[nextStep(d)]} {d.serialNumber}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ReturnedLoansPanel />
    </Page>
  );
}
