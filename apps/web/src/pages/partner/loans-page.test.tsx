import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { request } from '../../api/request';
import { answerOperations } from '../../test-support/mock-api';
import { LoansPage } from './loans-page';

jest.mock('../../api/request');
const mocked = jest.mocked(request);

const loan = (id: string, ref: string, status: string, overdue: boolean) => ({
  id,
  status,
  beneficiaryRef: ref,
  deliveredAt: '2026-01-10T10:00:00Z',
  dueDate: '2026-03-10T22:59:59Z',
  endedAt: status === 'ACTIVE' ? null : '2026-03-01T10:00:00Z',
  extensions: 0,
  overdue,
  device: { id: `d-${id}`, serialNumber: `SN-${id}`, category: 'LAPTOP', brand: 'HP', model: 'EliteBook' },
  partner: { id: 'org-ccas', name: 'CCAS Lyon' },
  returnedTo: status === 'RETURNED' ? { id: 'org-ref', name: 'Atelier Lyon' } : null,
});

describe('Prêts', () => {
  afterEach(() => {
    mocked.mockReset();
    jest.restoreAllMocks();
  });

  it('filters the overdue loans, extends one to a day, records a return and converts another to a gift', async () => {
    const user = userEvent.setup();
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    const calls = answerOperations(mocked, {
      WebPeopleLoans: (v) => {
        const all = [loan('l1', 'CCAS-1', 'ACTIVE', true), loan('l2', 'CCAS-2', 'ACTIVE', false), loan('l3', 'CCAS-3', 'RETURNED', false)];
        return { loans: { totalCount: 3, edges: all.filter((l) => !v.overdueOnly || l.overdue).map((node) => ({ node })) } };
      },
      WebPeopleExtendLoan: (v) => ({ extendLoan: { id: v.loanId, dueDate: v.dueDate, status: 'ACTIVE' } }),
      WebPeopleReturnLoan: (v) => ({ returnLoan: { id: v.loanId, status: 'RETURNED', returnedTo: { name: 'Atelier Lyon' } } }),
      WebPeopleConvertLoan: (v) => ({ convertLoanToGift: { id: v.loanId, status: 'CONVERTED' } }),
    });
    render(<LoansPage />);
    const first = await screen.findByRole('region', { name: /^CCAS-1/ });
    expect(within(first).getByText('En retard')).toBeTruthy();
    // a loan that is over offers nothing more
    const returned = screen.getByRole('region', { name: /^CCAS-3/ });
    expect(within(returned).queryByRole('button')).toBeNull();
    expect(within(returned).getByText(/rendu à Atelier Lyon/)).toBeTruthy();

    await user.click(screen.getByLabelText('Seulement les prêts en retard'));
    await screen.findByText('CCAS-1 — SN-l1 Ordinateur portable HP EliteBook', { selector: 'h2' });
    expect(screen.queryByRole('region', { name: /^CCAS-2/ })).toBeNull();
    expect(calls.at(-1)).toEqual(['WebPeopleLoans', { overdueOnly: true, first: 100 }]);

    // jsdom types no date into a date field: the value is set as a picker would
    fireEvent.change(screen.getByLabelText(/^Nouvelle échéance \(CCAS-1\)/), { target: { value: '2026-06-30' } });
    await user.click(screen.getByRole('button', { name: 'Prolonger' }));
    await screen.findByText(/Prêt de CCAS-1 prolongé jusqu’au 30 juin 2026/);
    const extend = calls.find(([name]) => name === 'WebPeopleExtendLoan');
    expect(extend?.[1].loanId).toBe('l1');
    expect(new Date(extend?.[1].dueDate as string).getDate()).toBe(30);

    await user.click(screen.getByRole('button', { name: 'Enregistrer le retour (CCAS-1)' }));
    await screen.findByText('Retour enregistré : l’appareil de CCAS-1 est attendu par Atelier Lyon.');
    expect(calls).toContainEqual(['WebPeopleReturnLoan', { loanId: 'l1' }]);

    await user.click(screen.getByLabelText('Seulement les prêts en retard'));
    await user.click(await screen.findByRole('button', { name: 'Transformer en don (CCAS-2)' }));
    await screen.findByText('Le prêt de CCAS-2 est devenu un don.');
    expect(calls).toContainEqual(['WebPeopleConvertLoan', { loanId: 'l2' }]);
  });

  it('asks before a return, and does nothing when the partner thinks again', async () => {
    const user = userEvent.setup();
    jest.spyOn(window, 'confirm').mockReturnValue(false);
    const calls = answerOperations(mocked, {
      WebPeopleLoans: () => ({ loans: { totalCount: 1, edges: [{ node: loan('l1', 'CCAS-1', 'ACTIVE', false) }] } }),
    });
    render(<LoansPage />);
    await user.click(await screen.findByRole('button', { name: 'Enregistrer le retour (CCAS-1)' }));
    expect(calls.map(([name]) => name)).toEqual(['WebPeopleLoans']);
  });
});
