import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { request } from '../../api/request';
import { answerOperations } from '../../test-support/mock-api';
import { RecycleForm } from './device-forms';

jest.mock('../../api/request');
const mocked = jest.mocked(request);
const device = { id: 'dev-1', serialNumber: 'SN-1' };

describe('recycling a device', () => {
  afterEach(() => mocked.mockReset());

  it('leaves the destination to the register when it is not known yet', async () => {
    const user = userEvent.setup();
    const done = jest.fn();
    const calls = answerOperations(mocked, { WebRecycleDevice: () => ({ recycleDevice: { id: 'dev-1', status: 'RECYCLED' } }) });
    render(<RecycleForm device={device} onDone={done} />);
    await user.type(screen.getByLabelText(/^Raison du recyclage/), 'carte mère morte');
    await user.click(screen.getByRole('button', { name: 'Recycler l’appareil' }));
    expect(calls).toEqual([['WebRecycleDevice', { input: { deviceId: 'dev-1', reason: 'carte mère morte' } }]]);
    expect(done).toHaveBeenCalledWith('SN-1 part au recyclage : sa destination reste à renseigner dans le registre des déchets.');
  });

  it('sends the destination, weight and papers when the device leaves at once', async () => {
    const user = userEvent.setup();
    const done = jest.fn();
    const calls = answerOperations(mocked, { WebRecycleDevice: () => ({ recycleDevice: { id: 'dev-1', status: 'RECYCLED' } }) });
    render(<RecycleForm device={device} onDone={done} />);
    await user.type(screen.getByLabelText(/^Raison du recyclage/), 'écran cassé');
    await user.click(screen.getByLabelText(/^Destination déjà connue/));
    await user.type(screen.getByLabelText(/^Destination \(raison sociale\)/), 'Ecosystem');
    await user.type(screen.getByLabelText(/^SIRET de la destination/), '83033936200022');
    await user.type(screen.getByLabelText(/^Code de traitement/), 'r13');
    await user.type(screen.getByLabelText(/^Poids de l’appareil/), '2,4');
    await user.selectOptions(screen.getByLabelText('Code déchet'), '16 02 13*');
    await user.type(screen.getByLabelText(/^Transporteur/), 'Transports Martin');
    await user.click(screen.getByRole('button', { name: 'Recycler l’appareil' }));
    expect(calls).toEqual([
      [
        'WebRecycleDevice',
        {
          input: {
            deviceId: 'dev-1',
            reason: 'écran cassé',
            destination: { name: 'Ecosystem', siret: '83033936200022', address: null, treatmentCode: 'R13' },
            weightKg: 2.4,
            transportDocument: null,
            carrier: 'Transports Martin',
            wasteCode: '16 02 13*',
          },
        },
      ],
    ]);
    expect(done).toHaveBeenCalledWith('SN-1 part au recyclage chez Ecosystem.');
  });

  it('refuses a weight that is not kilograms before sending a destination', async () => {
    const user = userEvent.setup();
    const calls = answerOperations(mocked, {});
    render(<RecycleForm device={device} onDone={() => undefined} />);
    await user.type(screen.getByLabelText(/^Raison du recyclage/), 'HS');
    await user.click(screen.getByLabelText(/^Destination déjà connue/));
    await user.type(screen.getByLabelText(/^Destination \(raison sociale\)/), 'Ecosystem');
    await user.type(screen.getByLabelText(/^SIRET de la destination/), '83033936200022');
    await user.type(screen.getByLabelText(/^Poids de l’appareil/), 'lourd');
    await user.click(screen.getByRole('button', { name: 'Recycler l’appareil' }));
    expect((await screen.findByRole('alert')).textContent).toBe('« lourd » n’est pas un poids : tapez des kilogrammes, par exemple 2,4.');
    expect(calls).toEqual([]);
  });
});
