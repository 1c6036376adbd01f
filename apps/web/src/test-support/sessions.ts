import type { Session } from '../api/session';

const region = { id: 'region-ara', code: 'ARA', name: 'Auvergne-Rhône-Alpes' };

/** A signed-in person of each role, as the login answers it (the token is never sent: the request layer is mocked). */
export const SESSIONS: Record<'ADMIN' | 'COORDINATOR' | 'REFURBISHER', Session> = {
  ADMIN: { token: 't', expiresAt: Date.now() + 3600_000, user: { id: 'u-admin', email: 'admin@platform.test', name: null, role: 'ADMIN', organization: null } },
  COORDINATOR: {
    token: 't',
    expiresAt: Date.now() + 3600_000,
    user: {
      id: 'u-coord',
      email: 'coordinator@ara.test',
      name: 'Camille',
      role: 'COORDINATOR',
      organization: { id: 'org-coord', name: 'Coordination ARA', kind: 'COORDINATOR', region },
    },
  },
  REFURBISHER: {
    token: 't',
    expiresAt: Date.now() + 3600_000,
    user: {
      id: 'u-ref',
      email: 'refurbisher@ara.test',
      name: null,
      role: 'REFURBISHER',
      organization: { id: 'org-ref', name: 'Atelier Lyon', kind: 'REFURBISHER', region },
    },
  },
};
