import { FormEvent, useState } from 'react';
import { useMutation } from '../../api/use-api';
import { CheckboxField, optionsOf, SelectField, TextArea, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notices';
import {
  type OrganizationKind,
  type Role,
  type WebOrganizationsQuery,
  WebCreateOrganizationDocument,
  WebCreateUserDocument,
  WebDeactivateOrganizationDocument,
  WebUpdateOrganizationDocument,
} from '../../generated/graphql';
import { ORGANIZATION_KIND, ROLE } from '../../labels';

export type Organization = WebOrganizationsQuery['organizations'][number];
type Done = (message: string) => void;

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);

export function CreateOrganizationForm({ regionId, onDone, kinds }: { regionId: string; onDone: Done; kinds: OrganizationKind[] }) {
  const [kind, setKind] = useState<OrganizationKind>(kinds[0]);
  const [name, setName] = useState('');
  const [siret, setSiret] = useState('');
  const [street, setStreet] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [city, setCity] = useState('');
  const [radius, setRadius] = useState('50');
  const [publicBody, setPublicBody] = useState(false);
  const [taxReceiptEligible, setTaxReceiptEligible] = useState(false);
  const create = useMutation(WebCreateOrganizationDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await create.run({
      input: {
        kind,
        name: name.trim(),
        regionId,
        siret: orNull(siret),
        address: { street: orNull(street), postalCode: postalCode.trim(), city: city.trim() },
        serviceRadiusKm: kind === 'REFURBISHER' ? Number(radius) : null,
        // each flag belongs to one kind: the API refuses it on another
        publicBody: kind === 'DONOR' ? publicBody : undefined,
        taxReceiptEligible: kind === 'REFURBISHER' ? taxReceiptEligible : undefined,
      },
    });
    if (done) {
      onDone(`Organisation « ${done.createOrganization.name} » créée.`);
      setName('');
      setSiret('');
    }
  };
  const kindOptions = optionsOf(ORGANIZATION_KIND).filter((o) => kinds.includes(o.value as OrganizationKind));
  return (
    <form onSubmit={submit}>
      <ErrorNotice error={create.error} />
      <div className="grid">
        <SelectField label="Type" value={kind} options={kindOptions} onChange={(e) => setKind(e.target.value as OrganizationKind)} />
        <TextField label="Nom" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        <TextField label="SIRET" maxLength={20} inputMode="numeric" value={siret} onChange={(e) => setSiret(e.target.value)} />
        <TextField label="Adresse" maxLength={200} value={street} onChange={(e) => setStreet(e.target.value)} />
        <TextField label="Code postal" required maxLength={5} inputMode="numeric" value={postalCode} onChange={(e) => setPostalCode(e.target.value)} />
        <TextField label="Commune" required maxLength={100} value={city} onChange={(e) => setCity(e.target.value)} />
        {kind === 'REFURBISHER' && (
          <TextField label="Rayon d’intervention (km)" type="number" min={1} max={1000} value={radius} onChange={(e) => setRadius(e.target.value)} />
        )}
      </div>
      <OrganizationFlags
        kind={kind}
        publicBody={publicBody}
        taxReceiptEligible={taxReceiptEligible}
        onPublicBody={setPublicBody}
        onTaxReceiptEligible={setTaxReceiptEligible}
      />
      <button type="submit" disabled={create.running}>
        Créer l’organisation
      </button>
    </form>
  );
}

/** The two flags the money and paperwork rules read: a donor's public body (legal price caps), a workshop's tax receipts. */
function OrganizationFlags(props: {
  kind: OrganizationKind;
  publicBody: boolean;
  taxReceiptEligible: boolean;
  onPublicBody: (value: boolean) => void;
  onTaxReceiptEligible: (value: boolean) => void;
}) {
  if (props.kind === 'DONOR')
    return (
      <CheckboxField
        label="Organisme public (État, collectivité, établissement public) : ses appareils sont revendus sous les plafonds légaux"
        checked={props.publicBody}
        onChange={(e) => props.onPublicBody(e.target.checked)}
      />
    );
  if (props.kind === 'REFURBISHER')
    return (
      <CheckboxField
        label="Peut délivrer des reçus fiscaux (organisme d’intérêt général, article 238 bis du CGI)"
        checked={props.taxReceiptEligible}
        onChange={(e) => props.onTaxReceiptEligible(e.target.checked)}
      />
    );
  return null;
}

export function EditOrganizationForm({ organization, onDone }: { organization: Organization; onDone: Done }) {
  const [name, setName] = useState(organization.name);
  const [radius, setRadius] = useState(organization.serviceRadiusKm != null ? String(organization.serviceRadiusKm) : '');
  const [contactName, setContactName] = useState(organization.contact?.name ?? '');
  const [email, setEmail] = useState(organization.contact?.email ?? '');
  const [phone, setPhone] = useState(organization.contact?.phone ?? '');
  const [publicBody, setPublicBody] = useState(organization.publicBody);
  const [taxReceiptEligible, setTaxReceiptEligible] = useState(organization.taxReceiptEligible);
  const update = useMutation(WebUpdateOrganizationDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await update.run({
      input: {
        organizationId: organization.id,
        name: name.trim(),
        serviceRadiusKm: organization.kind === 'REFURBISHER' && radius ? Number(radius) : null,
        contact: { name: orNull(contactName), email: orNull(email), phone: orNull(phone) },
        publicBody: organization.kind === 'DONOR' ? publicBody : undefined,
        taxReceiptEligible: organization.kind === 'REFURBISHER' ? taxReceiptEligible : undefined,
      },
    });
    if (done) onDone(`Organisation « ${done.updateOrganization.name} » modifiée.`);
  };
  return (
    <form onSubmit={submit}>
      <h3>Modifier</h3>
      <ErrorNotice error={update.error} />
      <div className="grid">
        <TextField label="Nom" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        {organization.kind === 'REFURBISHER' && (
          <TextField label="Rayon d’intervention (km)" type="number" min={1} max={1000} value={radius} onChange={(e) => setRadius(e.target.value)} />
        )}
        <TextField label="Nom du contact" maxLength={100} value={contactName} onChange={(e) => setContactName(e.target.value)} />
        <TextField label="E-mail du contact" type="email" maxLength={200} value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label="Téléphone du contact" type="tel" maxLength={30} value={phone} onChange={(e) => setPhone(e.target.value)} />
      </div>
      <OrganizationFlags
        kind={organization.kind}
        publicBody={publicBody}
        taxReceiptEligible={taxReceiptEligible}
        onPublicBody={setPublicBody}
        onTaxReceiptEligible={setTaxReceiptEligible}
      />
      <button type="submit" disabled={update.running}>
        Enregistrer
      </button>
    </form>
  );
}

export function DeactivateOrganizationForm({ organization, onDone }: { organization: Organization; onDone: Done }) {
  const [reason, setReason] = useState('');
  const deactivate = useMutation(WebDeactivateOrganizationDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await deactivate.run({ input: { organizationId: organization.id, reason: reason.trim() } }))
      onDone(`Organisation « ${organization.name} » désactivée : elle garde son historique, ses comptes lisent toujours.`);
  };
  return (
    <form onSubmit={submit}>
      <h3>Désactiver</h3>
      <ErrorNotice error={deactivate.error} />
      <TextArea label="Raison de la désactivation" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="danger" disabled={deactivate.running}>
        Désactiver l’organisation
      </button>
    </form>
  );
}

const ROLE_OF_KIND: Record<string, Role> = { DONOR: 'DONOR', REFURBISHER: 'REFURBISHER', PARTNER: 'PARTNER', COORDINATOR: 'COORDINATOR' };

export interface CreatedUser {
  id: string;
  email: string;
  role: string;
  organization: string;
}

export function CreateUserForm({ organization, onCreated }: { organization: Organization; onCreated: (user: CreatedUser) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const role = ROLE_OF_KIND[organization.kind];
  const create = useMutation(WebCreateUserDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await create.run({ input: { email: email.trim(), password, role, organizationId: organization.id } });
    if (done) {
      onCreated({ id: done.createUser.id, email: done.createUser.email, role: done.createUser.role, organization: organization.name });
      setEmail('');
      setPassword('');
    }
  };
  return (
    <form onSubmit={submit}>
      <h3>Créer un compte ({ROLE[role]})</h3>
      <ErrorNotice error={create.error} />
      <div className="grid">
        <TextField label="E-mail du compte" type="email" required maxLength={200} autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          label="Mot de passe initial"
          type="password"
          required
          minLength={12}
          maxLength={200}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint="12 caractères au moins ; la personne le change ensuite."
        />
      </div>
      <button type="submit" disabled={create.running}>
        Créer le compte
      </button>
    </form>
  );
}
