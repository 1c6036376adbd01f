import { render, screen } from '@testing-library/react';
import { ApiError } from '../api/api-error';
import { ErrorNotice, Loading, StatusBadge, SuccessNotice } from './notices';

describe('notices', () => {
  it('shows nothing without an error', () => {
    const { container } = render(<ErrorNotice error={null} />);
    expect(container.innerHTML).toBe('');
  });

  it('announces a refusal as an alert, with every bad row of a spreadsheet', () => {
    const error = new ApiError('BAD_USER_INPUT', 'INVENTORY_INVALID', 'Le fichier contient des erreurs.', [
      { line: 2, column: 'Catégorie', message: 'catégorie inconnue « Banane »' },
      { line: 3, message: 'quantité négative' },
      { message: 'aucune ligne' },
    ]);
    render(<ErrorNotice error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe('Le fichier contient des erreurs.');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Ligne 2, colonne « Catégorie » : catégorie inconnue « Banane »',
      'Ligne 3 : quantité négative',
      'aucune ligne',
    ]);
  });

  it('announces what a command did politely, and nothing when there is nothing to say', () => {
    const { rerender } = render(<SuccessNotice>{null}</SuccessNotice>);
    expect(screen.queryByRole('status')).toBeNull();
    rerender(<SuccessNotice>Compte créé.</SuccessNotice>);
    expect(screen.getByRole('status').textContent).toBe('Compte créé.');
  });

  it('says what is loading, and names a status in French', () => {
    render(
      <>
        <Loading what="Chargement des comptes" />
        <StatusBadge value="IN_STOCK" />
        <StatusBadge value="SOMETHING_NEW" />
      </>,
    );
    expect(screen.getByRole('status').textContent).toBe('Chargement des comptes…');
    expect(screen.getByText('En stock').className).toBe('badge badge-in_stock');
    // a status the console does not know yet is shown as the API names it, never hidden
    expect(screen.getByText('SOMETHING_NEW')).toBeTruthy();
  });
});
