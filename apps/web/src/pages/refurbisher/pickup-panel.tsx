import { FormEvent, useState } from 'react';
import { useMutation } from '../../api/use-api';
import { TextArea, TextField } from '../../components/field';
import { ErrorNotice, StatusBadge } from '../../components/notices';
import { formatDateTime, isoToLocalInput, localInputToIso } from '../../format';
import {
  type WebLotQuery,
  WebCancelPickupDocument,
  WebCompletePickupDocument,
  WebReschedulePickupDocument,
  WebSchedulePickupDocument,
} from '../../generated/graphql';
import { label, PICKUP_CHANGE } from '../../labels';

type Lot = NonNullable<WebLotQuery['lot']>;

/** A lot's pickup from the van's point of view: schedule, move, call off, or record what was collected. */
export function PickupPanel({ lot, onChange }: { lot: Lot; onChange: (message: string) => void }) {
  const pickup = lot.pickup;
  const open = pickup && (pickup.status === 'SCHEDULED' || pickup.status === 'MISSED') ? pickup : null;
  const tomorrow = isoToLocalInput(new Date(Math.max(Date.now(), Date.parse(lot.donation.availableFrom)) + 86400_000).toISOString());
  const [when, setWhen] = useState(open ? isoToLocalInput(open.scheduledAt) : tomorrow);
  const [reason, setReason] = useState('');
  const [cancelReason, setCancelReason] = useState('');
  const [collected, setCollected] = useState(String(lot.quantity));
  const schedule = useMutation(WebSchedulePickupDocument);
  const reschedule = useMutation(WebReschedulePickupDocument);
  const cancel = useMutation(WebCancelPickupDocument);
  const complete = useMutation(WebCompletePickupDocument);
  const error = schedule.error ?? reschedule.error ?? cancel.error ?? complete.error;

  const onSchedule = async (event: FormEvent) => {
    event.preventDefault();
    const done = await schedule.run({ input: { lotId: lot.id, scheduledAt: localInputToIso(when) } });
    if (done) onChange(`Enlèvement planifié le ${formatDateTime(done.schedulePickup.scheduledAt)}.`);
  };
  const onReschedule = async (event: FormEvent) => {
    event.preventDefault();
    if (!open) return;
    const done = await reschedule.run({ input: { pickupId: open.id, scheduledAt: localInputToIso(when), reason: reason.trim() } });
    if (done) onChange(`Enlèvement reporté au ${formatDateTime(done.reschedulePickup.scheduledAt)}.`);
  };
  const onCancel = async (event: FormEvent) => {
    event.preventDefault();
    if (!open) return;
    if (await cancel.run({ input: { pickupId: open.id, reason: cancelReason.trim() } }))
      onChange('Enlèvement annulé : le lot reste accepté, à planifier de nouveau.');
  };
  const onComplete = async (event: FormEvent) => {
    event.preventDefault();
    if (!open) return;
    const done = await complete.run({ input: { pickupId: open.id, collectedQuantity: Number(collected) } });
    if (done) onChange(`Enlèvement effectué : ${done.completePickup.collectedQuantity} appareils collectés.`);
  };

  return (
    <section className="panel" aria-labelledby="pickup-title">
      <h2 id="pickup-title">Enlèvement</h2>
      {pickup && (
        <p>
          <StatusBadge value={pickup.status} /> le {formatDateTime(pickup.scheduledAt)}
          {pickup.collectedQuantity != null && <> — {pickup.collectedQuantity} collectés</>}
          {pickup.shortfall ? <> ({pickup.shortfall} de moins que déclaré)</> : null}
        </p>
      )}
      <ErrorNotice error={error} />
      {lot.status === 'CLAIMED' && !open && (
        <form onSubmit={onSchedule}>
          <TextField label="Date et heure de l’enlèvement" type="datetime-local" required value={when} onChange={(e) => setWhen(e.target.value)} />
          <button type="submit" disabled={schedule.running}>
            Planifier l’enlèvement
          </button>
        </form>
      )}
      {open && (
        <div className="grid">
          <form onSubmit={onComplete}>
            <h3>Effectué</h3>
            <TextField
              label="Appareils collectés"
              type="number"
              min={0}
              max={lot.quantity + 1000}
              required
              inputMode="numeric"
              value={collected}
              onChange={(e) => setCollected(e.target.value)}
              hint={`Déclarés : ${lot.quantity}. Un écart est gardé et montré au donateur.`}
            />
            <button type="submit" disabled={complete.running}>
              Enlèvement effectué
            </button>
          </form>
          <form onSubmit={onReschedule}>
            <h3>Reporter</h3>
            <TextField label="Nouvelle date et heure" type="datetime-local" required value={when} onChange={(e) => setWhen(e.target.value)} />
            <TextArea
              label="Raison du report"
              required
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              hint="Le donateur la lit dans l’historique."
            />
            <button type="submit" className="secondary" disabled={reschedule.running}>
              Reporter l’enlèvement
            </button>
          </form>
          <form onSubmit={onCancel}>
            <h3>Annuler</h3>
            <TextArea label="Raison de l’annulation" required maxLength={500} value={cancelReason} onChange={(e) => setCancelReason(e.target.value)} />
            <button type="submit" className="danger" disabled={cancel.running}>
              Annuler l’enlèvement
            </button>
          </form>
        </div>
      )}
      {pickup && pickup.history.length > 0 && (
        <>
          <h3>Historique</h3>
          <ol>
            {pickup.history.map((change, index) => (
              <li key={index}>
                {formatDateTime(change.createdAt)} : {label(PICKUP_CHANGE, change.kind)}
                {change.toScheduledAt && <> pour le {formatDateTime(change.toScheduledAt)}</>}
                {change.reason && <> — « {change.reason} »</>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
