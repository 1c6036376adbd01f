import { buildSchema, GraphQLError, parse } from 'graphql';
import { introspectionAccessHook } from './introspection-access';

const schema = buildSchema('type Query { me: String }');
const callers: Record<string, string> = { 'Bearer admin': 'ADMIN', 'Bearer coordinator': 'COORDINATOR' };
const guard = {
  authenticate: jest.fn(async (authorization: string) => {
    const role = callers[authorization];
    if (!role) throw new Error('invalid token');
    return { role };
  }),
};
const context = (authorization?: string) => ({ req: { headers: authorization ? { authorization } : {} } });

describe('introspection where it is off', () => {
  const hook = introspectionAccessHook(guard);
  beforeEach(() => guard.authenticate.mockClear());

  it('answers an authenticated ADMIN', async () => {
    await expect(hook(schema, parse('{ __schema { queryType { name } } }'), context('Bearer admin'))).resolves.toBeUndefined();
    await expect(hook(schema, parse('{ __type(name: "Query") { name } }'), context('Bearer admin'))).resolves.toBeUndefined();
  });

  it('refuses every other role, a bad token and nobody, with graphql-js’ own refusal', async () => {
    for (const authorization of ['Bearer coordinator', 'Bearer forged', undefined]) {
      const refusal = await hook(schema, parse('{ me __schema { types { name } } }'), context(authorization)).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(GraphQLError);
      expect((refusal as GraphQLError).message).toMatch(/introspection has been disabled/);
    }
  });

  it('asks nothing of ordinary queries, __typename included', async () => {
    await expect(hook(schema, parse('{ me __typename }'), context())).resolves.toBeUndefined();
    expect(guard.authenticate).not.toHaveBeenCalled();
  });
});
