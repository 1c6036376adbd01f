import { Role } from '@app/common';

export interface JwtPayload {
  sub: string;
  role: Role;
}
