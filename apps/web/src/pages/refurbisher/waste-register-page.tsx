import { FormEvent, useState } from 'react';
import type { Session } from '../../api/session';
import { useMutation, useQuery } from '../../api/use-api';
import { TextField } from '../../components/field';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { type WebWasteRegisterQuery, WebRecordRecyclingDestinationDocument, WebWasteRegisterDocument } from '../../generated/graphql';
import { destinationOf, DestinationDraft, EMPTY_DESTINATION, RecyclingDestinationFields } from './recycling-destination-fields';
import { Figures } from '../../components/figures';

type Row = WebWasteRegisterQuery['wasteRegister']['rows'][number];

const pad = (n: number) => String(n).padStart(2, '0');
const dayInput = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** A day typed in a date field to the instant it starts, in the browser's time (the console's people are in France). */
function startOf(day: string): string | null {
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
/** The day after, so that the register's [from, to) holds the whole of the last day chosen. */
function endOf(day: string): string | null {
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return null;
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

function RecordDestinationForm({ pending, onDone }: { pending: Row[]; onDone: (message: string) => void }) {
  const devices = pending.flatMap((row) => row.deviceIds.map((id, index) => ({ id, serialNumber: row.serialNumbers[index] ?? id })));
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [draft, setDraft] = useState<DestinationDraft>(EMPTY_DESTINATION);
  const [problem, setProblem] = useState<string | null>(null);
  const record = useMutation(WebRecordRecyclingDestinationDocument);
  const deviceIds = devices.filter((d) => chosen[d.id]).map((d) => d.id);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const load = destinationOf(draft);
    if (deviceIds.length === 0) return setProblem('Cochez les appareils remis avec ce chargement.');
    if (!load.ok) return setProblem(load.problem);
    setProblem(null);
    const { destination, weightKg, transportDocument, carrier, wasteCode } = load;
    const done = await record.run({ input: { deviceIds, destination, weightKg, transportDocument, carrier, wasteCode } });
    if (done) {
      setChosen({});
      setDraft(EMPTY_DESTINATION);
      const shipment = done.recordRecyclingDestination;
      onDone(
        `Chargement enregistré : ${shipment.deviceCount} appareil${shipment.deviceCount > 1 ? 's' : ''}, ${formatNumber(shipment.weightKg)} kg, vers ${shipment.destinationName}.`,
      );
    }
  };
  return (
    <form onSubmit={submit} className="panel" aria-labelledby="record-title" noValidate>
      <h2 id="record-title">Enregistrer un chargement</h2>
      <p>Quand l’éco-organisme enlève les appareils recyclés, cochez ceux qu’il emporte et donnez la destination et le poids du chargement.</p>
      <ErrorNotice error={record.error} />
      {problem && (
        <div className="notice notice-error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <fieldset>
        <legend>Appareils remis</legend>
        {devices.map((device) => (
          <div key={device.id} className="field field-check">
            <input
              id={`load-${device.id}`}
              type="checkbox"
              checked={!!chosen[device.id]}
              onChange={(e) => setChosen((all) => ({ ...all, [device.id]: e.target.checked }))}
            />
            <label htmlFor={`load-${device.id}`}>Remis : {device.serialNumber}</label>
          </div>
        ))}
      </fieldset>
      <RecyclingDestinationFields draft={draft} onChange={setDraft} weightLabel="Poids du chargement (kg)" />
      <button type="submit" disabled={record.running}>
        Enregistrer le chargement
      </button>
    </form>
  );
}

/**
 * Registre des déchets: the loads of recycled devices that left in a period with their destination,
 * the devices still waiting for theirs, the register as CSV; a pending load recorded when it leaves.
 */
export function WasteRegisterPage({ session }: { session: Session }) {
  const today = new Date();
  const [fromDay, setFromDay] = useState(`${today.getFullYear()}-01-01`);
  const [toDay, setToDay] = useState(dayInput(today));
  const [done, setDone] = useState<string | null>(null);
  const refurbisherId = session.user.organization?.id ?? '';
  const from = startOf(fromDay);
  const to = endOf(toDay);
  const { data, error, loading, reload } = useQuery(
    WebWasteRegisterDocument,
    { refurbisherId, from: from ?? '', to: to ?? '' },
    !refurbisherId || !from || !to,
  );
  const register = data?.wasteRegister;
  const pending = register?.rows.filter((row) => row.destinationPending) ?? [];

  return (
    <Page title="Registre des déchets">
      <SuccessNotice>{done}</SuccessNotice>
      <div className="grid">
        <TextField label="Du" type="date" required value={fromDay} onChange={(e) => setFromDay(e.target.value)} />
        <TextField label="Au (inclus)" type="date" required value={toDay} onChange={(e) => setToDay(e.target.value)} />
      </div>
      {(!from || !to) && <p>Choisissez le premier et le dernier jour de la période.</p>}
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {register && (
        <>
          <div className="actions">
            <a className="button" href={register.csvUrl} download>
              Télécharger le registre (CSV)
            </a>
          </div>
          <p className="hint">Lien valable jusqu’au {formatDateTime(register.linkExpiresAt)}.</p>
          <Figures
            items={[
              ['Poids expédié sur la période (kg)', formatNumber(register.shippedWeightKg)],
              ['Appareils recyclés, destination à renseigner', register.pendingDeviceCount],
            ]}
          />
          {register.rows.length === 0 && <p>Aucun déchet sorti sur cette période, et aucun appareil recyclé en attente.</p>}
          {register.rows.length > 0 && (
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption>
                  Déchets sortants du {formatDate(from)} au {formatDate(startOf(toDay))}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Expédié le</th>
                    <th scope="col">Déchet</th>
                    <th scope="col">Code</th>
                    <th scope="col" className="num">
                      Appareils
                    </th>
                    <th scope="col" className="num">
                      Poids (kg)
                    </th>
                    <th scope="col">Destination</th>
                    <th scope="col">Bordereau</th>
                    <th scope="col">Numéros de série</th>
                  </tr>
                </thead>
                <tbody>
                  {register.rows.map((row, index) => (
                    <tr key={index}>
                      <th scope="row">{row.destinationPending ? `Recyclé le ${formatDate(row.recycledAt)}` : formatDate(row.shippedAt)}</th>
                      <td>{row.wasteLabel}</td>
                      <td>
                        {row.wasteCode ?? '—'}
                        {row.hazardous && <> (dangereux)</>}
                      </td>
                      <td className="num">{row.deviceCount}</td>
                      <td className="num">{formatNumber(row.weightKg)}</td>
                      <td>
                        {row.destinationPending
                          ? 'destination à renseigner'
                          : [row.destinationName, row.destinationSiret && `SIRET ${row.destinationSiret}`, row.treatmentCode].filter(Boolean).join(', ')}
                      </td>
                      <td>{[row.transportDocument, row.carrier].filter(Boolean).join(' — ') || '—'}</td>
                      <td>{row.serialNumbers.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pending.length > 0 && (
            <RecordDestinationForm
              key={pending.flatMap((row) => row.deviceIds).join()}
              pending={pending}
              onDone={(message) => {
                setDone(message);
                reload();
              }}
            />
          )}
        </>
      )}
    </Page>
  );
}
