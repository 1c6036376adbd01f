import { FormEvent, useState } from 'react';
import { useMutation } from '../api/use-api';
import { TextField } from '../components/field';
import { ErrorNotice, SuccessNotice } from '../components/notices';
import { Page } from '../components/page';
import { WebRequestPasswordResetDocument, WebResetPasswordDocument } from '../generated/graphql';
import { Link } from '../router';

/** "Mot de passe oublié": the API answers the same whether the address has an account or not, and so does the page. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const ask = useMutation(WebRequestPasswordResetDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await ask.run({ email: email.trim() })) setSent(true);
  };
  return (
    <main id="contenu" className="login" tabIndex={-1}>
      <Page title="Mot de passe oublié">
        <SuccessNotice>
          {sent ? 'Si un compte existe à cette adresse, un lien pour choisir un nouveau mot de passe vient d’y être envoyé.' : null}
        </SuccessNotice>
        <ErrorNotice error={ask.error} />
        <form onSubmit={submit}>
          <TextField
            label="Adresse e-mail"
            type="email"
            autoComplete="username"
            required
            maxLength={200}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <button type="submit" disabled={ask.running}>
            Recevoir un lien
          </button>
        </form>
        <p>
          <Link to="/">Revenir à la connexion</Link>
        </p>
      </Page>
    </main>
  );
}

/** The page of the link `requestPasswordReset` or a coordinator's `issuePasswordReset` sends: PUBLIC_URL/reinitialiser?token=… */
export function ResetPasswordPage() {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const reset = useMutation(WebResetPasswordDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== again);
    if (password !== again) return;
    if (await reset.run({ token, newPassword: password })) setDone(true);
  };
  return (
    <main id="contenu" className="login" tabIndex={-1}>
      <Page title="Nouveau mot de passe">
        <SuccessNotice>{done ? 'Mot de passe enregistré : connectez-vous avec lui.' : null}</SuccessNotice>
        <ErrorNotice error={reset.error} />
        {mismatch && (
          <div className="notice notice-error" role="alert">
            Les deux mots de passe diffèrent : saisissez le même deux fois.
          </div>
        )}
        {!done && (
          <form onSubmit={submit}>
            <TextField
              label="Nouveau mot de passe"
              type="password"
              autoComplete="new-password"
              required
              minLength={12}
              maxLength={200}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              hint="12 caractères au moins, pas un mot de passe courant."
            />
            <TextField
              label="Le même, une seconde fois"
              type="password"
              autoComplete="new-password"
              required
              maxLength={200}
              value={again}
              onChange={(e) => setAgain(e.target.value)}
            />
            <button type="submit" disabled={reset.running || !token}>
              Enregistrer le mot de passe
            </button>
          </form>
        )}
        <p>
          <Link to="/">Aller à la connexion</Link>
        </p>
      </Page>
    </main>
  );
}
