import { useState } from 'react';
import { useMutation } from '../../api/use-api';
import { ErrorNotice } from '../../components/notices';
import { WebDeactivateUserDocument, WebReactivateUserDocument, WebUpdateUserDocument } from '../../generated/graphql';
import { label, ROLE } from '../../labels';
import type { CreatedUser } from './organization-forms';

/** The accounts created in this visit, with their name to set and their deactivation (the API lists no accounts yet). */
export function UsersPanel({ users, onDone }: { users: CreatedUser[]; onDone: (message: string) => void }) {
  const update = useMutation(WebUpdateUserDocument);
  const deactivate = useMutation(WebDeactivateUserDocument);
  const reactivate = useMutation(WebReactivateUserDocument);
  const [names, setNames] = useState<Record<string, string>>({});
  const [inactive, setInactive] = useState<Record<string, boolean>>({});
  if (users.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">Comptes créés</h2>
      <ErrorNotice error={update.error ?? deactivate.error ?? reactivate.error} />
      <ul>
        {users.map((user) => (
          <li key={user.id}>
            <p>
              {user.email} — {label(ROLE, user.role)}, {user.organization}
              {inactive[user.id] && <> (désactivé)</>}
            </p>
            <div className="actions">
              <div className="field">
                <label htmlFor={`name-${user.id}`}>Nom affiché ({user.email})</label>
                <input
                  id={`name-${user.id}`}
                  maxLength={100}
                  value={names[user.id] ?? ''}
                  onChange={(e) => setNames((all) => ({ ...all, [user.id]: e.target.value }))}
                />
              </div>
              <button
                type="button"
                className="secondary"
                onClick={async () => {
                  if (await update.run({ userId: user.id, name: (names[user.id] ?? '').trim() || null })) onDone(`Compte ${user.email} modifié.`);
                }}
              >
                Enregistrer le nom de {user.email}
              </button>
              {inactive[user.id] ? (
                <button
                  type="button"
                  className="secondary"
                  onClick={async () => {
                    if (await reactivate.run({ userId: user.id })) {
                      setInactive((all) => ({ ...all, [user.id]: false }));
                      onDone(`Compte ${user.email} réactivé.`);
                    }
                  }}
                >
                  Réactiver {user.email}
                </button>
              ) : (
                <button
                  type="button"
                  className="danger"
                  onClick={async () => {
                    if (await deactivate.run({ userId: user.id })) {
                      setInactive((all) => ({ ...all, [user.id]: true }));
                      onDone(`Compte ${user.email} désactivé : ses sessions sont terminées.`);
                    }
                  }}
                >
                  Désactiver {user.email}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
