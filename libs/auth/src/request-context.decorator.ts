import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from '@app/common';

export interface GraphQLRequestState {
  req: { headers: Record<string, string | string[] | undefined>; ip?: string; user?: unknown };
  ctx?: RequestContext;
}

export function graphQLState(context: ExecutionContext): GraphQLRequestState {
  return GqlExecutionContext.create(context).getContext<GraphQLRequestState>();
}

/** The caller's RequestContext, made by the AuthorizationGuard before the resolver runs. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const state = graphQLState(context);
  return state.ctx ?? RequestContext.anonymous(state.req.ip);
});
