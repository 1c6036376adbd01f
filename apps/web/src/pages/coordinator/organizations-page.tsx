import { useState } from 'react';
import type { Session } from '../../api/session';
import { useMutation, useQuery } from '../../api/use-api';
import { optionsOf, SelectField } from '../../components/field';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { type OrganizationKind, WebOrganizationsDocument, WebReactivateOrganizationDocument, WebRegionsDocument } from '../../generated/graphql';
import { label, ORGANIZATION_KIND } from '../../labels';
import { CreatedUser, CreateOrganizationForm, CreateUserForm, DeactivateOrganizationForm, EditOrganizationForm, Organization } from './organization-forms';
import { UsersPanel } from './users-panel';

function OrganizationRow({
  organization,
  onDone,
  onCreated,
}: {
  organization: Organization;
  onDone: (m: string) => void;
  onCreated: (u: CreatedUser) => void;
}) {
  const [open, setOpen] = useState(false);
  const reactivate = useMutation(WebReactivateOrganizationDocument);
  return (
    <li className="card">
      <h3>{organization.name}</h3>
      <p>
        {label(ORGANIZATION_KIND, organization.kind)} — {organization.address.postalCode} {organization.address.city}
        {organization.serviceRadiusKm != null && <>, rayon {organization.serviceRadiusKm} km</>}
        {organization.publicBody && <> — organisme public</>}
        {organization.taxReceiptEligible && <> — délivre des reçus fiscaux</>}
        {organization.deactivatedAt && <> — désactivée ({organization.deactivationReason})</>}
      </p>
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        Gérer {organization.name}
      </button>
      {open && (
        <div>
          <EditOrganizationForm organization={organization} onDone={onDone} />
          <CreateUserForm organization={organization} onCreated={onCreated} />
          {organization.deactivatedAt ? (
            <>
              <ErrorNotice error={reactivate.error} />
              <button
                type="button"
                onClick={async () => {
                  if (await reactivate.run({ organizationId: organization.id })) onDone(`Organisation « ${organization.name} » réactivée.`);
                }}
              >
                Réactiver l’organisation
              </button>
            </>
          ) : (
            <DeactivateOrganizationForm organization={organization} onDone={onDone} />
          )}
        </div>
      )}
    </li>
  );
}

/** The organizations of a region, their accounts, and new ones; an administrator picks the region. */
export function OrganizationsPage({ session }: { session: Session }) {
  const admin = session.user.role === 'ADMIN';
  const regions = useQuery(WebRegionsDocument, {}, !admin);
  const [chosenRegion, setChosenRegion] = useState('');
  const regionId = admin ? chosenRegion || regions.data?.regions[0]?.id || '' : (session.user.organization?.region.id ?? '');
  const [kind, setKind] = useState('');
  const { data, error, loading, reload } = useQuery(WebOrganizationsDocument, { regionId, kind: (kind || null) as OrganizationKind | null }, !regionId);
  const [done, setDone] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedUser[]>([]);
  const changed = (message: string) => {
    setDone(message);
    reload();
  };
  const kinds: OrganizationKind[] = admin ? ['COORDINATOR', 'DONOR', 'REFURBISHER', 'PARTNER'] : ['DONOR', 'REFURBISHER', 'PARTNER'];
  return (
    <Page title="Organisations">
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error ?? regions.error} />
      <div className="grid">
        {admin && regions.data && (
          <SelectField
            label="Région"
            value={regionId}
            options={regions.data.regions.map((r) => ({ value: r.id, label: r.name }))}
            onChange={(e) => setChosenRegion(e.target.value)}
          />
        )}
        <SelectField
          label="Type"
          value={kind}
          options={[{ value: '', label: 'Tous' }, ...optionsOf(ORGANIZATION_KIND)]}
          onChange={(e) => setKind(e.target.value)}
        />
      </div>
      {regionId && (
        <details className="panel">
          <summary>Créer une organisation</summary>
          <CreateOrganizationForm regionId={regionId} kinds={kinds} onDone={changed} />
        </details>
      )}
      <UsersPanel
        users={created}
        onDone={(message) => {
          setDone(message);
        }}
      />
      {loading && !data && <Loading />}
      <ul className="cards">
        {(data?.organizations ?? []).map((organization) => (
          <OrganizationRow
            key={organization.id}
            organization={organization}
            onDone={changed}
            onCreated={(user) => {
              setCreated((all) => [...all, user]);
              setDone(`Compte ${user.email} créé.`);
            }}
          />
        ))}
      </ul>
    </Page>
  );
}
