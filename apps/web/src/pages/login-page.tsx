import { FormEvent, useState } from 'react';
import { request } from '../api/request';
import { ApiError } from '../api/api-error';
import { startSession } from '../api/session';
import { WebLoginDocument } from '../generated/graphql';
import { ErrorNotice } from '../components/notices';
import { TextField } from '../components/field';
import { Page } from '../components/page';
import { Link } from '../router';

/** Sign in; `notice` says why the last session ended (logout, expiry, a refused token). */
export function LoginPage({ notice }: { notice: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { login } = await request(WebLoginDocument, { email: email.trim(), password });
      startSession(login.accessToken, login.user);
    } catch (caught) {
      const refused = caught instanceof ApiError ? caught : ApiError.network();
      // the API answers the same for an unknown address and a wrong password, and so does the console
      setError(refused.code === 'UNAUTHENTICATED' ? new ApiError(refused.code, refused.reason, 'Adresse e-mail ou mot de passe incorrect.') : refused);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="contenu" className="login" tabIndex={-1}>
      <Page title="Connexion">
        <p>La console du réseau de réemploi informatique de votre région.</p>
        {notice && (
          <div className="notice notice-info" role="status">
            {notice}
          </div>
        )}
        <ErrorNotice error={error} />
        <form onSubmit={submit} className="stack">
          <TextField
            label="Adresse e-mail"
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label="Mot de passe"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            {busy ? 'Connexion…' : 'Se connecter'}
          </button>
        </form>
        <p>
          <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
        </p>
      </Page>
    </main>
  );
}
