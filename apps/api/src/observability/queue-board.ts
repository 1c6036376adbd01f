import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { AuthorizationGuard, AuthService } from '@app/auth';
import { AppConfig, DomainError, escapeHtml, Role } from '@app/common';
import { QueueRegistry } from '@app/jobs';

export const QUEUE_BOARD_PATH = '/admin/queues';
export const QUEUE_BOARD_LOGIN_PATH = '/admin/login';
const COOKIE = 'reuse_admin';

interface Request {
  url: string;
  ip: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  query?: unknown;
}
interface Reply {
  code(status: number): Reply;
  header(name: string, value: string): Reply;
  redirect(url: string, code?: number): Reply;
  send(payload?: unknown): Reply;
}

function cookieOf(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function loginPage(message?: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Files de travaux — connexion</title>
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}label{display:block;margin-top:1rem}
input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem}
p[role=alert]{color:#a00000}</style></head>
<body><main><h1>Files de travaux</h1><p>Réservé aux administrateurs du réseau.</p>
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="${QUEUE_BOARD_LOGIN_PATH}">
<label for="email">Adresse e-mail</label><input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Mot de passe</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Se connecter</button></form></main></body></html>`;
}

/**
 * The queue board (Bull Board) for operators: every queue, its jobs, their data and errors, with
 * retry and clean. ADMIN only, through a login page of its own that keeps the token in an
 * HttpOnly, SameSite=Strict cookie scoped to /admin — a browser cannot send a bearer header on a
 * page load, and a cross-site page cannot make it send the cookie. The token is checked as every
 * GraphQL request checks it, so a deactivated administrator loses the board at once too.
 */
export async function registerQueueBoard(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const guard = app.get(AuthorizationGuard);
  const auth = app.get(AuthService);
  const queues = app.get(QueueRegistry);
  const secure = config.publicUrl.startsWith('https:');

  const board = new BullBoardFastifyAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: queues.all().map((queue) => new BullMQAdapter(queue)), serverAdapter: board });

  const isAdmin = async (request: Request): Promise<boolean> => {
    const token = cookieOf(request, COOKIE);
    if (!token) return false;
    try {
      return (await guard.authenticate(`Bearer ${token}`)).role === Role.ADMIN;
    } catch {
      return false;
    }
  };

  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      if (await isAdmin(request as unknown as Request)) return;
      const wantsPage = (request.method === 'GET' && !request.url.includes('/api/')) as boolean;
      if (wantsPage) return (reply as unknown as Reply).redirect(QUEUE_BOARD_LOGIN_PATH, 303);
      return (reply as unknown as Reply).code(401).send({ message: 'ADMIN login required' });
    });
    await scope.register(board.registerPlugin() as never, { prefix: QUEUE_BOARD_PATH });
  });

  await fastify.register(async (scope) => {
    // the login form posts form-encoded fields: parsed here only, nowhere else in the API
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.get(QUEUE_BOARD_LOGIN_PATH, async (_request, reply) => reply.header('content-type', 'text/html; charset=utf-8').send(loginPage()));
    scope.post(QUEUE_BOARD_LOGIN_PATH, async (request, reply) => {
      const body = (request.body ?? {}) as { email?: unknown; password?: unknown };
      const page = (status: number, message: string) => reply.code(status).header('content-type', 'text/html; charset=utf-8').send(loginPage(message));
      if (typeof body.email !== 'string' || typeof body.password !== 'string' || body.email.length > 254 || body.password.length > 200) {
        return page(400, 'Adresse e-mail et mot de passe requis.');
      }
      let token: string;
      try {
        const user = await auth.verifyCredentials(body.email, body.password, request.ip);
        if (user.role !== Role.ADMIN) return page(403, 'Ce compte n’est pas administrateur.');
        token = auth.issueToken(user);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const status = error.code === 'RATE_LIMITED' ? 429 : 401;
        return page(status, status === 429 ? 'Trop de tentatives : réessayez plus tard.' : 'Adresse e-mail ou mot de passe incorrect.');
      }
      const cookie = [`${COOKIE}=${token}`, 'Path=/admin', 'HttpOnly', 'SameSite=Strict', `Max-Age=${config.jwtTtlSeconds}`, ...(secure ? ['Secure'] : [])];
      return reply.header('set-cookie', cookie.join('; ')).redirect(QUEUE_BOARD_PATH, 303);
    });
  });
}
