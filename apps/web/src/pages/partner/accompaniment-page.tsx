import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from '../../api/use-api';
import { optionsOf, SelectField, TextField } from '../../components/field';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDate } from '../../format';
import { type AccompanimentKind, WebPeopleAccompanimentsDocument, WebPeopleRecordAccompanimentDocument } from '../../generated/graphql';
import { ACCOMPANIMENT_KIND, label } from '../../labels';
import { REFERENCE_HINT } from './waiting-list-page';

const today = (): string => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** The sessions held with the people equipped (workshops, first set-up, follow-ups), under the same references as their needs. */
export function AccompanimentPage() {
  const [filter, setFilter] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const { data, error, loading, reload } = useQuery(WebPeopleAccompanimentsDocument, { beneficiaryRef: asked, first: 100 });
  const record = useMutation(WebPeopleRecordAccompanimentDocument);
  const [ref, setRef] = useState('');
  const [kind, setKind] = useState<AccompanimentKind>('FIRST_SETUP');
  const [day, setDay] = useState(today);
  const [minutes, setMinutes] = useState('60');
  const [done, setDone] = useState<string | null>(null);
  const sessions = data?.accompaniments.edges.map((edge) => edge.node) ?? [];

  const onRecord = async (event: FormEvent) => {
    event.preventDefault();
    // noon, Paris or not: the day typed stays that day whatever the time zone, and is never in the future
    const result = await record.run({
      input: { beneficiaryRef: ref.trim(), kind, date: new Date(`${day}T12:00:00`).toISOString(), durationMinutes: Number(minutes) },
    });
    if (result) {
      setDone(`Séance enregistrée pour ${result.recordAccompaniment.beneficiaryRef}.`);
      setRef('');
      reload();
    }
  };
  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    setAsked(filter.trim() || null);
  };

  return (
    <Page title="Accompagnement">
      <SuccessNotice>{done}</SuccessNotice>
      <form className="panel stack" onSubmit={onRecord} aria-labelledby="record-session">
        <h2 id="record-session">Enregistrer une séance</h2>
        <ErrorNotice error={record.error} />
        <TextField
          label="Référence de la personne"
          hint={REFERENCE_HINT}
          required
          maxLength={64}
          autoComplete="off"
          value={ref}
          onChange={(e) => setRef(e.target.value)}
        />
        <SelectField
          label="Type de séance"
          value={kind}
          options={optionsOf(ACCOMPANIMENT_KIND)}
          onChange={(e) => setKind(e.target.value as AccompanimentKind)}
        />
        <TextField
          label="Date"
          hint="Une séance déjà tenue : aujourd’hui au plus tard."
          type="date"
          required
          max={today()}
          value={day}
          onChange={(e) => setDay(e.target.value)}
        />
        <TextField
          label="Durée (minutes)"
          type="number"
          min={1}
          max={1440}
          step={1}
          required
          inputMode="numeric"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <div className="actions">
          <button type="submit" disabled={record.running}>
            Enregistrer la séance
          </button>
        </div>
      </form>

      <h2>Séances</h2>
      <form className="actions" onSubmit={onFilter}>
        <TextField label="Référence recherchée" autoComplete="off" maxLength={64} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <button type="submit" className="secondary">
          Filtrer
        </button>
      </form>
      <ErrorNotice error={error} />
      {loading && !data && <Loading what="Chargement des séances" />}
      {data && sessions.length === 0 && <p>{asked ? `Aucune séance pour ${asked}.` : 'Aucune séance enregistrée.'}</p>}
      {sessions.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>{data?.accompaniments.totalCount} séances, les plus récentes d’abord</caption>
            <thead>
              <tr>
                <th scope="col">Référence</th>
                <th scope="col">Séance</th>
                <th scope="col">Date</th>
                <th scope="col" className="num">
                  Durée (min)
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.beneficiaryRef}</th>
                  <td>{label(ACCOMPANIMENT_KIND, s.kind)}</td>
                  <td>{formatDate(s.date)}</td>
                  <td className="num">{s.durationMinutes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
