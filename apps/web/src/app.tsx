import { ReactNode, useEffect, useState } from 'react';
import { currentSession, endSession, onSessionChange, Session } from './api/session';
import { Page } from './components/page';
import { HomePage } from './pages/home-page';
import { LoginPage } from './pages/login-page';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/password-pages';
import { ROUTES } from './routes';
import { Link, matchPath, usePath } from './router';
import { Shell } from './shell';

function NotFound() {
  return (
    <Page title="Page introuvable">
      <p>
        Cette page n’existe pas, ou votre rôle n’y a pas accès. <Link to="/">Revenir à l’accueil</Link>.
      </p>
    </Page>
  );
}

export function App() {
  const [session, setSession] = useState<Session | null>(currentSession());
  const [notice, setNotice] = useState<string | null>(null);
  const path = usePath();

  useEffect(
    () =>
      onSessionChange((next, why) => {
        setSession(next);
        setNotice(why);
      }),
    [],
  );

  // the pages of a forgotten password open without a session
  if (path === '/reinitialiser') return <ResetPasswordPage />;
  if (!session && path === '/mot-de-passe-oublie') return <ForgotPasswordPage />;
  if (!session) return <LoginPage notice={notice} />;

  const role = session.user.role;
  let page: ReactNode = path === '/' ? <HomePage session={session} /> : null;
  for (const route of ROUTES) {
    if (page) break;
    if (!route.roles.includes(role)) continue;
    const params = matchPath(route.path, path);
    if (params) page = route.render(params, session);
  }

  return (
    <Shell session={session} onLogout={() => endSession('Vous êtes déconnecté.')}>
      {page ?? <NotFound />}
    </Shell>
  );
}
