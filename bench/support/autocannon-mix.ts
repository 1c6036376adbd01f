/**
 * autocannon driving a mix of GraphQL requests: each connection sends the mix's requests in turn,
 * each request built when it is sent (its caller's token, its variables: a lot to claim is
 * claimed once). Errors are transport errors, timeouts, non-2xx answers and answers with GraphQL
 * `errors`: a refused request is never counted as served.
 */
export interface MixRequest {
  /** the operation's name, for the counts */
  name: string;
  /** the payload and token of the next request of this kind; undefined when there is nothing left to send */
  next: () => { body: string; token: string } | undefined;
}

export interface MixResult {
  requests: number;
  seconds: number;
  rps: number;
  latencies: number[];
  errors: number;
  /** the first GraphQL errors seen, to say what went wrong */
  errorSamples: string[];
  byName: Record<string, number>;
}

interface AutocannonResult {
  requests: { total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}
type AutocannonInstance = Promise<AutocannonResult> & { on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon ships no types
const autocannon = require('autocannon') as (options: Record<string, unknown>) => AutocannonInstance;

export async function runMix(url: string, mix: readonly MixRequest[], connections: number, seconds: number): Promise<MixResult> {
  const latencies: number[] = [];
  const byName: Record<string, number> = {};
  const errorSamples: string[] = [];
  let graphqlErrors = 0;
  let exhausted = 0;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    timeout: 10,
    requests: mix.map((request) => ({
      method: 'POST',
      setupRequest: (req: Record<string, unknown>) => {
        const next = request.next();
        if (!next) {
          exhausted++;
          return null;
        }
        byName[request.name] = (byName[request.name] ?? 0) + 1;
        return { ...req, body: next.body, headers: { ...(req.headers as object), 'content-type': 'application/json', authorization: `Bearer ${next.token}` } };
      },
      onResponse: (_status: number, body: string) => {
        if (body.includes('"errors"')) {
          graphqlErrors++;
          if (errorSamples.length < 3) errorSamples.push(`${request.name}: ${body.slice(0, 300)}`);
        }
      },
    })),
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  if (exhausted) errorSamples.push(`${exhausted} requests not sent: nothing left to ${Object.keys(byName).join('/')}`);
  return {
    requests: result.requests.total,
    seconds: result.duration,
    rps: result.requests.total / result.duration,
    latencies,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors + exhausted,
    errorSamples,
    byName,
  };
}
