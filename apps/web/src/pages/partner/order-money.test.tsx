import { render, screen, within } from '@testing-library/react';
import { request } from '../../api/request';
import { answerOperations } from '../../test-support/mock-api';
import { OrderMoney } from './order-money';

jest.mock('../../api/request');
const mocked = jest.mocked(request);

const line = (serialNumber: string, priceCents: number, extra: Record<string, unknown> = {}) => ({
  deviceId: `dev-${serialNumber}`,
  serialNumber,
  category: 'LAPTOP',
  grade: 'A',
  priceCents,
  listed: true,
  publicDonor: false,
  capCents: null,
  shipped: false,
  refurbisherName: 'Atelier Lyon',
  ...extra,
});
const quote = (lines: Array<ReturnType<typeof line>>) => ({
  quote: { orderId: 'o1', totalCents: lines.reduce((sum, l) => sum + l.priceCents, 0), lines, byRefurbisher: [] },
});
const noInvoices = { invoices: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } };
const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

describe('an order’s quote and invoices', () => {
  afterEach(() => mocked.mockReset());

  it('prices each allocated device before the delivery is confirmed, "gratuit" for those given', async () => {
    const calls = answerOperations(mocked, {
      WebQuote: () => quote([line('SN-1', 15_050), line('SN-2', 0, { listed: false }), line('SN-3', 18_000, { publicDonor: true, capCents: 18_000 })]),
      WebInvoices: () => noInvoices,
    });
    render(<OrderMoney orderId="o1" />);
    const table = await screen.findByRole('table', { name: 'Prix TTC de chaque appareil attribué' });
    expect(plain(within(table).getByRole('row', { name: /SN-1/ }).textContent)).toContain('150,50 €');
    expect(within(table).getByRole('row', { name: /SN-2/ }).textContent).toContain('gratuit');
    expect(within(table).getByRole('row', { name: /SN-3/ }).textContent).toContain('don d’un organisme public, prix plafonné');
    expect(plain(within(table).getByRole('row', { name: /Total TTC/ }).textContent)).toBe('Total TTC330,50 €');
    expect(screen.getByText('Aucune facture : elle est émise par l’atelier à l’expédition des appareils.')).toBeTruthy();
    expect(calls).toEqual([
      ['WebQuote', { orderId: 'o1' }],
      ['WebInvoices', { first: 100, orderId: 'o1' }],
    ]);
  });

  it('says when nothing is allocated yet, and a whole order given free totals "gratuit"', async () => {
    answerOperations(mocked, { WebQuote: () => quote([]), WebInvoices: () => noInvoices });
    const { unmount } = render(<OrderMoney orderId="o1" />);
    await screen.findByText('Le devis apparaîtra dès que des appareils seront attribués à cette commande.');
    unmount();
    answerOperations(mocked, { WebQuote: () => quote([line('SN-9', 0)]), WebInvoices: () => noInvoices });
    render(<OrderMoney orderId="o1" />);
    expect((await screen.findByRole('row', { name: /Total TTC/ })).textContent).toBe('Total TTCgratuit');
  });

  it('lists the shipment’s invoice with its PDF link once the devices left', async () => {
    answerOperations(mocked, {
      WebQuote: () => quote([line('SN-1', 15_050, { shipped: true })]),
      WebInvoices: () => ({
        invoices: {
          totalCount: 1,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: [
            {
              node: {
                id: 'inv-1',
                number: '2026-000001',
                kind: 'INVOICE',
                orderId: 'o1',
                totalCents: 15_050,
                createdAt: '2026-03-02T10:00:00Z',
                vatMention: 'TVA non applicable, art. 293 B du CGI',
                pdfUrl: 'http://localhost/invoices/inv-1.pdf?expires=1&signature=s',
                lines: [{ serialNumber: 'SN-1', description: 'Ordinateur portable', priceCents: 15_050 }],
              },
            },
          ],
        },
      }),
    });
    render(<OrderMoney orderId="o1" />);
    expect((await screen.findByRole('row', { name: /SN-1/ })).textContent).toContain('(facturé)');
    const link = await screen.findByRole('link', { name: 'Ouvrir la facture 2026-000001 (PDF)' });
    expect(link.getAttribute('href')).toBe('http://localhost/invoices/inv-1.pdf?expires=1&signature=s');
    expect(plain(screen.getByRole('row', { name: /2026-000001/ }).textContent)).toContain('Facture');
  });
});
