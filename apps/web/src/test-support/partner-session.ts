import type { Session } from '../api/session';

/** A signed-in social worker of a partner, as the login answers it (the request layer is mocked). */
export const PARTNER_SESSION: Session = {
  token: 't',
  expiresAt: Date.now() + 3600_000,
  user: {
    id: 'u-partner',
    email: 'partner@ara.test',
    name: 'Sam',
    role: 'PARTNER',
    organization: { id: 'org-ccas', name: 'CCAS Lyon', kind: 'PARTNER', region: { id: 'region-ara', code: 'ARA', name: 'Auvergne-Rhône-Alpes' } },
  },
};
