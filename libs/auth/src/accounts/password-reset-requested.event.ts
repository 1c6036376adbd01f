import { DomainEvent } from '@app/database';

/**
 * A person asked for a password reset link for an existing, active account. The link carries the
 * only copy of the token (the database keeps its hash), so whoever sends the e-mail subscribes to
 * this event and writes its own outbox row in the same transaction: the message then goes if and
 * only if the link was made.
 */
export class PasswordResetRequested extends DomainEvent {
  constructor(
    readonly userId: string,
    readonly email: string,
    /** `${PUBLIC_URL}/reinitialiser?token=…`; never to be logged in production */
    readonly link: string,
    readonly expiresAt: Date,
  ) {
    super();
  }
}
