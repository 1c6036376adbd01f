import { lazy, Suspense } from 'react';
import type { Session } from '../../api/session';
import { Loading } from '../../components/notices';

// its own chunk (GraphiQL, CodeMirror, graphql-js): fetched when an administrator opens the explorer, by nobody else
const ExplorerPage = lazy(() => import('./explorer-page'));

/** The explorer's route: the page once its chunk is loaded, a loading line meanwhile. */
export function ExplorerRoute({ session }: { session: Session }) {
  return (
    <Suspense fallback={<Loading what="Chargement de l’explorateur" />}>
      <ExplorerPage session={session} />
    </Suspense>
  );
}
