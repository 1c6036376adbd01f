import { useState } from 'react';
import type { Session } from '../../api/session';
import { useQuery } from '../../api/use-api';
import { CheckboxField, optionsOf, SelectField } from '../../components/field';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { type Role, WebOrganizationsDocument, WebRegionsDocument, WebUsersListDocument } from '../../generated/graphql';
import { ROLE } from '../../labels';
import { NewAccountForm } from './new-account-form';
import { UserCard } from './user-card';

export const USERS_PAGE_SIZE = 20;

/**
 * The accounts staff administer: a coordinator its region's, an administrator everyone's (the API
 * keeps each to its own). Filters, pages of twenty, a new account, and each account's commands.
 */
export function UsersPage({ session }: { session: Session }) {
  const admin = session.user.role === 'ADMIN';
  const regions = useQuery(WebRegionsDocument, {}, !admin);
  const [chosenRegion, setChosenRegion] = useState('');
  const regionId = admin ? chosenRegion : (session.user.organization?.region.id ?? '');
  const organizations = useQuery(WebOrganizationsDocument, { regionId: regionId || null, kind: null });
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState('');
  const [includeDeactivated, setIncludeDeactivated] = useState(false);
  // the cursors of the pages before this one, to go back
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const filters = { regionId: admin ? chosenRegion || null : null, organizationId: organizationId || null, role: (role || null) as Role | null };
  const { data, error, loading, reload } = useQuery(WebUsersListDocument, { ...filters, includeDeactivated, first: USERS_PAGE_SIZE, after });
  const [done, setDone] = useState<string | null>(null);
  const refilter = (change: () => void) => {
    change();
    setCursors([null]);
    setDone(null);
  };
  const changed = (message: string) => {
    setDone(message);
    reload();
  };
  const accounts = data?.users.edges.map((e) => e.node) ?? [];
  const first = (cursors.length - 1) * USERS_PAGE_SIZE + 1;
  return (
    <Page title="Utilisateurs">
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error ?? regions.error ?? organizations.error} />
      <form className="grid" aria-label="Filtrer les comptes" onSubmit={(e) => e.preventDefault()}>
        {admin && (
          <SelectField
            label="Région"
            value={chosenRegion}
            options={[{ value: '', label: 'Toutes' }, ...(regions.data?.regions ?? []).map((r) => ({ value: r.id, label: r.name }))]}
            onChange={(e) =>
              refilter(() => {
                setChosenRegion(e.target.value);
                setOrganizationId('');
              })
            }
          />
        )}
        <SelectField
          label="Organisation"
          value={organizationId}
          options={[{ value: '', label: 'Toutes' }, ...(organizations.data?.organizations ?? []).map((o) => ({ value: o.id, label: o.name }))]}
          onChange={(e) => refilter(() => setOrganizationId(e.target.value))}
        />
        <SelectField
          label="Rôle"
          value={role}
          options={[{ value: '', label: 'Tous' }, ...optionsOf(ROLE)]}
          onChange={(e) => refilter(() => setRole(e.target.value))}
        />
        <CheckboxField
          label="Afficher les comptes désactivés"
          checked={includeDeactivated}
          onChange={(e) => refilter(() => setIncludeDeactivated(e.target.checked))}
        />
      </form>
      <details className="panel">
        <summary>Créer un compte</summary>
        <NewAccountForm organizations={organizations.data?.organizations ?? []} admin={admin} onCreated={(email) => changed(`Compte ${email} créé.`)} />
      </details>
      {loading && !data && <Loading what="Chargement des comptes" />}
      {data && accounts.length === 0 && <p>Aucun compte ne correspond à ces filtres.</p>}
      {data && accounts.length > 0 && (
        <p role="status">
          Comptes {first} à {first + accounts.length - 1} sur {data.users.totalCount}
        </p>
      )}
      <ul className="cards">
        {accounts.map((account) => (
          <UserCard key={account.id} account={account} onDone={changed} />
        ))}
      </ul>
      {data && (cursors.length > 1 || data.users.pageInfo.hasNextPage) && (
        <nav className="actions" aria-label="Pages de comptes">
          {cursors.length > 1 && (
            <button type="button" className="secondary" onClick={() => setCursors((all) => all.slice(0, -1))}>
              Comptes précédents
            </button>
          )}
          {data.users.pageInfo.hasNextPage && (
            <button type="button" className="secondary" onClick={() => setCursors((all) => [...all, data.users.pageInfo.endCursor])}>
              Comptes suivants
            </button>
          )}
        </nav>
      )}
    </Page>
  );
}
