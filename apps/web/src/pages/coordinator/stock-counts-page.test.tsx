import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { request } from '../../api/request';
import { answerOperations } from '../../test-support/mock-api';
import { SESSIONS } from '../../test-support/sessions';
import { StockCountsPage } from './stock-counts-page';

jest.mock('../../api/request');
const mocked = jest.mocked(request);

const count = (decided: boolean) => ({
  id: 'rec-1',
  status: decided ? 'RESOLVED' : 'OPEN',
  createdAt: '2026-03-02T09:00:00Z',
  submittedBy: 'refurbisher@ara.test',
  expectedQuantity: 3,
  countedQuantity: 3,
  missingQuantity: 1,
  unexpectedQuantity: 1,
  resolvedAt: null,
  resolvedBy: null,
  markedMissingQuantity: null,
  scope: { categories: ['LAPTOP'], location: 'A1', deviceCount: null },
  refurbisher: { id: 'org-ref', name: 'Atelier Lyon' },
  discrepancies: [
    {
      id: 'd1',
      kind: 'MISSING',
      serialNumber: 'SN-MISSING',
      decision: decided ? 'FOUND' : null,
      decidedBy: decided ? 'coordinator@ara.test' : null,
      device: { id: 'dev1', status: 'IN_STOCK', category: 'LAPTOP' },
    },
    { id: 'd2', kind: 'UNEXPECTED', serialNumber: 'SN-UNKNOWN', decision: null, decidedBy: null, device: null },
  ],
});

describe('Inventaires', () => {
  afterEach(() => mocked.mockReset());

  it('shows the workshop its counts and their discrepancies, without deciding them', async () => {
    const calls = answerOperations(mocked, { WebStockCounts: () => ({ reconciliations: [count(false)] }) });
    render(<StockCountsPage session={SESSIONS.REFURBISHER} />);
    const section = await screen.findByRole('region', { name: /^Inventaire du 2 mars 2026/ });
    expect(within(section).getByText(/périmètre : Ordinateur portable ; emplacement A1/)).toBeTruthy();
    expect(within(section).getByRole('rowheader', { name: 'SN-UNKNOWN' })).toBeTruthy();
    expect(within(section).getByText('inconnu du réseau')).toBeTruthy();
    expect(within(section).getAllByText('à décider par la coordination')).toHaveLength(2);
    expect(within(section).queryByRole('button')).toBeNull();
    // a workshop names no refurbisher: the API answers its own counts
    expect(calls).toEqual([['WebStockCounts', { refurbisherId: null }]]);
  });

  it('lets the coordinator choose a workshop, decide a discrepancy and close the count', async () => {
    const user = userEvent.setup();
    let decided = false;
    const calls = answerOperations(mocked, {
      WebOrganizations: () => ({
        organizations: [
          { id: 'org-ref', name: 'Atelier Lyon' },
          { id: 'org-ref2', name: 'Atelier Givors' },
        ],
      }),
      WebStockCounts: (v) => ({ reconciliations: v.refurbisherId === 'org-ref' ? [count(decided)] : [] }),
      WebStockCountsResolveDiscrepancy: () => {
        decided = true;
        return { resolveDiscrepancy: { id: 'rec-1', status: 'OPEN' } };
      },
      WebStockCountsResolve: () => ({ resolveReconciliation: { id: 'rec-1', status: 'RESOLVED', markedMissingQuantity: 0 } }),
    });
    render(<StockCountsPage session={SESSIONS.COORDINATOR} />);
    await user.selectOptions(await screen.findByLabelText('Décision pour SN-MISSING'), 'Retrouvé');
    await user.click(screen.getByRole('button', { name: 'Décider pour SN-MISSING' }));
    await screen.findByText('SN-MISSING : retrouvé.');
    expect(calls).toContainEqual(['WebStockCountsResolveDiscrepancy', { discrepancyId: 'd1', decision: 'FOUND' }]);
    // the page reads the count again: the decision is shown with who took it
    await screen.findByRole('cell', { name: 'Retrouvé (coordinator@ara.test)' });

    await user.selectOptions(screen.getByLabelText('Atelier'), 'Atelier Givors');
    await screen.findByText('Aucun inventaire enregistré pour cet atelier.');
    expect(calls.at(-1)).toEqual(['WebStockCounts', { refurbisherId: 'org-ref2' }]);
  });

  it('closes an open count on the coordinator’s word, saying how many devices went missing', async () => {
    const user = userEvent.setup();
    const calls = answerOperations(mocked, {
      WebOrganizations: () => ({ organizations: [{ id: 'org-ref', name: 'Atelier Lyon' }] }),
      WebStockCounts: () => ({ reconciliations: [count(false)] }),
      WebStockCountsResolve: () => ({ resolveReconciliation: { id: 'rec-1', status: 'RESOLVED', markedMissingQuantity: 1 } }),
    });
    render(<StockCountsPage session={SESSIONS.COORDINATOR} />);
    await user.click(await screen.findByRole('button', { name: 'Clore l’inventaire' }));
    await screen.findByText('Inventaire clos : 1 appareils déclarés manquants.');
    expect(calls).toContainEqual(['WebStockCountsResolve', { id: 'rec-1' }]);
  });
});
