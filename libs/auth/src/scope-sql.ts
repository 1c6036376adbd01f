/** A WHERE fragment with its parameters; `:scopeOrg`, `:scopeRegion` and `:scopeUser` are the caller's. */
export interface ScopeSql {
  sql: string;
  params: Record<string, unknown>;
}
