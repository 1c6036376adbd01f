import { render, screen } from '@testing-library/react';
import { Page } from './page';

describe('page', () => {
  it('titles the tab, and moves the focus to its heading so that a screen reader says where a link led', () => {
    const { rerender } = render(
      <Page title="Utilisateurs" actions={<button type="button">Actualiser</button>}>
        <p>contenu</p>
      </Page>,
    );
    expect(document.title).toBe('Utilisateurs — Réseau de réemploi');
    const heading = screen.getByRole('heading', { level: 1, name: 'Utilisateurs' });
    expect(document.activeElement).toBe(heading);
    expect(heading.getAttribute('tabindex')).toBe('-1');
    expect(screen.getByRole('button', { name: 'Actualiser' })).toBeTruthy();

    // another page in the same place takes the focus again
    screen.getByRole('button', { name: 'Actualiser' }).focus();
    rerender(<Page title="Inventaires">{null}</Page>);
    expect(document.title).toBe('Inventaires — Réseau de réemploi');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Inventaires' }));
  });
});
