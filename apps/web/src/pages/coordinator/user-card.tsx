import { FormEvent, useState } from 'react';
import { useMutation } from '../../api/use-api';
import { optionsOf, SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notices';
import {
  type Role,
  type WebUsersListQuery,
  WebDeactivateUserDocument,
  WebReactivateUserDocument,
  WebUpdateUserDocument,
  WebUsersIssuePasswordResetDocument,
} from '../../generated/graphql';
import { formatDateTime } from '../../format';
import { label, ORGANIZATION_KIND, ROLE } from '../../labels';

export type Account = WebUsersListQuery['users']['edges'][number]['node'];

/** The link a reset issued, to hand over by hand: shown once, selectable, with a copy button. */
function ResetLink({ email, link, expiresAt }: { email: string; link: string; expiresAt: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Lien copié.');
    } catch {
      // a browser that refuses the clipboard still lets the person select the text
      setCopied('Copie refusée par le navigateur : sélectionnez le lien.');
    }
  };
  return (
    <div className="panel">
      <TextField
        label={`Lien de réinitialisation pour ${email}`}
        readOnly
        value={link}
        onFocus={(e) => e.currentTarget.select()}
        hint={`Valable une fois, jusqu’au ${formatDateTime(expiresAt)}. Transmettez-le à la personne par un moyen sûr.`}
      />
      <button type="button" className="secondary" onClick={copy}>
        Copier le lien
      </button>
      {copied && <p role="status">{copied}</p>}
    </div>
  );
}

/** One account: who it is, and what staff may do to it (name and role, deactivation, a reset link). */
export function UserCard({ account, onDone }: { account: Account; onDone: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(account.name ?? '');
  const [role, setRole] = useState<Role>(account.role);
  const update = useMutation(WebUpdateUserDocument);
  const deactivate = useMutation(WebDeactivateUserDocument);
  const reactivate = useMutation(WebReactivateUserDocument);
  const reset = useMutation(WebUsersIssuePasswordResetDocument);
  const [issued, setIssued] = useState<{ link: string; expiresAt: string } | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const done = await update.run({ userId: account.id, name: name.trim() || null, role: role === account.role ? null : role });
    if (done) onDone(`Compte ${account.email} modifié.`);
  };
  return (
    <li className="card">
      <h2>{account.email}</h2>
      <p>
        {account.name ?? 'Sans nom'} — {label(ROLE, account.role)}
        {account.organization ? (
          <>
            , {account.organization.name} ({label(ORGANIZATION_KIND, account.organization.kind)}, {account.organization.region.name})
          </>
        ) : (
          <>, sans organisation</>
        )}
      </p>
      <p>{account.deactivatedAt ? <strong>Désactivé le {formatDateTime(account.deactivatedAt)}</strong> : 'Actif'}</p>
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        Gérer {account.email}
      </button>
      {open && (
        <div className="stack">
          <form onSubmit={save}>
            <ErrorNotice error={update.error} />
            <TextField label={`Nom affiché (${account.email})`} maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
            <SelectField
              label={`Rôle (${account.email})`}
              value={role}
              options={optionsOf(ROLE)}
              onChange={(e) => setRole(e.target.value as Role)}
              hint="Le rôle suit le type de l’organisation : pour un autre rôle, créez un compte dans une organisation de ce type."
            />
            <button type="submit" disabled={update.running}>
              Enregistrer {account.email}
            </button>
          </form>
          <ErrorNotice error={deactivate.error ?? reactivate.error ?? reset.error} />
          <div className="actions">
            {account.deactivatedAt ? (
              <button
                type="button"
                className="secondary"
                disabled={reactivate.running}
                onClick={async () => {
                  if (await reactivate.run({ userId: account.id })) onDone(`Compte ${account.email} réactivé.`);
                }}
              >
                Réactiver {account.email}
              </button>
            ) : (
              <button
                type="button"
                className="danger"
                disabled={deactivate.running}
                onClick={async () => {
                  if (await deactivate.run({ userId: account.id })) onDone(`Compte ${account.email} désactivé : ses sessions sont terminées.`);
                }}
              >
                Désactiver {account.email}
              </button>
            )}
            {!account.deactivatedAt && (
              <button
                type="button"
                className="secondary"
                disabled={reset.running}
                onClick={async () => {
                  const done = await reset.run({ userId: account.id });
                  if (done) setIssued(done.issuePasswordReset);
                }}
              >
                Créer un lien de réinitialisation pour {account.email}
              </button>
            )}
          </div>
          {issued && <ResetLink email={account.email} link={issued.link} expiresAt={issued.expiresAt} />}
        </div>
      )}
    </li>
  );
}
