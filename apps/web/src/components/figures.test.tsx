import { render, screen } from '@testing-library/react';
import { Figures } from './figures';

describe('Figures', () => {
  it('reads each figure as a term and its value, in the order given', () => {
    render(
      <Figures
        items={[
          ['Appareils déclarés', 12],
          ['CO2e évité (kg)', '1 250'],
        ]}
      />,
    );
    const terms = screen.getAllByRole('term').map((t) => t.textContent);
    const values = screen.getAllByRole('definition').map((d) => d.textContent);
    expect(terms).toEqual(['Appareils déclarés', 'CO2e évité (kg)']);
    expect(values).toEqual(['12', '1 250']);
  });
});
