import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from '../../api/use-api';
import { CheckboxField, SelectField, TextArea } from '../../components/field';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDate } from '../../format';
import { WebPeopleDeliveredDevicesDocument, WebPeopleOpenRepairTicketDocument, WebPeopleRepairTicketsDocument } from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';
import { RepairTicketList } from './repair-ticket-list';

/** A device with a person breaks down: the partner reports it to the workshop that delivered it, and follows the repair. */
export function PartnerRepairsPage() {
  const [openOnly, setOpenOnly] = useState(false);
  const tickets = useQuery(WebPeopleRepairTicketsDocument, { openOnly, first: 100 });
  const delivered = useQuery(WebPeopleDeliveredDevicesDocument, {});
  const open = useMutation(WebPeopleOpenRepairTicketDocument);
  const [deviceId, setDeviceId] = useState('');
  const [symptom, setSymptom] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const devices = delivered.data?.devices.edges.map((edge) => edge.node) ?? [];
  const chosen = devices.find((d) => d.id === deviceId) ?? devices[0];

  const onOpen = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const result = await open.run({ deviceId: chosen.id, symptom: symptom.trim() });
    if (result) {
      setDone(
        `Demande de réparation ouverte pour ${chosen.serialNumber}${result.openRepairTicket.underWarranty ? ', sous garantie' : ', hors garantie'} : l’atelier est prévenu.`,
      );
      setSymptom('');
      tickets.reload();
    }
  };

  return (
    <Page title="Réparations">
      <SuccessNotice>{done}</SuccessNotice>
      <form className="panel stack" onSubmit={onOpen} aria-labelledby="open-ticket">
        <h2 id="open-ticket">Signaler une panne</h2>
        <ErrorNotice error={delivered.error ?? open.error} />
        {delivered.loading && !delivered.data && <Loading what="Chargement des appareils livrés" />}
        {delivered.data && devices.length === 0 && <p>Aucun appareil livré pour l’instant.</p>}
        {devices.length > 0 && chosen && (
          <>
            <SelectField
              label="Appareil livré"
              value={chosen.id}
              options={devices.map((d) => ({
                value: d.id,
                label: `${d.serialNumber} — ${[label(CATEGORY, d.category), d.brand, d.model].filter(Boolean).join(' ')} (${d.order?.reference ?? 'commande'}${
                  d.warrantyUntil ? `, garanti jusqu’au ${formatDate(d.warrantyUntil)}` : ', sans garantie'
                })`,
              }))}
              onChange={(e) => setDeviceId(e.target.value)}
            />
            <TextArea
              label="Ce qui ne fonctionne pas"
              hint="Quelques mots sur la panne. Ni nom, ni adresse e-mail, ni téléphone."
              required
              maxLength={1000}
              value={symptom}
              onChange={(e) => setSymptom(e.target.value)}
            />
            <div className="actions">
              <button type="submit" disabled={open.running || !symptom.trim()}>
                Ouvrir la demande de réparation
              </button>
            </div>
          </>
        )}
      </form>
      <h2>Suivi des réparations</h2>
      <CheckboxField label="Seulement les demandes en cours" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />
      <ErrorNotice error={tickets.error} />
      {tickets.loading && !tickets.data && <Loading what="Chargement des réparations" />}
      {tickets.data && tickets.data.repairTickets.edges.length === 0 && <p>Aucune demande de réparation.</p>}
      <RepairTicketList tickets={tickets.data?.repairTickets.edges.map((edge) => edge.node) ?? []} />
    </Page>
  );
}
