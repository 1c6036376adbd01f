import type { Session } from '../api/session';
import { useQuery } from '../api/use-api';
import { WebMeDocument } from '../generated/graphql';
import { ErrorNotice } from '../components/notices';
import { Page } from '../components/page';
import { label, ROLE } from '../labels';
import { NAVIGATION } from '../navigation';
import { Link } from '../router';

/** Each role's home: what it comes to do, one link per daily task. */
export function HomePage({ session }: { session: Session }) {
  // read afresh: a name or an organization changed since the login shows here, and a refused token ends the session
  const me = useQuery(WebMeDocument, {});
  const user = me.data?.me ?? session.user;
  const items = NAVIGATION[user.role] ?? [];
  return (
    <Page title={`Bonjour${user.name ? ` ${user.name}` : ''}`}>
      <p className="lead">
        {label(ROLE, user.role)}
        {user.organization && (
          <>
            {' '}
            — {user.organization.name}, {user.organization.region.name}
          </>
        )}
      </p>
      <ErrorNotice error={me.error} />
      <ul className="cards">
        {items.map((item) => (
          <li key={item.to} className="card">
            <h2>
              <Link to={item.to}>{item.label}</Link>
            </h2>
            <p>{item.description}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
