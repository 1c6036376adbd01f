import { NotificationBus } from './notification-bus';

interface ConnectionInit {
  payload?: Record<string, unknown> | null;
}

/**
 * Mercurius' `subscription` option: WebSocket subscriptions on /graphql, their events through the
 * Redis emitter shared by every API process. A connection must bring a token in its connection
 * params (`{ authorization: "Bearer …" }`, as the HTTP header); it becomes the request the global
 * guard reads, so each subscription is authenticated, role-checked and scoped exactly as a query
 * (an expired or revoked token is refused when a subscription starts).
 */
export function notificationSubscriptionOptions(bus: NotificationBus) {
  return {
    emitter: bus.emitter(),
    onConnect: ({ payload }: ConnectionInit): false | { req: { headers: { authorization: string } } } => {
      const authorization = payload?.authorization ?? payload?.Authorization;
      if (typeof authorization !== 'string' || !/^\s*bearer\s+\S+\s*$/i.test(authorization) || authorization.length > 4096) return false;
      return { req: { headers: { authorization } } };
    },
    // before onConnect: a connection without a token has a request with no header, refused by the guard
    context: () => ({ req: { headers: {} } }),
  };
}
