import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RESOLVER_TYPE_METADATA } from '@nestjs/graphql/dist/graphql.constants';
import { AUTH_RULE } from './auth-rule.decorator';

function resolverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : resolverFiles(path);
    return entry.name.endsWith('.resolver.ts') ? [path] : [];
  });
}

/** As Twenty's lint rule: a query or mutation without an explicit auth decorator fails the build. */
describe('every GraphQL operation declares who may call it', () => {
  const root = join(__dirname, '../../..');
  const files = [...resolverFiles(join(root, 'libs')), ...resolverFiles(join(root, 'apps'))];

  it('finds the resolvers', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files.map((f) => [f.slice(root.length + 1)]))('%s', (file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(join(root, file)) as Record<string, unknown>;
    const unguarded: string[] = [];
    for (const value of Object.values(exported)) {
      if (typeof value !== 'function') continue;
      for (const name of Object.getOwnPropertyNames(value.prototype)) {
        const method = (value.prototype as Record<string, unknown>)[name];
        if (typeof method !== 'function' || name === 'constructor') continue;
        const kind = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method);
        if (kind !== 'Query' && kind !== 'Mutation' && kind !== 'Subscription') continue;
        if (!Reflect.getMetadata(AUTH_RULE, method) && !Reflect.getMetadata(AUTH_RULE, value)) unguarded.push(`${value.name}.${name}`);
      }
    }
    expect(unguarded).toEqual([]);
  });
});
