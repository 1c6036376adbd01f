import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { CheckboxField, optionsOf, SelectField, TextArea, TextField } from './field';

describe('form fields', () => {
  it('labels each input and reads its hint with it', () => {
    render(<TextField label="Code postal" hint="Cinq chiffres." required defaultValue="" />);
    const input = screen.getByLabelText(/Code postal/);
    const hint = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe('Cinq chiffres.');
    expect(input.hasAttribute('required')).toBe(true);
    // the star is for the eye; the required attribute is what assistive technology reads
    expect(screen.getByText('*').getAttribute('aria-hidden')).toBe('true');
  });

  it('leaves aria-describedby out when there is no hint, and gives each field its own id', () => {
    render(
      <>
        <TextField label="Nom" />
        <TextArea label="Raison" />
      </>,
    );
    const name = screen.getByLabelText('Nom');
    const reason = screen.getByLabelText('Raison');
    expect(name.hasAttribute('aria-describedby')).toBe(false);
    expect(name.id).not.toBe(reason.id);
    expect(reason.tagName).toBe('TEXTAREA');
  });

  it('offers a table of labels as options, and the keyboard changes the choice', async () => {
    const user = userEvent.setup();
    function Choice() {
      const [value, setValue] = useState('A');
      return (
        <>
          <SelectField label="Grade" value={value} options={optionsOf({ A: 'Très bon état', B: 'Bon état' })} onChange={(e) => setValue(e.target.value)} />
          <output>{value}</output>
        </>
      );
    }
    render(<Choice />);
    const select = screen.getByLabelText('Grade');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Très bon état', 'Bon état']);
    await user.selectOptions(select, 'Bon état');
    expect(screen.getByRole('status').textContent).toBe('B');
  });

  it('ticks a checkbox by its label or the space bar', async () => {
    const user = userEvent.setup();
    const changes: boolean[] = [];
    render(<CheckboxField label="Webcam" onChange={(e) => changes.push(e.target.checked)} />);
    await user.click(screen.getByText('Webcam'));
    screen.getByLabelText('Webcam').focus();
    await user.keyboard(' ');
    expect(changes).toEqual([true, false]);
  });
});
