import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../api/api-error';
import { request } from '../../api/request';
import { answerOperations } from '../../test-support/mock-api';
import { SESSIONS } from '../../test-support/sessions';
import { UsersPage } from './users-page';

jest.mock('../../api/request');
const mocked = jest.mocked(request);

const region = { id: 'region-ara', name: 'Auvergne-Rhône-Alpes' };
const partner = { id: 'org-partner', name: 'CCAS de Bron', kind: 'PARTNER', region };
const account = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `u${n}`,
  email: `agent${n}@ccas.test`,
  name: null,
  role: 'PARTNER',
  deactivatedAt: null,
  organization: partner,
  ...extra,
});
const page = (nodes: unknown[], hasNextPage = false, totalCount = nodes.length) => ({
  users: { totalCount, pageInfo: { hasNextPage, endCursor: hasNextPage ? 'cursor-1' : null }, edges: nodes.map((node) => ({ node })) },
});
const organizations = { organizations: [{ ...partner, address: {}, contact: null, siret: null, serviceRadiusKm: null, deactivatedAt: null }] };

describe('Utilisateurs', () => {
  afterEach(() => mocked.mockReset());

  it('lists the region’s accounts, pages through them, and filters by role from the first page', async () => {
    const user = userEvent.setup();
    const calls = answerOperations(mocked, {
      WebOrganizations: () => organizations,
      WebUsersList: (v) => (v.after ? page([account(21)], false, 21) : page([account(1), account(2, { name: 'Anne', deactivatedAt: null })], true, 21)),
    });
    render(<UsersPage session={SESSIONS.COORDINATOR} />);
    await screen.findByRole('heading', { name: 'agent1@ccas.test' });
    expect(screen.getByText('Comptes 1 à 2 sur 21')).toBeTruthy();
    // a coordinator names no region: the API keeps it to its own
    expect(calls.find(([name]) => name === 'WebUsersList')![1]).toEqual({
      regionId: null,
      organizationId: null,
      role: null,
      includeDeactivated: false,
      first: 20,
      after: null,
    });
    expect(screen.queryByLabelText('Région')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Comptes suivants' }));
    await screen.findByRole('heading', { name: 'agent21@ccas.test' });
    expect(calls.at(-1)![1].after).toBe('cursor-1');
    expect(screen.getByText('Comptes 21 à 21 sur 21')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Rôle'), 'Partenaire');
    await waitFor(() => expect(calls.at(-1)![1]).toMatchObject({ role: 'PARTNER', after: null }));
    await user.click(screen.getByLabelText('Afficher les comptes désactivés'));
    await waitFor(() => expect(calls.at(-1)![1]).toMatchObject({ includeDeactivated: true, after: null }));
  });

  it('lets an administrator choose a region, and says when no account matches', async () => {
    const user = userEvent.setup();
    const calls = answerOperations(mocked, {
      WebRegions: () => ({ regions: [{ id: 'region-ara', code: 'ARA', name: 'Auvergne-Rhône-Alpes' }] }),
      WebOrganizations: () => organizations,
      WebUsersList: () => page([]),
    });
    render(<UsersPage session={SESSIONS.ADMIN} />);
    await screen.findByText('Aucun compte ne correspond à ces filtres.');
    await user.selectOptions(await screen.findByLabelText('Région'), 'Auvergne-Rhône-Alpes');
    await waitFor(() => expect(calls.filter(([name]) => name === 'WebUsersList').at(-1)![1]).toMatchObject({ regionId: 'region-ara' }));
    expect(screen.getByRole('option', { name: 'Aucune : un compte administrateur' })).toBeTruthy();
  });

  it('deactivates an account, then shows the list as the API now has it', async () => {
    const user = userEvent.setup();
    let deactivated = false;
    const calls = answerOperations(mocked, {
      WebOrganizations: () => organizations,
      WebUsersList: () => page([account(1, { deactivatedAt: deactivated ? '2026-03-01T08:00:00Z' : null })]),
      WebDeactivateUser: () => {
        deactivated = true;
        return { deactivateUser: { id: 'u1', deactivatedAt: '2026-03-01T08:00:00Z' } };
      },
    });
    render(<UsersPage session={SESSIONS.COORDINATOR} />);
    await user.click(await screen.findByRole('button', { name: 'Gérer agent1@ccas.test' }));
    await user.click(screen.getByRole('button', { name: 'Désactiver agent1@ccas.test' }));
    await screen.findByText('Compte agent1@ccas.test désactivé : ses sessions sont terminées.');
    expect(calls).toContainEqual(['WebDeactivateUser', { userId: 'u1' }]);
    await screen.findByRole('button', { name: 'Réactiver agent1@ccas.test' });
    expect(screen.getByText(/^Désactivé le 1 mars 2026/)).toBeTruthy();
  });

  it('issues a reset link to copy by hand', async () => {
    const user = userEvent.setup();
    answerOperations(mocked, {
      WebOrganizations: () => organizations,
      WebUsersList: () => page([account(1)]),
      WebUsersIssuePasswordReset: () => ({ issuePasswordReset: { link: 'https://reemploi.test/reinitialiser?token=abc', expiresAt: '2026-03-01T09:00:00Z' } }),
    });
    render(<UsersPage session={SESSIONS.COORDINATOR} />);
    await user.click(await screen.findByRole('button', { name: 'Gérer agent1@ccas.test' }));
    await user.click(screen.getByRole('button', { name: 'Créer un lien de réinitialisation pour agent1@ccas.test' }));
    const field = (await screen.findByLabelText('Lien de réinitialisation pour agent1@ccas.test')) as HTMLInputElement;
    expect(field.value).toBe('https://reemploi.test/reinitialiser?token=abc');
    expect(field.readOnly).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Copier le lien' }));
    expect(await navigator.clipboard.readText()).toBe('https://reemploi.test/reinitialiser?token=abc');
    expect(screen.getByText('Lien copié.')).toBeTruthy();
  });

  it('creates an account with the role of its organization’s kind, and shows a refusal in French', async () => {
    const user = userEvent.setup();
    let taken = false;
    const calls = answerOperations(mocked, {
      WebOrganizations: () => organizations,
      WebUsersList: () => page([]),
      WebCreateUser: (v) => {
        if (taken) throw ApiError.from({ extensions: { code: 'CONFLICT', reason: 'EMAIL_TAKEN' } });
        taken = true;
        return { createUser: { id: 'u9', email: (v.input as { email: string }).email, role: 'PARTNER' } };
      },
    });
    render(<UsersPage session={SESSIONS.COORDINATOR} />);
    await user.click(await screen.findByText('Créer un compte'));
    const form = screen.getByRole('button', { name: 'Créer le compte' }).closest('form')!;
    await within(form).findByRole('option', { name: 'CCAS de Bron (Partenaire)' });
    await user.type(within(form).getByLabelText(/E-mail du compte/), ' anne@ccas.test ');
    await user.type(within(form).getByLabelText(/Mot de passe initial/), 'un-long-mot-de-passe');
    await user.click(within(form).getByRole('button', { name: 'Créer le compte' }));
    await screen.findByText('Compte anne@ccas.test créé.');
    expect(calls).toContainEqual([
      'WebCreateUser',
      { input: { email: 'anne@ccas.test', password: 'un-long-mot-de-passe', role: 'PARTNER', organizationId: 'org-partner' } },
    ]);

    await user.type(within(form).getByLabelText(/E-mail du compte/), 'anne@ccas.test');
    await user.type(within(form).getByLabelText(/Mot de passe initial/), 'un-long-mot-de-passe');
    await user.click(within(form).getByRole('button', { name: 'Créer le compte' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/adresse/i);
  });

  it('says so when the accounts cannot be read', async () => {
    answerOperations(mocked, {
      WebOrganizations: () => organizations,
      WebUsersList: () => {
        throw ApiError.network();
      },
    });
    render(<UsersPage session={SESSIONS.COORDINATOR} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Le serveur ne répond pas/);
  });
});
