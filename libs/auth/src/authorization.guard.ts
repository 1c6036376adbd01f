import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Caller, DomainError, ForbiddenError, RequestContext, UnauthenticatedError } from '@app/common';
import { AUTH_RULE, AuthRule } from './auth-rule.decorator';
import { graphQLState } from './request-context.decorator';

/**
 * The one global guard. It fails closed: a resolver without an explicit @Public or @Allow
 * is refused (and the unit test over every resolver fails the build). It authenticates the
 * JWT, checks the role, and leaves the RequestContext on the GraphQL context.
 */
@Injectable()
export class AuthorizationGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AuthorizationGuard.name);

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext) {
    return graphQLState(context).req;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const rule = this.reflector.getAllAndOverride<AuthRule | undefined>(AUTH_RULE, [context.getHandler(), context.getClass()]);
    const state = graphQLState(context);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} has no @Public or @Allow: refused`);
      throw new ForbiddenError();
    }
    const hasToken = typeof state.req.headers.authorization === 'string' && state.req.headers.authorization.length > 0;
    if (rule.public && !hasToken) {
      state.ctx = RequestContext.anonymous(state.req.ip);
      return true;
    }
    if (!hasToken) throw new UnauthenticatedError();
    await super.canActivate(context);
    const caller = state.req.user as Caller;
    state.ctx = new RequestContext(caller, state.req.ip);
    if (!rule.public && !rule.roles.includes(caller.role)) throw new ForbiddenError();
    return true;
  }

  override handleRequest<TUser = Caller>(error: unknown, user: TUser | false): TUser {
    if (error instanceof DomainError) throw error;
    if (error || !user) throw new UnauthenticatedError('Invalid or expired token');
    return user;
  }
}
