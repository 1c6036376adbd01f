import { ReactNode } from 'react';
import type { Session } from './api/session';
import { NotificationBadge } from './components/live';
import { label, ROLE } from './labels';
import { NAVIGATION } from './navigation';
import { Link, usePath } from './router';

/** The frame of every page once signed in: skip link, the role's navigation, who is signed in, logout. */
export function Shell({ session, onLogout, children }: { session: Session; onLogout: () => void; children: ReactNode }) {
  const path = usePath();
  const items = NAVIGATION[session.user.role] ?? [];
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Réseau de réemploi
        </Link>
        <nav aria-label="Navigation principale">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={path === item.to ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <NotificationBadge />
          <span>
            {session.user.name ?? session.user.email}
            <span className="who-role"> · {session.user.organization?.name ?? label(ROLE, session.user.role)}</span>
          </span>
          <button type="button" className="secondary" onClick={onLogout}>
            Se déconnecter
          </button>
        </div>
      </header>
      <main id="contenu" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
