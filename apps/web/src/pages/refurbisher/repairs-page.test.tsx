import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { request } from '../../api/request';
import { answerOperations } from '../../test-support/mock-api';
import { PartnerRepairsPage } from '../partner/repairs-page';
import { RefurbisherRepairsPage } from './repairs-page';

jest.mock('../../api/request');
const mocked = jest.mocked(request);

const ticket = (resolved: boolean) => ({
  id: 't1',
  status: resolved ? 'RESOLVED' : 'OPEN',
  symptom: 'L’écran reste noir',
  openedAt: '2026-03-02T09:00:00Z',
  resolvedAt: resolved ? '2026-03-03T09:00:00Z' : null,
  outcome: resolved ? 'REPLACED' : null,
  resolution: resolved ? 'Carte mère' : null,
  turnaroundHours: resolved ? 24 : null,
  underWarranty: true,
  warrantyUntil: '2027-01-10T10:00:00Z',
  device: { id: 'd1', serialNumber: 'SN-FAULTY', category: 'LAPTOP', brand: 'HP', model: 'EliteBook' },
  replacementDevice: resolved ? { id: 'd3', serialNumber: 'SN-SPARE-2' } : null,
  partner: { name: 'CCAS Lyon' },
  refurbisher: { name: 'Atelier Lyon' },
});

describe('Réparations', () => {
  afterEach(() => mocked.mockReset());

  it('lets the partner report a breakdown of a delivered device and follow it', async () => {
    const user = userEvent.setup();
    let opened = false;
    const calls = answerOperations(mocked, {
      WebPeopleRepairTickets: () => ({ repairTickets: { totalCount: opened ? 1 : 0, edges: opened ? [{ node: ticket(false) }] : [] } }),
      WebPeopleDeliveredDevices: () => ({
        devices: {
          edges: [
            {
              node: {
                id: 'd1',
                serialNumber: 'SN-FAULTY',
                category: 'LAPTOP',
                brand: 'HP',
                model: 'EliteBook',
                warrantyUntil: '2027-01-10T10:00:00Z',
                order: { reference: 'CMD-1' },
              },
            },
          ],
        },
      }),
      WebPeopleOpenRepairTicket: () => {
        opened = true;
        return { openRepairTicket: { id: 't1', status: 'OPEN', underWarranty: true } };
      },
    });
    render(<PartnerRepairsPage />);
    await screen.findByText('Aucune demande de réparation.');
    const device = screen.getByLabelText('Appareil livré');
    expect(
      within(device)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['SN-FAULTY — Ordinateur portable HP EliteBook (CMD-1, garanti jusqu’au 10 janv. 2027)']);
    await user.type(screen.getByLabelText(/Ce qui ne fonctionne pas/), 'L’écran reste noir');
    await user.click(screen.getByRole('button', { name: 'Ouvrir la demande de réparation' }));
    await screen.findByText('Demande de réparation ouverte pour SN-FAULTY, sous garantie : l’atelier est prévenu.');
    expect(calls).toContainEqual(['WebPeopleOpenRepairTicket', { deviceId: 'd1', symptom: 'L’écran reste noir' }]);
    const card = await screen.findByRole('region', { name: /SN-FAULTY/ });
    expect(within(card).getByText('Panne : L’écran reste noir')).toBeTruthy();
  });

  it('lets the workshop swap a faulty device for a spare of its stock, and set its warranty', async () => {
    const user = userEvent.setup();
    let resolved = false;
    const calls = answerOperations(mocked, {
      WebPeopleRepairTickets: (v) => ({
        repairTickets: { totalCount: 1, edges: v.openOnly && resolved ? [] : [{ node: ticket(resolved) }] },
      }),
      WebPeopleSpareDevices: () => ({
        devices: {
          edges: [
            { node: { id: 'd2', serialNumber: 'SN-SPARE-1', brand: 'HP', model: 'EliteBook', grade: 'B' } },
            { node: { id: 'd3', serialNumber: 'SN-SPARE-2', brand: 'Dell', model: 'Latitude', grade: 'A' } },
          ],
        },
      }),
      WebPeopleResolveRepairTicket: () => {
        resolved = true;
        return { resolveRepairTicket: { id: 't1', status: 'RESOLVED', outcome: 'REPLACED' } };
      },
      WebPeopleWarranty: () => ({ warranty: { months: 12, updatedAt: '2026-01-05T09:00:00Z' } }),
      WebPeopleSetWarranty: (v) => ({ setWarranty: { months: v.months, updatedAt: '2026-03-02T09:00:00Z' } }),
    });
    render(<RefurbisherRepairsPage />);
    await user.selectOptions(await screen.findByLabelText('Issue de la réparation (SN-FAULTY)'), 'Remplacé par un appareil du stock');
    await user.selectOptions(await screen.findByLabelText('Appareil de remplacement (SN-FAULTY)'), 'SN-SPARE-2 Dell Latitude grade A');
    await user.type(screen.getByLabelText(/Ce qui a été constaté ou fait/), 'Carte mère');
    await user.click(screen.getByRole('button', { name: 'Clore la demande (SN-FAULTY)' }));
    await screen.findByText(/SN-FAULTY Ordinateur portable HP EliteBook : remplacé par un appareil du stock\./);
    expect(calls).toContainEqual(['WebPeopleSpareDevices', { category: 'LAPTOP' }]);
    expect(calls).toContainEqual([
      'WebPeopleResolveRepairTicket',
      { ticketId: 't1', outcome: 'REPLACED', replacementDeviceId: 'd3', resolution: 'Carte mère' },
    ]);
    await screen.findByText('Aucune demande en cours.');

    const months = screen.getByLabelText(/Durée de la garantie/);
    // the form starts from the warranty as set
    await waitFor(() => expect((months as HTMLInputElement).value).toBe('12'));
    await user.clear(months);
    await user.type(months, '24');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la garantie' }));
    await screen.findByText('Garantie de 24 mois sur les prochains appareils livrés.');
    expect(calls).toContainEqual(['WebPeopleSetWarranty', { months: 24 }]);
  });
});
