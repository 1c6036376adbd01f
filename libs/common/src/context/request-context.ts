import type { EntityManager } from 'typeorm';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error';
import { ErrorReason } from '../errors/error-reason';
import { Role } from './role';

/** Who is calling: resolved once per request from the JWT and the user's organization. */
export interface Caller {
  userId: string;
  email: string;
  role: Role;
  /** null for ADMIN */
  organizationId: string | null;
  /** the region of the caller's organization; null for ADMIN */
  regionId: string | null;
}

/**
 * The first argument of every service method (as in Vendure): the caller, where the request
 * came from, and the open transaction when there is one. Authorization and transactions are
 * never re-derived deeper down.
 */
export class RequestContext {
  constructor(
    readonly caller: Caller | null,
    readonly ip: string = 'unknown',
    readonly manager?: EntityManager,
    /** per-request caches (DataLoaders), keyed by the loader's name */
    readonly loaders: Map<string, unknown> = new Map(),
  ) {}

  static anonymous(ip?: string): RequestContext {
    return new RequestContext(null, ip);
  }

  /** A system context for background jobs: acts as the platform, with no user. */
  static system(): RequestContext {
    return new RequestContext({ userId: 'system', email: 'system', role: Role.ADMIN, organizationId: null, regionId: null }, 'system');
  }

  withManager(manager: EntityManager): RequestContext {
    return new RequestContext(this.caller, this.ip, manager, this.loaders);
  }

  get user(): Caller {
    if (!this.caller) throw new UnauthenticatedError();
    return this.caller;
  }

  get isAdmin(): boolean {
    return this.caller?.role === Role.ADMIN;
  }

  get isCoordinator(): boolean {
    return this.caller?.role === Role.COORDINATOR;
  }

  hasRole(...roles: Role[]): boolean {
    return !!this.caller && roles.includes(this.caller.role);
  }

  /** The caller's own organization id; refuses callers that have none (ADMIN). */
  get organizationId(): string {
    const id = this.user.organizationId;
    if (!id)
      throw new ForbiddenError(
        'This operation needs a user of an organization: log in with the account of one of its members',
        undefined,
        ErrorReason.ORGANIZATION_MEMBER_REQUIRED,
      );
    return id;
  }
}
