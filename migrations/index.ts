import { Network1795426270271 } from './1795426270271-Network';
import { Donations1795428949382 } from './1795428949382-Donations';

/** Every migration, oldest first. Listed explicitly so that ts and compiled runs load the same set. */
export const MIGRATIONS = [Network1795426270271, Donations1795428949382];
