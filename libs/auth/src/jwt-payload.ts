import { Role } from '@app/common';

export interface JwtPayload {
  sub: string;
  role: Role;
  /** the user's token version when the token was issued; absent in tokens older than versions, read as 0 */
  ver?: number;
}
