import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../api/api-error';
import { request } from '../../api/request';
import { answerOperations } from '../../test-support/mock-api';
import { PricesPage } from './prices-page';

jest.mock('../../api/request');
const mocked = jest.mocked(request);

const list = (rows: unknown[] = [{ category: 'LAPTOP', grade: 'A', priceCents: 15_000, privateDonorsOnly: false, capCents: 18_000 }]) => ({
  priceList: {
    refurbisherId: 'org-ref',
    vatMention: 'TVA non applicable, art. 293 B du CGI',
    legalCapSource: 'décret du 7 novembre 2022',
    legalCapUrl: null,
    legalCaps: [
      { category: 'LAPTOP', label: 'Ordinateur portable', capCents: 18_000 },
      { category: 'MONITOR', label: 'Écran', capCents: 3_000 },
    ],
    rows,
  },
});
const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

describe('Tarifs', () => {
  afterEach(() => mocked.mockReset());

  it('shows each price in euros with the legal cap of public donors’ equipment beside it', async () => {
    answerOperations(mocked, { WebPriceList: () => list() });
    render(<PricesPage />);
    const row = await screen.findByRole('group', { name: 'Ligne 1' });
    expect((within(row).getByLabelText(/^Prix TTC/) as HTMLInputElement).value).toBe('150');
    expect(plain(within(row).getByText(/Plafond légal/).textContent)).toBe('Plafond légal pour les appareils de donateurs publics : 180,00 €.');
    const caps = screen.getByRole('table', { name: 'Plafonds en vigueur pour les appareils de donateurs publics' });
    expect(plain(within(caps).getByRole('row', { name: /Écran/ }).textContent)).toContain('30,00 €');
    // a price for private donors only is not capped
    await userEvent.setup().click(within(row).getByLabelText('Donateurs privés seulement'));
    expect(within(row).getByText(/Sans plafond/)).toBeTruthy();
  });

  it('sends the euros typed the French way as whole cents, and reads the list again', async () => {
    const user = userEvent.setup();
    const calls = answerOperations(mocked, {
      WebPriceList: () => list(),
      WebSetPrices: (v) => ({ setPrices: { rows: (v.input as { prices: unknown[] }).prices } }),
    });
    render(<PricesPage />);
    const first = await screen.findByRole('group', { name: 'Ligne 1' });
    await user.clear(within(first).getByLabelText(/^Prix TTC/));
    await user.type(within(first).getByLabelText(/^Prix TTC/), '180,50');
    await user.click(screen.getByRole('button', { name: 'Ajouter une ligne' }));
    const second = screen.getByRole('group', { name: 'Ligne 2' });
    await user.selectOptions(within(second).getByLabelText('Catégorie'), 'Écran');
    await user.selectOptions(within(second).getByLabelText('Grade'), 'B');
    await user.type(within(second).getByLabelText(/^Prix TTC/), '0,29');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les tarifs' }));
    await screen.findByText('Tarifs enregistrés : 2 lignes.');
    expect(calls).toContainEqual([
      'WebSetPrices',
      {
        input: {
          prices: [
            { category: 'LAPTOP', grade: 'A', priceCents: 18_050, privateDonorsOnly: false },
            { category: 'MONITOR', grade: 'B', priceCents: 29, privateDonorsOnly: false },
          ],
        },
      },
    ]);
    expect(calls.filter(([name]) => name === 'WebPriceList')).toHaveLength(2);
  });

  it('refuses a price that is not an amount before sending anything', async () => {
    const user = userEvent.setup();
    const calls = answerOperations(mocked, { WebPriceList: () => list() });
    render(<PricesPage />);
    const row = await screen.findByRole('group', { name: 'Ligne 1' });
    await user.clear(within(row).getByLabelText(/^Prix TTC/));
    await user.type(within(row).getByLabelText(/^Prix TTC/), '18O');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les tarifs' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ligne 1 : « 18O » n’est pas un prix. Tapez un montant en euros, par exemple 180 ou 180,50 (0 pour donner).',
    );
    expect(calls.map(([name]) => name)).toEqual(['WebPriceList']);
  });

  it('explains in French why a price above the legal cap is refused, keeping what was typed', async () => {
    const user = userEvent.setup();
    answerOperations(mocked, {
      WebPriceList: () => list(),
      WebSetPrices: () => {
        throw ApiError.from({
          extensions: {
            code: 'BAD_USER_INPUT',
            reason: 'PRICE_ABOVE_LEGAL_CAP',
            details: { category: 'LAPTOP', grade: 'A', capCents: 18_000, source: 'décret du 7 novembre 2022' },
          },
        });
      },
    });
    render(<PricesPage />);
    const row = await screen.findByRole('group', { name: 'Ligne 1' });
    await user.clear(within(row).getByLabelText(/^Prix TTC/));
    await user.type(within(row).getByLabelText(/^Prix TTC/), '181');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les tarifs' }));
    expect(plain((await screen.findByRole('alert')).textContent)).toBe(
      'Le prix des ordinateurs portables donnés par un organisme public ne peut dépasser 180,00 €, plafond fixé par le décret du 7 novembre 2022 : baissez ce prix, ou réservez-le aux appareils de donateurs privés.',
    );
    expect((within(row).getByLabelText(/^Prix TTC/) as HTMLInputElement).value).toBe('181');
  });

  it('records the VAT mention printed on the invoices', async () => {
    const user = userEvent.setup();
    const calls = answerOperations(mocked, {
      WebPriceList: () => list([]),
      WebSetVatMention: (v) => ({ setVatMention: { vatMention: (v.input as { vatMention: string }).vatMention } }),
    });
    render(<PricesPage />);
    expect(await screen.findByText('Aucun prix : tous vos appareils sont donnés. Ajoutez une ligne pour en fixer un.')).toBeTruthy();
    const field = screen.getByLabelText(/^Mention imprimée sur vos factures/);
    await user.clear(field);
    await user.type(field, 'TVA incluse au taux de 20 %');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la mention' }));
    await screen.findByText('Mention de TVA enregistrée : « TVA incluse au taux de 20 % ».');
    expect(calls).toContainEqual(['WebSetVatMention', { input: { vatMention: 'TVA incluse au taux de 20 %' } }]);
  });
});
