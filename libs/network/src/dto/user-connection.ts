import { ConnectionType } from '@app/common';
import { User } from '@app/auth';

/** `users`: the accounts the caller administers, newest first. */
export const UserConnection = ConnectionType(User, 'User');
