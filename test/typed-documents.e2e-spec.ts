import { generate } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../codegen';

const root = join(__dirname, '..');

/**
 * The typed documents the tests run (test/generated/graphql.ts) are committed: regenerated here
 * from schema.gql and test/operations, they must be what is on disk, so a changed schema or
 * operation without `npx graphql-codegen` fails the suite instead of typing the tests wrongly.
 */
describe('the typed GraphQL documents of the tests', () => {
  it('are up to date with schema.gql and test/operations', async () => {
    const outputs: Array<{ filename: string; content: string }> = await generate({ ...config, cwd: root, silent: true }, false);
    const generated = outputs.find((o) => o.filename.endsWith(join('test', 'generated', 'graphql.ts')));
    expect(generated).toBeDefined();
    const onDisk = readFileSync(join(root, 'test', 'generated', 'graphql.ts'), 'utf8');
    // a whole-file diff would drown the one thing to do
    if (onDisk !== generated!.content) throw new Error('test/generated/graphql.ts is out of date: run `npx graphql-codegen` and commit it');
  });
});
