import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Where `vite build` (apps/web/vite.config.ts) puts the console; the start script and the image build it. */
export const WEB_ROOT = join(process.cwd(), 'dist', 'web');

/**
 * Paths that belong to the API: never answered with the console's page, so that a mistyped API
 * path stays a 404 a program understands. Keep in step with the routes of apps/api and the
 * reporting controllers (report files, the public attestation check).
 */
export const API_PATH_PREFIXES = ['/graphql', '/graphiql', '/health', '/metrics', '/admin', '/reports', '/verifier', '/invoices', '/papers'];

/**
 * The console may run its own scripts and styles and talk to its own origin, nothing else: no
 * inline script (the build emits none), no framing (clickjacking), no plugin, no foreign form target.
 */
export const CONSOLE_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

const NOT_BUILT = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Console non construite</title></head>
<body><main><h1>La console n’est pas construite</h1><p>Lancez <code>npm start</code> (qui la construit), ou
<code>npx vite build --config apps/web/vite.config.ts</code>, puis rechargez cette page. L’API GraphQL répond à <code>/graphql</code>.</p></main></body></html>`;

interface Request {
  url: string;
}
interface Reply {
  code(status: number): Reply;
  header(name: string, value: string): Reply;
  type(contentType: string): Reply;
  send(payload?: unknown): Reply;
  sendFile(path: string, options?: { maxAge?: number; immutable?: boolean; cacheControl?: boolean }): Reply;
  callNotFound(): void;
}
/** The parts of an encapsulated Fastify scope used here (Nest's adapter and @fastify/static type Fastify apart). */
interface ConsoleScope {
  register(plugin: unknown, options: { root: string; serve: boolean }): Promise<unknown>;
  get(path: string, handler: (request: Request, reply: Reply) => Promise<unknown>): void;
}

const isApiPath = (path: string): boolean => API_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * Serves the single-page web console at `/`: its files from dist/web, and its index.html for every
 * other GET path that is not the API's (the console routes in the browser: /dons/…, /offres, …).
 * Hashed assets are cached for a year; the page itself never, so a new build is seen at once.
 */
export async function registerWebConsole(app: NestFastifyApplication, root: string = WEB_ROOT): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // an encapsulated plugin: its reply.sendFile does not meet GraphiQL's (Mercurius registers its own)
  const plugin = async (console: ConsoleScope) => {
    // reply.sendFile only: the one route below decides what is a file, the page, or the API's 404
    await console.register(fastifyStatic, { root, serve: false });
    console.get('/*', async (request: Request, reply: Reply) => {
      let path: string;
      try {
        path = decodeURIComponent(request.url.split('?', 1)[0]);
      } catch {
        return reply.callNotFound();
      }
      // Mercurius' GraphiQL (its code from a CDN) is gone: its address leads to the console's own explorer
      if (path === '/graphiql') return reply.code(302).header('location', '/explorer').send();
      if (isApiPath(path)) return reply.callNotFound();
      for (const [name, value] of Object.entries(CONSOLE_SECURITY_HEADERS)) reply.header(name, value);
      if (/\.[A-Za-z0-9]+$/.test(path)) {
        // a file: inside the build or nothing (no path climbs out of it)
        const file = normalize(join(root, path));
        if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return reply.callNotFound();
        const hashed = path.startsWith('/assets/');
        return reply.sendFile(file.slice(root.length + 1), hashed ? { maxAge: 365 * 24 * 3600 * 1000, immutable: true } : { cacheControl: false });
      }
      reply.header('cache-control', 'no-cache');
      if (!existsSync(join(root, 'index.html'))) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
      return reply.sendFile('index.html', { cacheControl: false });
    });
  };
  await fastify.register(plugin as unknown as Parameters<typeof fastify.register>[0]);
}
