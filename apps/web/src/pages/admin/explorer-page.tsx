import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';
import { getOperationAST } from 'graphql';
import { useMemo } from 'react';
import { liveClient } from '../../api/live';
import { GRAPHQL_URL } from '../../api/request';
import { endSession, type Session } from '../../api/session';
import { Page } from '../../components/page';

type Fetcher = GraphiQLProps['fetcher'];
type FetcherResult = ReturnType<Fetcher>;

const FIRST_QUERY = `# L’API GraphQL avec votre session d’administrateur : Ctrl+Entrée exécute, Ctrl+Espace complète.
# Le schéma est dans « Docs » ; la documentation des erreurs est docs/errors.md.
{
  me {
    email
    role
  }
}
`;

/**
 * Sends what the explorer runs with the signed-in user's token: queries and mutations over HTTP,
 * subscriptions over the console's one live connection. A token the API no longer accepts ends
 * the session, as anywhere else in the console.
 */
function fetcherFor(session: Session): Fetcher {
  const post = async (params: unknown): Promise<{ errors?: Array<{ extensions?: { code?: string } }> }> => {
    const response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify(params),
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    if (body.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) endSession('Votre session a expiré : reconnectez-vous.');
    return body;
  };
  return (params, options) => {
    const operation = options?.documentAST ? getOperationAST(options.documentAST, params.operationName ?? undefined) : null;
    const live = liveClient();
    // GraphiQL's types want graphql-js' error objects; it only ever reads the JSON shape both carry
    if (operation?.operation === 'subscription' && live) return live.iterate(params) as unknown as FetcherResult;
    return post(params) as unknown as FetcherResult;
  };
}

/**
 * GraphiQL, bundled with the console (no CDN: it works on a network cut from the internet), for the
 * administrator: the schema (introspection answers an authenticated ADMIN in production too), and
 * any operation run as themselves. Tabs and history live in sessionStorage, like the token: a
 * shared computer keeps nothing once the tab is closed.
 */
export default function ExplorerPage({ session }: { session: Session }) {
  const fetcher = useMemo(() => fetcherFor(session), [session]);
  return (
    <Page title="Explorateur GraphQL">
      <div className="explorer">
        <GraphiQL fetcher={fetcher} defaultQuery={FIRST_QUERY} storage={window.sessionStorage} isHeadersEditorEnabled={false} />
      </div>
    </Page>
  );
}
