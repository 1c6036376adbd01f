import { useState } from 'react';
import type { Session } from '../../api/session';
import { useMutation, useQuery } from '../../api/use-api';
import { optionsOf, SelectField } from '../../components/field';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import {
  type DiscrepancyDecision,
  type WebStockCountsQuery,
  WebOrganizationsDocument,
  WebStockCountsDocument,
  WebStockCountsResolveDiscrepancyDocument,
  WebStockCountsResolveDocument,
} from '../../generated/graphql';
import { formatDateTime } from '../../format';
import { CATEGORY, COUNT_STATUS, DISCREPANCY_DECISION, DISCREPANCY_KIND, label, STATUS } from '../../labels';
import { Figures } from '../../components/figures';

type StockCount = WebStockCountsQuery['reconciliations'][number];
type Discrepancy = StockCount['discrepancies'][number];

function scopeOf(count: StockCount): string {
  const scope = count.scope;
  if (!scope) return 'tout le stock';
  const parts = [
    scope.categories?.length ? scope.categories.map((c) => label(CATEGORY, c)).join(', ') : null,
    scope.location ? `emplacement ${scope.location}` : null,
    scope.deviceCount != null ? `${scope.deviceCount} appareils désignés` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' ; ') : 'tout le stock';
}

/** One line of a count to decide: a select and its button, both named after the serial. */
function DecisionForm({ discrepancy, onDone }: { discrepancy: Discrepancy; onDone: (message: string) => void }) {
  const [decision, setDecision] = useState<DiscrepancyDecision>(discrepancy.kind === 'MISSING' ? 'CONFIRM_MISSING' : 'FOUND');
  const resolve = useMutation(WebStockCountsResolveDiscrepancyDocument);
  return (
    <form
      className="actions"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await resolve.run({ discrepancyId: discrepancy.id, decision }))
          onDone(`${discrepancy.serialNumber} : ${label(DISCREPANCY_DECISION, decision).toLowerCase()}.`);
      }}
    >
      <ErrorNotice error={resolve.error} />
      <SelectField
        label={`Décision pour ${discrepancy.serialNumber}`}
        value={decision}
        options={optionsOf(DISCREPANCY_DECISION)}
        onChange={(e) => setDecision(e.target.value as DiscrepancyDecision)}
      />
      <button type="submit" disabled={resolve.running}>
        Décider pour {discrepancy.serialNumber}
      </button>
    </form>
  );
}

function StockCountCard({ count, staff, onDone }: { count: StockCount; staff: boolean; onDone: (message: string) => void }) {
  const resolve = useMutation(WebStockCountsResolveDocument);
  const open = count.status === 'OPEN';
  const title = `Inventaire du ${formatDateTime(count.createdAt)}`;
  return (
    <section className="panel" aria-label={title}>
      <h2>
        {title} — {count.refurbisher.name} <span className={`badge badge-${count.status.toLowerCase()}`}>{label(COUNT_STATUS, count.status)}</span>
      </h2>
      <p>
        Compté par {count.submittedBy ?? '—'} ; périmètre : {scopeOf(count)}.
        {count.resolvedAt && (
          <>
            {' '}
            Clos le {formatDateTime(count.resolvedAt)} par {count.resolvedBy ?? '—'}
            {count.markedMissingQuantity != null && <> ({count.markedMissingQuantity} appareils déclarés manquants)</>}.
          </>
        )}
      </p>
      <Figures
        items={[
          ['Attendus', count.expectedQuantity],
          ['Comptés', count.countedQuantity],
          ['Manquants', count.missingQuantity],
          ['En trop', count.unexpectedQuantity],
        ]}
      />
      {count.discrepancies.length === 0 ? (
        <p>Aucun écart : le compte correspond au stock.</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>Écarts de l’inventaire du {formatDateTime(count.createdAt)}</caption>
            <thead>
              <tr>
                <th scope="col">Numéro de série</th>
                <th scope="col">Écart</th>
                <th scope="col">Appareil</th>
                <th scope="col">Décision</th>
              </tr>
            </thead>
            <tbody>
              {count.discrepancies.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.serialNumber}</th>
                  <td>{label(DISCREPANCY_KIND, d.kind)}</td>
                  <td>{d.device ? `${label(CATEGORY, d.device.category)}, ${label(STATUS, d.device.status)}` : 'inconnu du réseau'}</td>
                  <td>
                    {d.decision ? (
                      <>
                        {label(DISCREPANCY_DECISION, d.decision)}
                        {d.decidedBy && <> ({d.decidedBy})</>}
                      </>
                    ) : staff && open ? (
                      <DecisionForm discrepancy={d} onDone={onDone} />
                    ) : (
                      'à décider par la coordination'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {staff && open && (
        <>
          <ErrorNotice error={resolve.error} />
          <button
            type="button"
            disabled={resolve.running}
            onClick={async () => {
              const done = await resolve.run({ id: count.id });
              if (done) onDone(`Inventaire clos : ${done.resolveReconciliation.markedMissingQuantity ?? 0} appareils déclarés manquants.`);
            }}
          >
            Clore l’inventaire
          </button>
          <p className="hint">Les manquants encore sans décision sont alors déclarés manquants ; leurs réservations sont libérées.</p>
        </>
      )}
    </section>
  );
}

/**
 * The stock counts of a workshop and their discrepancies: the workshop reads its own, the
 * coordinator chooses a workshop of its region and decides each discrepancy, or closes the count.
 */
export function StockCountsPage({ session }: { session: Session }) {
  const staff = session.user.role !== 'REFURBISHER';
  const workshops = useQuery(WebOrganizationsDocument, { regionId: null, kind: 'REFURBISHER' }, !staff);
  const [chosen, setChosen] = useState('');
  const refurbisherId = staff ? chosen || workshops.data?.organizations[0]?.id || '' : null;
  const { data, error, loading, reload } = useQuery(WebStockCountsDocument, { refurbisherId }, staff && !refurbisherId);
  const [done, setDone] = useState<string | null>(null);
  const changed = (message: string) => {
    setDone(message);
    reload();
  };
  const counts = data?.reconciliations ?? [];
  return (
    <Page title="Inventaires">
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error ?? workshops.error} />
      {staff && workshops.data && (
        <SelectField
          label="Atelier"
          value={refurbisherId ?? ''}
          options={workshops.data.organizations.map((o) => ({ value: o.id, label: o.name }))}
          onChange={(e) => {
            setChosen(e.target.value);
            setDone(null);
          }}
        />
      )}
      {staff && workshops.data && workshops.data.organizations.length === 0 && <p>Aucun atelier dans la région.</p>}
      {loading && !data && <Loading what="Chargement des inventaires" />}
      {data && counts.length === 0 && <p>Aucun inventaire enregistré pour cet atelier.</p>}
      {counts.map((count) => (
        <StockCountCard key={count.id} count={count} staff={staff} onDone={changed} />
      ))}
    </Page>
  );
}
