import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { request } from '../../api/request';
import { answerOperations } from '../../test-support/mock-api';
import { SESSIONS } from '../../test-support/sessions';
import { parseKilograms } from './recycling-destination-fields';
import { WasteRegisterPage } from './waste-register-page';

jest.mock('../../api/request');
const mocked = jest.mocked(request);

const shipped = {
  destinationPending: false,
  shippedAt: '2026-02-10T09:00:00Z',
  recycledAt: null,
  wasteCode: '16 02 14',
  wasteLabel: 'Équipements informatiques mis au rebut',
  hazardous: false,
  weightKg: 12.5,
  deviceCount: 2,
  deviceIds: ['d1', 'd2'],
  serialNumbers: ['SN-1', 'SN-2'],
  destinationName: 'Ecosystem',
  destinationSiret: '83033936200022',
  treatmentCode: 'R4',
  transportDocument: 'BSD-1',
  carrier: 'Transports Martin',
};
const pending = {
  ...shipped,
  destinationPending: true,
  shippedAt: null,
  recycledAt: '2026-03-01T09:00:00Z',
  wasteCode: null,
  weightKg: null,
  deviceCount: 2,
  deviceIds: ['d3', 'd4'],
  serialNumbers: ['SN-3', 'SN-4'],
  destinationName: null,
  destinationSiret: null,
  treatmentCode: null,
  transportDocument: null,
  carrier: null,
};
const register = (rows: unknown[], pendingDeviceCount: number) => ({
  wasteRegister: {
    pendingDeviceCount,
    shippedWeightKg: 12.5,
    csvUrl: 'http://localhost/papers/waste-registers/org-ref.csv?s=1',
    linkExpiresAt: '2026-03-05T09:00:00Z',
    rows,
  },
});

describe('Registre des déchets', () => {
  afterEach(() => mocked.mockReset());

  it('reads the period chosen, lists the loads and the pending devices, and links the CSV', async () => {
    const calls = answerOperations(mocked, { WebWasteRegister: () => register([shipped, pending], 2) });
    render(<WasteRegisterPage session={SESSIONS.REFURBISHER} />);
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('row', { name: /SN-1, SN-2/ }).textContent).toContain('Ecosystem, SIRET 83033936200022, R4');
    expect(within(table).getByRole('row', { name: /SN-3, SN-4/ }).textContent).toContain('destination à renseigner');
    expect(screen.getByRole('link', { name: 'Télécharger le registre (CSV)' }).getAttribute('href')).toBe(
      'http://localhost/papers/waste-registers/org-ref.csv?s=1',
    );
    const [, variables] = calls[0];
    expect(variables.refurbisherId).toBe('org-ref');
    // the last day chosen is in the period: `to` is the start of the next day
    expect(new Date(variables.to as string).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(variables.from as string).getMonth()).toBe(0);
  });

  it('records the destination of the devices recycled without one, weight typed the French way', async () => {
    const user = userEvent.setup();
    let recorded = false;
    const calls = answerOperations(mocked, {
      WebWasteRegister: () => (recorded ? register([shipped], 0) : register([shipped, pending], 2)),
      WebRecordRecyclingDestination: () => {
        recorded = true;
        return { recordRecyclingDestination: { deviceCount: 1, weightKg: 9.5, destinationName: 'Ecosystem' } };
      },
    });
    render(<WasteRegisterPage session={SESSIONS.REFURBISHER} />);
    await user.click(await screen.findByLabelText('Remis : SN-4'));
    await user.type(screen.getByLabelText(/^Destination \(raison sociale\)/), 'Ecosystem');
    await user.type(screen.getByLabelText(/^SIRET de la destination/), '830 339 362 00022');
    await user.type(screen.getByLabelText(/^Poids du chargement/), '9,5');
    await user.type(screen.getByLabelText(/^Numéro du bordereau/), 'BSD-2026-0001');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le chargement' }));
    await screen.findByText(/^Chargement enregistré : 1 appareil, 9,5 kg, vers Ecosystem\.$/);
    expect(calls).toContainEqual([
      'WebRecordRecyclingDestination',
      {
        input: {
          deviceIds: ['d4'],
          destination: { name: 'Ecosystem', siret: '830 339 362 00022', address: null, treatmentCode: null },
          weightKg: 9.5,
          transportDocument: 'BSD-2026-0001',
          carrier: null,
          wasteCode: '16 02 14',
        },
      },
    ]);
    // read again: nothing is pending any more
    expect(await screen.findByText('0')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enregistrer le chargement' })).toBeNull();
  });

  it('asks for the devices and a weight before sending a load', async () => {
    const user = userEvent.setup();
    const calls = answerOperations(mocked, { WebWasteRegister: () => register([pending], 2) });
    render(<WasteRegisterPage session={SESSIONS.REFURBISHER} />);
    await user.click(await screen.findByRole('button', { name: 'Enregistrer le chargement' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Cochez les appareils remis avec ce chargement.');
    await user.click(screen.getByLabelText('Remis : SN-3'));
    await user.type(screen.getByLabelText(/^Destination \(raison sociale\)/), 'Ecosystem');
    await user.type(screen.getByLabelText(/^SIRET de la destination/), '83033936200022');
    await user.type(screen.getByLabelText(/^Poids du chargement/), 'lourd');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le chargement' }));
    expect((await screen.findByRole('alert')).textContent).toBe('« lourd » n’est pas un poids : tapez des kilogrammes, par exemple 2,4.');
    expect(calls.every(([name]) => name === 'WebWasteRegister')).toBe(true);
  });

  it('reads kilograms to the gram, from the string', () => {
    expect(parseKilograms('2,4')).toBe(2.4);
    expect(parseKilograms('9.5 kg')).toBe(9.5);
    expect(parseKilograms('0,001')).toBe(0.001);
    for (const bad of ['0', '0,0001', '-1', 'lourd', '']) expect(parseKilograms(bad)).toBeNull();
  });
});
