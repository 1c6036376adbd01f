import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { request } from '../../api/request';
import { answerOperations } from '../../test-support/mock-api';
import { CreateOrganizationForm, EditOrganizationForm, Organization } from './organization-forms';

jest.mock('../../api/request');
const mocked = jest.mocked(request);

const organization = (kind: string, extra: Partial<Organization> = {}): Organization =>
  ({
    id: `org-${kind}`,
    name: `Org ${kind}`,
    kind,
    siret: null,
    serviceRadiusKm: kind === 'REFURBISHER' ? 30 : null,
    publicBody: false,
    taxReceiptEligible: false,
    deactivatedAt: null,
    deactivationReason: null,
    address: { street: null, postalCode: '69001', city: 'Lyon' },
    contact: null,
    region: { id: 'region-ara', name: 'Auvergne-Rhône-Alpes' },
    ...extra,
  }) as Organization;

const PUBLIC_BODY = /^Organisme public/;
const TAX_RECEIPTS = /^Peut délivrer des reçus fiscaux/;

describe('the organizations’ money and paperwork flags', () => {
  afterEach(() => mocked.mockReset());

  it('records a donor as a public body, and only a donor', async () => {
    const user = userEvent.setup();
    const calls = answerOperations(mocked, { WebUpdateOrganization: () => ({ updateOrganization: { id: 'org-DONOR', name: 'Org DONOR' } }) });
    render(<EditOrganizationForm organization={organization('DONOR')} onDone={() => undefined} />);
    expect(screen.queryByLabelText(TAX_RECEIPTS)).toBeNull();
    await user.click(screen.getByLabelText(PUBLIC_BODY));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(calls[0][1].input).toMatchObject({ organizationId: 'org-DONOR', publicBody: true, taxReceiptEligible: undefined });
  });

  it('shows a workshop’s eligibility as recorded and lets the coordinator withdraw it', async () => {
    const user = userEvent.setup();
    const calls = answerOperations(mocked, { WebUpdateOrganization: () => ({ updateOrganization: { id: 'org-REFURBISHER', name: 'Org REFURBISHER' } }) });
    render(<EditOrganizationForm organization={organization('REFURBISHER', { taxReceiptEligible: true })} onDone={() => undefined} />);
    expect(screen.queryByLabelText(PUBLIC_BODY)).toBeNull();
    const eligible = screen.getByLabelText(TAX_RECEIPTS) as HTMLInputElement;
    expect(eligible.checked).toBe(true);
    await user.click(eligible);
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(calls[0][1].input).toMatchObject({ taxReceiptEligible: false, publicBody: undefined });
  });

  it('sets the flag of the kind created, and never one the API would refuse for another kind', async () => {
    const user = userEvent.setup();
    const calls = answerOperations(mocked, { WebCreateOrganization: () => ({ createOrganization: { id: 'new', name: 'Mairie' } }) });
    render(<CreateOrganizationForm regionId="region-ara" kinds={['DONOR', 'REFURBISHER', 'PARTNER']} onDone={() => undefined} />);
    await user.type(screen.getByLabelText(/^Nom/), 'Mairie');
    await user.type(screen.getByLabelText(/^Code postal/), '69100');
    await user.type(screen.getByLabelText(/^Commune/), 'Villeurbanne');
    await user.click(screen.getByLabelText(PUBLIC_BODY));
    await user.click(screen.getByRole('button', { name: 'Créer l’organisation' }));
    expect(calls[0][1].input).toMatchObject({ kind: 'DONOR', publicBody: true, taxReceiptEligible: undefined });
    await user.selectOptions(screen.getByLabelText('Type'), 'Partenaire');
    expect(screen.queryByLabelText(PUBLIC_BODY)).toBeNull();
    await user.type(screen.getByLabelText(/^Nom/), 'CCAS');
    await user.click(screen.getByRole('button', { name: 'Créer l’organisation' }));
    expect(calls[1][1].input).toMatchObject({ kind: 'PARTNER', publicBody: undefined, taxReceiptEligible: undefined });
  });
});
