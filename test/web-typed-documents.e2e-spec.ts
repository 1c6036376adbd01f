import { generate } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../codegen';

const root = join(__dirname, '..');
const target = join('apps', 'web', 'src', 'generated', 'graphql.ts');

/**
 * The web console's typed operations (apps/web/src/generated/graphql.ts) are committed: regenerated
 * here from schema.gql and apps/web/src/operations, they must be what is on disk. A field the
 * console asks for that the API dropped or renamed fails codegen, so this fails too: the console
 * never ships a query the API would refuse.
 */
describe('the typed GraphQL documents of the web console', () => {
  it('are valid against schema.gql and up to date', async () => {
    const outputs: Array<{ filename: string; content: string }> = await generate({ ...config, cwd: root, silent: true }, false);
    const generated = outputs.find((o) => o.filename.endsWith(target));
    expect(generated).toBeDefined();
    if (readFileSync(join(root, target), 'utf8') !== generated!.content) {
      throw new Error(`${target} is out of date: run \`npm run codegen\` and commit it`);
    }
  });
});
