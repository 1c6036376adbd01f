import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

const root = join(__dirname, '..');
const shared = process.env.SHARED_DIR ?? join(root, '..', 'shared');

/** The generated schema keeps the public contract (../shared/api/contract.graphql), checked by its own tool. */
describe('the public GraphQL contract', () => {
  let output = '';

  beforeAll(async () => {
    if (!existsSync(join(shared, 'tools', 'check-contract.mjs'))) {
      throw new Error(`The contract checker is not at ${shared}/tools: set SHARED_DIR to the shared folder`);
    }
    // Booting the API writes schema.gql from the code.
    const t = await TestApp.start();
    await t.close();
    try {
      output = execFileSync('node', [join(shared, 'tools', 'check-contract.mjs'), 'schema.gql'], { cwd: root, encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout?: string }).stdout ?? '';
    }
  });

  it('holds: every type, field and argument of the contract is served as written', () => {
    const problems = output.split('\n').filter((l) => /^[A-Z_]+: /.test(l));
    expect(problems).toEqual([]);
    expect(output).toMatch(/contract holds/);
  });
});
