import { SetMetadata } from '@nestjs/common';
import { Role } from '@app/common';

export const AUTH_RULE = 'reuse:auth-rule';

export type AuthRule = { public: true } | { public: false; roles: Role[] };

/** Open to anyone, signed in or not (login, health). */
export const Public = () => SetMetadata(AUTH_RULE, { public: true } satisfies AuthRule);

/**
 * Signed-in users of these roles. Finer scoping (own organization, own region) is the
 * service's job, through AccessPolicy. A resolver without Public or Allow is refused.
 */
export const Allow = (...roles: Role[]) => SetMetadata(AUTH_RULE, { public: false, roles } satisfies AuthRule);

export const ALL_ROLES: Role[] = [Role.ADMIN, Role.COORDINATOR, Role.DONOR, Role.REFURBISHER, Role.PARTNER];
