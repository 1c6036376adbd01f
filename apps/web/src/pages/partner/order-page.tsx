import { FormEvent, useState } from 'react';
import { useLiveEvent } from '../../api/live';
import { useMutation, useQuery } from '../../api/use-api';
import { LiveHint, orderUpdateHint } from '../../components/live';
import { ErrorNotice, Loading, StatusBadge, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDate } from '../../format';
import { WebCancelOrderDocument, WebConfirmDeliveryDocument, WebOrderDocument, WebOrderUpdatedDocument } from '../../generated/graphql';
import { CATEGORY, label, PROFILE } from '../../labels';
import { OrderMoney } from './order-money';
import { endOfDayIso, formatTypedDay } from './estimated-wait';

/** One order: what was allocated to each need, what is on its way; delivery confirmed with the partner's own references. */
export function OrderPage({ id }: { id: string }) {
  const { data, error, loading, reload } = useQuery(WebOrderDocument, { id });
  const confirm = useMutation(WebConfirmDeliveryDocument);
  const cancel = useMutation(WebCancelOrderDocument);
  const [done, setDone] = useState<string | null>(
    new URLSearchParams(window.location.search).has('nouvelle') ? 'Commande envoyée : les appareils lui sont attribués dès qu’ils sont en stock.' : null,
  );
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [refs, setRefs] = useState<Record<string, string>>({});
  const [terms, setTerms] = useState<'GIFT' | 'LOAN'>('GIFT');
  const [dueDay, setDueDay] = useState('');
  const order = data?.order;
  const [hint, setHint] = useState<string | null>(null);
  // allocated, shipped, delivered: the order shows it without a reload
  useLiveEvent(WebOrderUpdatedDocument, (event) => {
    if (event && event.orderUpdated.orderId !== id) return;
    reload();
    setHint(event ? orderUpdateHint(event.orderUpdated) : 'Mise à jour : commande relue après une reconnexion.');
  });
  const shipped = order?.lines.flatMap((line) => line.devices.filter((d) => d.status === 'SHIPPED')) ?? [];

  const onConfirm = async (event: FormEvent) => {
    event.preventDefault();
    const deviceIds = shipped.filter((d) => chosen[d.id]).map((d) => d.id);
    if (deviceIds.length === 0) return;
    const beneficiaryRefs = deviceIds.map((deviceId) => (refs[deviceId] ?? '').trim());
    const loan = terms === 'LOAN';
    const result = await confirm.run({
      input: {
        orderId: id,
        deviceIds,
        beneficiaryRefs: beneficiaryRefs.every(Boolean) ? beneficiaryRefs : null,
        terms,
        dueDate: loan && dueDay ? endOfDayIso(dueDay) : null,
      },
    });
    if (result) {
      setDone(
        `Livraison confirmée pour ${deviceIds.length} appareil${deviceIds.length > 1 ? 's' : ''}${loan ? `, en prêt jusqu’au ${formatTypedDay(dueDay)}` : ''}.`,
      );
      setChosen({});
      reload();
    }
  };
  const onCancel = async () => {
    if (!window.confirm('Annuler cette commande ? Les appareils attribués retournent au stock.')) return;
    if (await cancel.run({ id })) {
      setDone('Commande annulée.');
      reload();
    }
  };

  return (
    <Page title={order ? `Commande ${order.reference}` : 'Commande'}>
      <LiveHint>{hint}</LiveHint>
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error ?? cancel.error} />
      {loading && !data && <Loading />}
      {data && !order && <p>Cette commande n’existe pas, ou vous n’y avez pas accès.</p>}
      {order && (
        <>
          <p>
            <StatusBadge value={order.status} /> passée le {formatDate(order.createdAt)}
            {order.neededBy && <>, pour le {formatDate(order.neededBy)}</>}.
          </p>
          {order.lines.map((line, index) => (
            <section key={line.id} className="panel" aria-labelledby={`line-${line.id}`}>
              <h2 id={`line-${line.id}`}>
                Besoin {index + 1} : {line.quantity} × {label(CATEGORY, line.category)}, {label(PROFILE, line.profile)}
              </h2>
              <p>
                Attribués : {line.allocatedQuantity} · Expédiés : {line.shippedQuantity} · Livrés : {line.deliveredQuantity}
                {line.minGrade && <> · grade {line.minGrade} au moins</>}
                {line.minRamGb && <> · {line.minRamGb} Go de mémoire au moins</>}
                {line.requireSsd && <> · disque SSD</>}
              </p>
              {line.devices.length > 0 && (
                <div className="table-wrap" tabIndex={0}>
                  <table>
                    <caption>Appareils de ce besoin</caption>
                    <thead>
                      <tr>
                        <th scope="col">Numéro de série</th>
                        <th scope="col">Appareil</th>
                        <th scope="col">Atelier</th>
                        <th scope="col">État</th>
                      </tr>
                    </thead>
                    <tbody>
                      {line.devices.map((device) => (
                        <tr key={device.id}>
                          <th scope="row">{device.serialNumber}</th>
                          <td>
                            {[label(CATEGORY, device.category), device.brand, device.model].filter(Boolean).join(' ')}
                            {device.grade && <>, grade {device.grade}</>}
                          </td>
                          <td>{device.refurbisher.name}</td>
                          <td>
                            <StatusBadge value={device.status} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          ))}
          <OrderMoney key={`${order.status}-${order.lines.map((l) => `${l.allocatedQuantity}.${l.shippedQuantity}`).join()}`} orderId={order.id} />
          {shipped.length > 0 && (
            <form onSubmit={onConfirm} className="panel">
              <h2>Confirmer la livraison</h2>
              <p>Cochez les appareils reçus. Donnez à chacun votre référence de la personne équipée (par exemple CCAS-2026-0042) : jamais de nom.</p>
              <ErrorNotice error={confirm.error} />
              {shipped.map((device) => (
                <fieldset key={device.id}>
                  <legend>{device.serialNumber}</legend>
                  <div className="field field-check">
                    <input
                      id={`got-${device.id}`}
                      type="checkbox"
                      checked={!!chosen[device.id]}
                      onChange={(e) => setChosen((all) => ({ ...all, [device.id]: e.target.checked }))}
                    />
                    <label htmlFor={`got-${device.id}`}>Reçu : {device.serialNumber}</label>
                  </div>
                  <div className="field">
                    <label htmlFor={`ref-${device.id}`}>Référence de la personne équipée ({device.serialNumber})</label>
                    <input
                      id={`ref-${device.id}`}
                      maxLength={64}
                      autoComplete="off"
                      value={refs[device.id] ?? ''}
                      onChange={(e) => setRefs((all) => ({ ...all, [device.id]: e.target.value }))}
                    />
                  </div>
                </fieldset>
              ))}
              <fieldset>
                <legend>Don ou prêt</legend>
                <div className="field field-check">
                  <input id="terms-gift" type="radio" name="terms" checked={terms === 'GIFT'} onChange={() => setTerms('GIFT')} />
                  <label htmlFor="terms-gift">Don : la personne garde l’appareil</label>
                </div>
                <div className="field field-check">
                  <input id="terms-loan" type="radio" name="terms" checked={terms === 'LOAN'} onChange={() => setTerms('LOAN')} />
                  <label htmlFor="terms-loan">Prêt : l’appareil revient à l’atelier à une date prévue</label>
                </div>
                {terms === 'LOAN' && (
                  <div className="field">
                    <label htmlFor="loan-due">
                      Date de retour prévue<span aria-hidden="true"> *</span>
                    </label>
                    <input id="loan-due" type="date" required aria-describedby="loan-due-hint" value={dueDay} onChange={(e) => setDueDay(e.target.value)} />
                    <p className="hint" id="loan-due-hint">
                      Dans trois ans au plus ; elle pourra être repoussée depuis la page Prêts.
                    </p>
                  </div>
                )}
              </fieldset>
              <button type="submit" disabled={confirm.running || !shipped.some((d) => chosen[d.id])}>
                Confirmer la livraison
              </button>
            </form>
          )}
          {(order.status === 'OPEN' || order.status === 'ALLOCATED') && (
            <button type="button" className="danger" onClick={onCancel} disabled={cancel.running}>
              Annuler la commande
            </button>
          )}
        </>
      )}
    </Page>
  );
}
