import { ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, AppConfig, Caller, DomainError, ErrorReason, ForbiddenError, RequestContext, UnauthenticatedError } from '@app/common';
import { createHmac, createSecretKey, KeyObject, timingSafeEqual } from 'node:crypto';
import { AUTH_RULE, AuthRule } from './auth-rule.decorator';
import { AuthService } from './auth.service';
import { JwtPayload } from './jwt-payload';
import { graphQLState } from './request-context.decorator';

const INVALID_TOKEN = 'Invalid or expired token: log in again';
const BEARER = /^\s*bearer\s+(\S+)\s*$/i;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The one global guard. It fails closed: a resolver without an explicit @Public or @Allow
 * is refused (and the unit test over every resolver fails the build). It authenticates the
 * JWT, checks the role, and leaves the RequestContext on the GraphQL context.
 *
 * The token is checked here rather than through passport-jwt: passport, its strategy object and
 * jsonwebtoken cost about a twentieth of a short read's CPU, for one HMAC and three claims. The
 * checks are those jsonwebtoken made with `algorithms: ['HS256']`: the header names HS256 (no
 * `none`, no algorithm confusion), the signature is the canonical base64url of the HMAC,
 * compared in constant time, `exp` and `nbf` are numbers and hold now, `iat` is a number if
 * present. The caller then comes from AuthService.callerOf, as before (a removed user is refused).
 */
@Injectable()
export class AuthorizationGuard {
  private readonly logger = new Logger(AuthorizationGuard.name);
  /** Made once: HMAC over a KeyObject avoids importing the secret on every request. */
  private readonly key: KeyObject;

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const rule = this.reflector.getAllAndOverride<AuthRule | undefined>(AUTH_RULE, [context.getHandler(), context.getClass()]);
    const state = graphQLState(context);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} has no @Public or @Allow: refused`);
      throw new ForbiddenError();
    }
    const authorization = state.req.headers.authorization;
    const hasToken = typeof authorization === 'string' && authorization.length > 0;
    if (rule.public && !hasToken) {
      state.ctx = RequestContext.anonymous(state.req.ip);
      return true;
    }
    if (!hasToken) throw new UnauthenticatedError();
    const caller = await this.authenticate(authorization);
    state.req.user = caller;
    state.ctx = new RequestContext(caller, state.req.ip);
    if (!rule.public && !rule.roles.includes(caller.role)) throw new ForbiddenError();
    return true;
  }

  /**
   * The caller an `Authorization: Bearer …` header stands for, or UNAUTHENTICATED: the one check
   * of a token, also used by the HTTP pages that are not GraphQL (the queue board).
   */
  async authenticate(authorization: string): Promise<Caller> {
    const payload = this.verify(authorization);
    if (!payload) throw new UnauthenticatedError(INVALID_TOKEN, ErrorReason.SESSION_INVALID);
    let caller: Caller | null;
    try {
      caller = await this.auth.callerOf(payload);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new UnauthenticatedError(INVALID_TOKEN, ErrorReason.SESSION_INVALID);
    }
    if (!caller) throw new UnauthenticatedError(INVALID_TOKEN, ErrorReason.SESSION_INVALID);
    return caller;
  }

  /** The token's claims when it is a valid HS256 JWT signed with our secret and in its validity period; null otherwise. */
  private verify(authorization: string): JwtPayload | null {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) return null;
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [header, payload, signature] = parts as [string, string, string];
    if (!BASE64URL.test(header) || !BASE64URL.test(payload) || !BASE64URL.test(signature)) return null;
    const expected = Buffer.from(createHmac('sha256', this.key).update(`${header}.${payload}`).digest('base64url'));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const head = parseJson(header);
    if (!head || head.alg !== 'HS256') return null;
    const claims = parseJson(payload);
    if (!claims) return null;
    const now = Math.floor(Date.now() / 1000);
    if (claims.exp !== undefined && (typeof claims.exp !== 'number' || now >= claims.exp)) return null;
    if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > now)) return null;
    if (claims.iat !== undefined && typeof claims.iat !== 'number') return null;
    if (claims.ver !== undefined && !Number.isInteger(claims.ver)) return null;
    if (typeof claims.sub !== 'string' || claims.sub.length === 0) return null;
    return claims as unknown as JwtPayload;
  }
}

function parseJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
