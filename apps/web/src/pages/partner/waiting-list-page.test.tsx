import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../api/api-error';
import { request } from '../../api/request';
import { answerOperations } from '../../test-support/mock-api';
import { PARTNER_SESSION } from '../../test-support/partner-session';
import { WaitingListPage } from './waiting-list-page';

jest.mock('../../api/request');
const mocked = jest.mocked(request);

const PARTNER = PARTNER_SESSION;

const entry = (needId: string, ref: string, position: number, estimatedWaitDays: number | null) => ({
  needId,
  beneficiaryRef: ref,
  profile: 'JOB_SEEKER',
  category: 'LAPTOP',
  urgency: 'NORMAL',
  position,
  estimatedWaitDays,
  waitingSince: '2026-03-02T09:00:00Z',
});

const need = (id: string, ref: string, status: string) => ({
  id,
  beneficiaryRef: ref,
  profile: 'JOB_SEEKER',
  category: 'LAPTOP',
  urgency: 'NORMAL',
  status,
  eligibilityBasis: 'VOUCHER',
  referralSource: 'JOB_CENTRE',
  voucherNumber: 'PASS-77',
  createdAt: '2026-03-02T09:00:00Z',
  orderId: status === 'ORDERED' ? 'order-9' : null,
  cancellationReason: status === 'CANCELLED' ? 'UNREACHABLE' : null,
});

describe('Personnes en attente', () => {
  afterEach(() => {
    mocked.mockReset();
    window.history.pushState(null, '', '/');
  });

  it('offers only the bases the region accepts, asks a voucher number with a voucher, and records the need', async () => {
    const user = userEvent.setup();
    let recorded = false;
    const calls = answerOperations(mocked, {
      WebPeopleAcceptedBases: () => ({ acceptedEligibilityBases: ['SOCIAL_MINIMA', 'VOUCHER'] }),
      WebPeopleWaitingList: () => ({ waitingList: { totalWaiting: recorded ? 5 : 4, entries: recorded ? [entry('n1', 'CCAS-2026-0042', 3, 20)] : [] } }),
      WebPeopleNeeds: () => ({ needs: { totalCount: 0, edges: [] } }),
      WebPeopleRecordNeed: () => {
        recorded = true;
        return { recordNeed: { id: 'n1', beneficiaryRef: 'CCAS-2026-0042', status: 'WAITING' } };
      },
    });
    render(<WaitingListPage session={PARTNER} />);
    const basis = await screen.findByLabelText('Critère d’éligibilité');
    expect(
      within(basis)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Bénéficiaire d’un minimum social (déclaré)', 'Chèque ou pass numérique (avec son numéro)']);
    // the reference's rule is read with the field
    const ref = screen.getByLabelText(/Référence de la personne/);
    expect(document.getElementById(ref.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/Jamais de nom/);
    expect(screen.queryByLabelText(/Numéro du chèque/)).toBeNull();
    await screen.findByText('Personne n’attend un appareil de votre part.');

    await user.type(ref, 'CCAS-2026-0042');
    await user.selectOptions(basis, 'Chèque ou pass numérique (avec son numéro)');
    await user.type(screen.getByLabelText(/Numéro du chèque/), 'PASS-77');
    await user.selectOptions(screen.getByLabelText('Orientée par'), 'France Travail, mission locale');
    await user.selectOptions(screen.getByLabelText('Urgence'), 'Haute (une échéance proche)');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le besoin' }));
    await screen.findByText('Besoin enregistré pour CCAS-2026-0042 : la personne est sur la liste d’attente.');
    expect(calls).toContainEqual([
      'WebPeopleRecordNeed',
      {
        input: {
          beneficiaryRef: 'CCAS-2026-0042',
          profile: 'JOB_SEEKER',
          category: 'LAPTOP',
          referralSource: 'JOB_CENTRE',
          eligibilityBasis: 'VOUCHER',
          voucherNumber: 'PASS-77',
          urgency: 'HIGH',
        },
      },
    ]);
    // the list is read again: the person is there with a wait in words
    const row = await screen.findByRole('row', { name: /CCAS-2026-0042/ });
    expect(within(row).getByText('environ 3 semaines')).toBeTruthy();
    expect(screen.getByText(/5 personnes en attente dans la région, dont 1 suivie par vous/)).toBeTruthy();
  });

  it('shows the API’s refusal of a reference that names someone, in French', async () => {
    const user = userEvent.setup();
    answerOperations(mocked, {
      WebPeopleAcceptedBases: () => ({ acceptedEligibilityBases: ['SOCIAL_MINIMA'] }),
      WebPeopleWaitingList: () => ({ waitingList: { totalWaiting: 0, entries: [] } }),
      WebPeopleNeeds: () => ({ needs: { totalCount: 0, edges: [] } }),
      WebPeopleRecordNeed: () => {
        throw new ApiError('BAD_USER_INPUT', 'PSEUDONYMOUS_REFERENCE_INVALID', 'La référence doit être un numéro de dossier, jamais un nom.');
      },
    });
    render(<WaitingListPage session={PARTNER} />);
    await user.type(await screen.findByLabelText(/Référence de la personne/), 'Jean Dupont');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le besoin' }));
    expect((await screen.findByRole('alert')).textContent).toBe('La référence doit être un numéro de dossier, jamais un nom.');
  });

  it('lists the waiting needs with their place and wait, cancels one with a reason, and orders for the chosen ones', async () => {
    const user = userEvent.setup();
    const confirmed = new Set<string>();
    const calls = answerOperations(mocked, {
      WebPeopleAcceptedBases: () => ({ acceptedEligibilityBases: ['SOCIAL_MINIMA'] }),
      WebPeopleWaitingList: () => ({
        waitingList: {
          totalWaiting: 7,
          entries: [entry('n1', 'CCAS-1', 2, 5), entry('n2', 'CCAS-2', 4, null), entry('n3', 'CCAS-3', 6, 0)].filter((e) => !confirmed.has(e.needId)),
        },
      }),
      WebPeopleNeeds: () => ({ needs: { totalCount: 2, edges: [{ node: need('n9', 'CCAS-9', 'CANCELLED') }, { node: need('n8', 'CCAS-8', 'ORDERED') }] } }),
      WebPeopleCancelNeed: (v) => {
        confirmed.add(v.needId as string);
        return { cancelNeed: { id: v.needId, status: 'CANCELLED' } };
      },
      WebPeopleOrderForNeeds: () => ({ orderForNeeds: { id: 'order-1', reference: 'CMD-1', status: 'OPEN' } }),
    });
    render(<WaitingListPage session={PARTNER} />);
    const second = await screen.findByRole('row', { name: /CCAS-2/ });
    expect(within(second).getByText('inconnue')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /CCAS-1/ })).getByText('environ 5 jours')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /CCAS-3/ })).getByText('un appareil est disponible')).toBeTruthy();
    // every need with its state, a cancelled one with why
    expect(within(screen.getByRole('row', { name: /CCAS-9/ })).getByText('(injoignable)')).toBeTruthy();
    expect(
      within(screen.getByRole('row', { name: /CCAS-8/ }))
        .getByRole('link', { name: 'Voir la commande' })
        .getAttribute('href'),
    ).toBe('/commandes/order-9');

    await user.click(screen.getByRole('button', { name: 'Annuler le besoin de CCAS-3' }));
    await user.selectOptions(screen.getByLabelText('Motif'), 'Équipé autrement');
    await user.click(screen.getByRole('button', { name: 'Confirmer l’annulation' }));
    await screen.findByText('Besoin de CCAS-3 annulé (équipé autrement).');
    expect(calls).toContainEqual(['WebPeopleCancelNeed', { needId: 'n3', reason: 'EQUIPPED_OTHERWISE' }]);
    await screen.findByText(/dont 2 suivies par vous/);

    const order = screen.getByRole('button', { name: /Commander pour ces personnes/ });
    expect(order.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByLabelText('Choisir CCAS-1'));
    await user.click(screen.getByLabelText('Choisir CCAS-2'));
    await user.click(screen.getByRole('button', { name: 'Commander pour ces personnes (2)' }));
    expect(calls).toContainEqual(['WebPeopleOrderForNeeds', { input: { needIds: ['n1', 'n2'] } }]);
    expect(window.location.pathname).toBe('/commandes/order-1');
  });
});
