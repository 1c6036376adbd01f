import { RequestContext } from '@app/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The acting user's id, or null for the platform itself (background jobs act as "system"). */
export function actorUserIdOf(ctx: RequestContext): string | null {
  const id = ctx.caller?.userId;
  return id && UUID.test(id) ? id : null;
}
