import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../api/api-error';
import { request } from '../../api/request';
import type { Session } from '../../api/session';
import { answerOperations } from '../../test-support/mock-api';
import { SESSIONS } from '../../test-support/sessions';
import { TaxReceiptsPage } from './tax-receipts-page';

jest.mock('../../api/request');
const mocked = jest.mocked(request);

const region = { id: 'region-ara', code: 'ARA', name: 'Auvergne-Rhône-Alpes' };
const DONOR: Session = {
  ...SESSIONS.REFURBISHER,
  user: { id: 'u-donor', email: 'donor@ara.test', name: null, role: 'DONOR', organization: { id: 'org-donor', name: 'Banque Rhône', kind: 'DONOR', region } },
};
const receipt = {
  id: 'r1',
  number: 'RF-2026-00001',
  donationId: 'don-1',
  donationReference: 'D-0001',
  donorName: 'Banque Rhône',
  refurbisherName: 'Atelier Lyon',
  valuationCents: 45_050,
  giftDate: '2026-03-01T09:00:00Z',
  goodsDescription: '2 ordinateurs portables',
  deviceCount: 2,
  createdAt: '2026-03-05T09:00:00Z',
  pdfUrl: 'http://localhost/papers/tax-receipts/r1.pdf?expires=1&signature=s',
};
const receipts = (nodes: unknown[]) => ({
  taxReceipts: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map((node) => ({ node })) },
});
const lot = (id: string, status: string, donationId: string, reference: string) => ({
  node: { id, status, receivedQuantity: 2, donation: { id: donationId, reference, donor: { name: `Donateur ${reference}` } } },
});
const lots = { lots: { edges: [lot('l1', 'RECEIVED', 'don-1', 'D-0001'), lot('l2', 'CLOSED', 'don-2', 'D-0002'), lot('l3', 'CLAIMED', 'don-3', 'D-0003')] } };
const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

describe('Reçus fiscaux', () => {
  afterEach(() => mocked.mockReset());

  it('lets an eligible workshop issue a receipt for a donation it received, valued in euros sent as cents', async () => {
    const user = userEvent.setup();
    let issued = false;
    const calls = answerOperations(mocked, {
      WebTaxReceipts: () => receipts(issued ? [{ ...receipt, donationId: 'don-2', donationReference: 'D-0002' }] : []),
      WebTaxReceiptEligibility: () => ({ organization: { id: 'org-ref', taxReceiptEligible: true } }),
      WebReceivedDonations: () => lots,
      WebIssueTaxReceipt: () => {
        issued = true;
        return { issueTaxReceipt: { id: 'r1', number: 'RF-2026-00001', pdfUrl: receipt.pdfUrl } };
      },
    });
    render(<TaxReceiptsPage session={SESSIONS.REFURBISHER} />);
    const donation = await screen.findByLabelText('Don reçu');
    // only donations whose devices the workshop registered
    expect(
      within(donation)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['D-0001 — Donateur D-0001', 'D-0002 — Donateur D-0002']);
    await user.selectOptions(donation, 'D-0002 — Donateur D-0002');
    await user.type(screen.getByLabelText(/^Valorisation du don/), '450,50');
    await user.click(screen.getByRole('button', { name: 'Délivrer le reçu' }));
    expect(plain((await screen.findByRole('status')).textContent)).toBe('Reçu fiscal RF-2026-00001 délivré pour 450,50 €.');
    expect(calls).toContainEqual(['WebIssueTaxReceipt', { input: { donationId: 'don-2', valuationCents: 45_050 } }]);
    const link = await screen.findByRole('link', { name: 'Ouvrir le reçu RF-2026-00001 (PDF)' });
    expect(link.getAttribute('href')).toBe(receipt.pdfUrl);
    // a donation with its receipt is no longer offered
    expect(within(screen.getByLabelText('Don reçu')).getAllByRole('option')).toHaveLength(1);
  });

  it('refuses a valuation that is not an amount above 0, and shows the API’s refusal in French', async () => {
    const user = userEvent.setup();
    const calls = answerOperations(mocked, {
      WebTaxReceipts: () => receipts([]),
      WebTaxReceiptEligibility: () => ({ organization: { id: 'org-ref', taxReceiptEligible: true } }),
      WebReceivedDonations: () => lots,
      WebIssueTaxReceipt: () => {
        throw ApiError.from({ extensions: { code: 'CONFLICT', reason: 'TAX_RECEIPT_ALREADY_ISSUED', details: { number: 'RF-2026-00007' } } });
      },
    });
    render(<TaxReceiptsPage session={SESSIONS.REFURBISHER} />);
    await user.type(await screen.findByLabelText(/^Valorisation du don/), '0');
    await user.click(screen.getByRole('button', { name: 'Délivrer le reçu' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^« 0 » n’est pas une valorisation/);
    expect(calls.some(([name]) => name === 'WebIssueTaxReceipt')).toBe(false);
    await user.clear(screen.getByLabelText(/^Valorisation du don/));
    await user.type(screen.getByLabelText(/^Valorisation du don/), '300');
    await user.click(screen.getByRole('button', { name: 'Délivrer le reçu' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Un reçu fiscal a déjà été délivré pour ce don (n° RF-2026-00007) : téléchargez-le depuis la liste des reçus.',
    );
  });

  it('tells a workshop not recorded eligible whom to ask, without a form', async () => {
    answerOperations(mocked, {
      WebTaxReceipts: () => receipts([]),
      WebTaxReceiptEligibility: () => ({ organization: { id: 'org-ref', taxReceiptEligible: false } }),
      WebReceivedDonations: () => lots,
    });
    render(<TaxReceiptsPage session={SESSIONS.REFURBISHER} />);
    await screen.findByText(/n’est pas enregistré comme pouvant délivrer des reçus fiscaux/);
    expect(screen.queryByRole('button', { name: 'Délivrer le reçu' })).toBeNull();
  });

  it('shows a donor the receipts of its gifts, read only', async () => {
    const calls = answerOperations(mocked, { WebTaxReceipts: () => receipts([receipt]) });
    render(<TaxReceiptsPage session={DONOR} />);
    const row = await screen.findByRole('row', { name: /RF-2026-00001/ });
    expect(plain(row.textContent)).toContain('Atelier Lyon');
    expect(plain(row.textContent)).toContain('450,50 €');
    expect(plain(row.textContent)).toContain('2 ordinateurs portables');
    expect(screen.queryByRole('button')).toBeNull();
    expect(calls).toEqual([['WebTaxReceipts', { first: 20, after: null }]]);
  });
});
