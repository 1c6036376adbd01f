import type { ReactNode } from 'react';
import { StatusBadge } from '../../components/notices';
import { formatDate, formatNumber } from '../../format';
import type { WebPeopleRepairTicketsQuery } from '../../generated/graphql';
import { CATEGORY, label, REPAIR_OUTCOME } from '../../labels';

export type RepairTicket = WebPeopleRepairTicketsQuery['repairTickets']['edges'][number]['node'];

export const ticketDevice = (ticket: RepairTicket): string =>
  ticket.device
    ? [ticket.device.serialNumber, label(CATEGORY, ticket.device.category), ticket.device.brand, ticket.device.model].filter(Boolean).join(' ')
    : 'Appareil repris par l’atelier';

/** One card per ticket, as the partner and the workshop both follow it; `actions` adds what the reader may do. */
export function RepairTicketList({ tickets, actions }: { tickets: RepairTicket[]; actions?: (ticket: RepairTicket) => ReactNode }) {
  return (
    <>
      {tickets.map((ticket) => (
        <section key={ticket.id} className="panel" aria-labelledby={`ticket-${ticket.id}`}>
          <h3 id={`ticket-${ticket.id}`}>{ticketDevice(ticket)}</h3>
          <p>
            <StatusBadge value={ticket.status} /> ouverte le {formatDate(ticket.openedAt)}
            {ticket.partner && <> par {ticket.partner.name}</>}
            {ticket.refurbisher && <>, atelier {ticket.refurbisher.name}</>} ·{' '}
            {ticket.underWarranty ? `sous garantie jusqu’au ${formatDate(ticket.warrantyUntil)}` : 'hors garantie'}
          </p>
          <p>Panne : {ticket.symptom}</p>
          {ticket.outcome && (
            <p>
              {label(REPAIR_OUTCOME, ticket.outcome)} le {formatDate(ticket.resolvedAt)} (en {formatNumber(ticket.turnaroundHours)} h)
              {ticket.replacementDevice && <> : nouvel appareil {ticket.replacementDevice.serialNumber}</>}
              {ticket.resolution && <> — {ticket.resolution}</>}
            </p>
          )}
          {actions?.(ticket)}
        </section>
      ))}
    </>
  );
}
