import { FormEvent, useEffect, useState } from 'react';
import { useMutation, useQuery } from '../../api/use-api';
import { CheckboxField, optionsOf, SelectField, TextArea, TextField } from '../../components/field';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import {
  type RepairOutcome,
  WebPeopleRepairTicketsDocument,
  WebPeopleResolveRepairTicketDocument,
  WebPeopleSetWarrantyDocument,
  WebPeopleWarrantyDocument,
  WebPeopleSpareDevicesDocument,
} from '../../generated/graphql';
import { REPAIR_OUTCOME } from '../../labels';
import { type RepairTicket, RepairTicketList, ticketDevice } from '../partner/repair-ticket-list';

/** A swap takes a device of the workshop's own stock, of the faulty one's category. */
function SpareChoice({ ticket, value, onChange }: { ticket: RepairTicket; value: string; onChange: (id: string) => void }) {
  const spares = useQuery(WebPeopleSpareDevicesDocument, { category: ticket.device?.category ?? null });
  const devices = spares.data?.devices.edges.map((edge) => edge.node) ?? [];
  const first = devices[0]?.id;
  // the select shows the first spare: it is the one chosen until another is picked
  useEffect(() => {
    if (!value && first) onChange(first);
  }, [value, first, onChange]);
  if (spares.error) return <ErrorNotice error={spares.error} />;
  if (spares.loading && !spares.data) return <Loading what="Chargement du stock" />;
  if (devices.length === 0) return <p>Aucun appareil de cette catégorie en stock pour un échange.</p>;
  return (
    <SelectField
      label={`Appareil de remplacement (${ticket.device?.serialNumber ?? 'échange'})`}
      value={value}
      options={devices.map((d) => ({ value: d.id, label: [d.serialNumber, d.brand, d.model, d.grade && `grade ${d.grade}`].filter(Boolean).join(' ') }))}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function ResolveForm({ ticket, onDone }: { ticket: RepairTicket; onDone: (message: string) => void }) {
  const resolve = useMutation(WebPeopleResolveRepairTicketDocument);
  const [outcome, setOutcome] = useState<RepairOutcome>('REPAIRED');
  const [spare, setSpare] = useState('');
  const [resolution, setResolution] = useState('');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const replacementDeviceId = outcome === 'REPLACED' ? spare || null : null;
    if (outcome === 'REPLACED' && !replacementDeviceId) return;
    const result = await resolve.run({ ticketId: ticket.id, outcome, replacementDeviceId, resolution: resolution.trim() || null });
    if (result) onDone(`${ticketDevice(ticket)} : ${REPAIR_OUTCOME[outcome].toLowerCase()}.`);
  };

  return (
    <form className="stack" onSubmit={onSubmit}>
      <ErrorNotice error={resolve.error} />
      <SelectField
        label={`Issue de la réparation (${ticket.device?.serialNumber ?? ticket.id})`}
        value={outcome}
        options={optionsOf(REPAIR_OUTCOME)}
        onChange={(e) => setOutcome(e.target.value as RepairOutcome)}
      />
      {outcome === 'REPLACED' && <SpareChoice ticket={ticket} value={spare} onChange={setSpare} />}
      <TextArea
        label={`Ce qui a été constaté ou fait (${ticket.device?.serialNumber ?? ticket.id})`}
        hint="Facultatif. Sans nom, adresse e-mail ni téléphone."
        maxLength={1000}
        value={resolution}
        onChange={(e) => setResolution(e.target.value)}
      />
      <div className="actions">
        <button type="submit" disabled={resolve.running}>
          Clore la demande ({ticket.device?.serialNumber ?? ticket.id})
        </button>
      </div>
    </form>
  );
}

/** The months of warranty the workshop gives from now on; devices already delivered keep theirs. */
function WarrantyForm() {
  const set = useMutation(WebPeopleSetWarrantyDocument);
  const current = useQuery(WebPeopleWarrantyDocument, {});
  const [months, setMonths] = useState('');
  // the form starts from what is set (0 when the workshop never set a warranty)
  useEffect(() => {
    if (current.data) setMonths(String(current.data.warranty.months));
  }, [current.data]);
  const [done, setDone] = useState<string | null>(null);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await set.run({ months: Number(months) });
    if (result) {
      const m = result.setWarranty.months;
      setDone(m === 0 ? 'Plus de garantie sur les prochains appareils livrés.' : `Garantie de ${m} mois sur les prochains appareils livrés.`);
    }
  };
  return (
    <form className="panel stack" onSubmit={onSubmit} aria-labelledby="warranty-title">
      <h2 id="warranty-title">Garantie</h2>
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={set.error} />
      <TextField
        label="Durée de la garantie (mois)"
        hint="De 0 (aucune) à 60 mois, comptés de la livraison. Elle vaut pour les appareils livrés à partir de maintenant : ceux déjà livrés gardent la leur."
        type="number"
        min={0}
        max={60}
        step={1}
        required
        inputMode="numeric"
        value={months}
        onChange={(e) => setMonths(e.target.value)}
      />
      <div className="actions">
        <button type="submit" disabled={set.running}>
          Enregistrer la garantie
        </button>
      </div>
    </form>
  );
}

/** The workshop's repair tickets: those of the devices it delivered, repaired, swapped from its stock or closed. */
export function RefurbisherRepairsPage() {
  const [openOnly, setOpenOnly] = useState(true);
  const { data, error, loading, reload } = useQuery(WebPeopleRepairTicketsDocument, { openOnly, first: 100 });
  const [done, setDone] = useState<string | null>(null);
  const tickets = data?.repairTickets.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title="Réparations">
      <h2>Demandes des partenaires</h2>
      <CheckboxField label="Seulement les demandes en cours" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error} />
      {loading && !data && <Loading what="Chargement des réparations" />}
      {data && tickets.length === 0 && <p>{openOnly ? 'Aucune demande en cours.' : 'Aucune demande de réparation.'}</p>}
      <RepairTicketList
        tickets={tickets}
        actions={(ticket) =>
          ticket.status === 'OPEN' && (
            <ResolveForm
              ticket={ticket}
              onDone={(message) => {
                setDone(message);
                reload();
              }}
            />
          )
        }
      />
      <WarrantyForm />
    </Page>
  );
}
