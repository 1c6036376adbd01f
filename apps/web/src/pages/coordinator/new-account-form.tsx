import { FormEvent, useState } from 'react';
import { useMutation } from '../../api/use-api';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notices';
import { type Role, type WebOrganizationsQuery, WebCreateUserDocument } from '../../generated/graphql';
import { label, ORGANIZATION_KIND } from '../../labels';

type Organization = Pick<WebOrganizationsQuery['organizations'][number], 'id' | 'name' | 'kind'>;

// an account's role is its organization's kind: the API refuses any other pairing
const ROLE_OF_KIND: Record<string, Role> = { DONOR: 'DONOR', REFURBISHER: 'REFURBISHER', PARTNER: 'PARTNER', COORDINATOR: 'COORDINATOR' };
/** the administrator's choice of an account of no organization */
const NO_ORGANIZATION = 'ADMIN';

/** A new account in one of the organizations listed (an administrator may also make an administrator). */
export function NewAccountForm({ organizations, admin, onCreated }: { organizations: Organization[]; admin: boolean; onCreated: (email: string) => void }) {
  const [organizationId, setOrganizationId] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const create = useMutation(WebCreateUserDocument);
  const chosen = organizationId || organizations[0]?.id || (admin ? NO_ORGANIZATION : '');
  const organization = organizations.find((o) => o.id === chosen);
  const options = [
    ...organizations.map((o) => ({ value: o.id, label: `${o.name} (${label(ORGANIZATION_KIND, o.kind)})` })),
    ...(admin ? [{ value: NO_ORGANIZATION, label: 'Aucune : un compte administrateur' }] : []),
  ];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const role: Role = organization ? ROLE_OF_KIND[organization.kind] : 'ADMIN';
    const done = await create.run({ input: { email: email.trim(), password, role, organizationId: organization?.id ?? null } });
    if (done) {
      onCreated(done.createUser.email);
      setEmail('');
      setPassword('');
    }
  };
  return (
    <form onSubmit={submit}>
      <ErrorNotice error={create.error} />
      <div className="grid">
        <SelectField label="Organisation du compte" required value={chosen} options={options} onChange={(e) => setOrganizationId(e.target.value)} />
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
          hint="12 caractères au moins ; la personne le change ensuite, ou utilisez un lien de réinitialisation."
        />
      </div>
      <button type="submit" disabled={create.running || !chosen}>
        Créer le compte
      </button>
    </form>
  );
}
