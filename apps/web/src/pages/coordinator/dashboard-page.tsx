import { useMemo, useState } from 'react';
import type { Session } from '../../api/session';
import { useMutation, useQuery } from '../../api/use-api';
import { SelectField } from '../../components/field';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDate, formatNumber, formatPercent } from '../../format';
import { WebMatchOrdersDocument, WebRegionDashboardDocument, WebRouteDonationsDocument } from '../../generated/graphql';
import { STUCK_KIND } from '../../labels';
import { Link } from '../../router';
import { FLOW_SERIES, FlowChart } from './flow-chart';
import { PeopleFigures } from './people-figures';
import { Figures } from '../../components/figures';

const PERIODS = [
  { value: '12w', label: '12 dernières semaines' },
  { value: 'year', label: 'Cette année' },
];

function periodOf(value: string): { from: string; to: string } {
  const now = new Date();
  const to = new Date(now.getTime() + 86400_000).toISOString();
  if (value === 'year') return { from: new Date(`${now.getFullYear()}-01-01T00:00:00+01:00`).toISOString(), to };
  return { from: new Date(now.getTime() - 12 * 7 * 86400_000).toISOString(), to };
}

/** Routing and matching run by themselves; the coordinator runs them now after a change. */
export function RunButtons({ regionId, onDone }: { regionId: string; onDone?: () => void }) {
  const route = useMutation(WebRouteDonationsDocument);
  const match = useMutation(WebMatchOrdersDocument);
  const [done, setDone] = useState<string | null>(null);
  return (
    <div>
      <div className="actions">
        <button
          type="button"
          disabled={route.running}
          onClick={async () => {
            const result = await route.run({ regionId });
            if (result) {
              const r = result.routeDonations;
              setDone(
                `Orientation faite : ${r.routedQuantity} appareils orientés, ${r.unroutedQuantity} en attente, ${formatNumber(r.totalDeviceKm)} appareil-km.`,
              );
              onDone?.();
            }
          }}
        >
          Lancer l’orientation des dons
        </button>
        <button
          type="button"
          className="secondary"
          disabled={match.running}
          onClick={async () => {
            const result = await match.run({ regionId });
            if (result) {
              setDone(
                `Attribution faite : ${result.matchOrders.allocatedQuantity} appareils attribués, ${result.matchOrders.unfilledQuantity} encore demandés.`,
              );
              onDone?.();
            }
          }}
        >
          Lancer l’attribution du stock
        </button>
      </div>
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={route.error ?? match.error} />
    </div>
  );
}

/** The region at a glance: the flows of the period and per week, the workshops' load, what is stuck. */
export function DashboardPage({ session }: { session: Session }) {
  const regionId = session.user.organization?.region.id ?? '';
  const [period, setPeriod] = useState('12w');
  const variables = useMemo(() => ({ regionId, ...periodOf(period) }), [regionId, period]);
  const { data, error, loading, reload } = useQuery(WebRegionDashboardDocument, variables, !regionId);
  const d = data?.regionDashboard;
  return (
    <Page title={`Tableau de bord — ${session.user.organization?.region.name ?? ''}`}>
      <SelectField label="Période" value={period} options={PERIODS} onChange={(e) => setPeriod(e.target.value)} />
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {d && (
        <>
          <Figures
            items={[
              ['Déclarés', d.devicesDeclared],
              ['Collectés', d.devicesCollected],
              ['Reconditionnés', d.devicesRefurbished],
              ['Livrés', d.devicesDelivered],
              ['Recyclés', d.devicesRecycled],
              ['Demande ouverte', d.openDemand],
              ['Taux de service', formatPercent(d.fillRate)],
              ['CO2e évité (kg)', formatNumber(d.co2eAvoidedKg)],
            ]}
          />
          <p>
            Délais médians : déclaration → enlèvement {formatNumber(d.leadTimes.declarationToPickupDays)} j, enlèvement → stock{' '}
            {formatNumber(d.leadTimes.pickupToStockDays)} j, commande → livraison {formatNumber(d.leadTimes.orderToDeliveryDays)} j.
          </p>
          <RunButtons regionId={regionId} onDone={reload} />
          <h2>Flux par semaine</h2>
          <FlowChart weeks={d.weekly} />
          <details>
            <summary>Les chiffres du graphique</summary>
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption>Flux par semaine</caption>
                <thead>
                  <tr>
                    <th scope="col">Semaine du</th>
                    {FLOW_SERIES.map((s) => (
                      <th key={s.key} scope="col" className="num">
                        {s.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {d.weekly.map((week) => (
                    <tr key={week.weekStart}>
                      <th scope="row">{formatDate(week.weekStart)}</th>
                      {FLOW_SERIES.map((s) => (
                        <td key={s.key} className="num">
                          {week[s.key]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <h2>Ateliers</h2>
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption>Charge des ateliers</caption>
              <thead>
                <tr>
                  <th scope="col">Atelier</th>
                  <th scope="col" className="num">
                    Capacité hebdomadaire
                  </th>
                  <th scope="col" className="num">
                    En cours
                  </th>
                  <th scope="col" className="num">
                    Utilisation
                  </th>
                  <th scope="col" className="num">
                    En stock
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.refurbishers.map((r) => (
                  <tr key={r.refurbisher.id}>
                    <th scope="row">{r.refurbisher.name}</th>
                    <td className="num">{r.weeklyCapacity}</td>
                    <td className="num">{r.load}</td>
                    <td className="num">{formatPercent(r.utilization)}</td>
                    <td className="num">{r.inStock}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PeopleFigures {...variables} />
          <h2>À traiter</h2>
          {d.stuck.every((s) => s.count === 0) ? (
            <p>Rien n’est bloqué.</p>
          ) : (
            <ul>
              {d.stuck
                .filter((s) => s.count > 0)
                .map((s) => (
                  <li key={s.kind}>
                    {STUCK_KIND[s.kind]?.label ?? s.kind} : {s.count}
                  </li>
                ))}
            </ul>
          )}
          <p>
            <Link to="/a-traiter">Voir le détail de ce qui est bloqué</Link>
          </p>
        </>
      )}
    </Page>
  );
}
