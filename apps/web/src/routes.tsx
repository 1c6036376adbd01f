import type { ReactNode } from 'react';
import type { Session } from './api/session';

/** Every page but the home, with the roles that may open it (the API decides anyway: this only keeps menus honest). */
export interface Route {
  path: string;
  roles: string[];
  render: (params: Record<string, string>, session: Session) => ReactNode;
}

export const ROUTES: Route[] = [];
