import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, ErrorReason, INVALID_CREDENTIALS, UnauthenticatedError } from '@app/common';
import { graphQLState } from './request-context.decorator';

/** Runs passport-local on the `login` mutation's arguments. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext) {
    const state = graphQLState(context) as ReturnType<typeof graphQLState> & { login?: { body: unknown; ip?: string; user?: unknown } };
    state.login = { body: context.getArgByIndex(1), ip: state.req.ip };
    return state.login;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof DomainError) throw error;
    if (error || !user) throw new UnauthenticatedError(INVALID_CREDENTIALS, ErrorReason.INVALID_CREDENTIALS);
    return user;
  }
}
