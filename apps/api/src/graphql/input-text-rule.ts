import { DocumentNode, GraphQLSchema } from 'graphql';

/** The one rule for text in requests (placeholder until the input rule lands). */
export function inputTextHook() {
  return async (_schema: GraphQLSchema, _document: DocumentNode, _context: unknown, _variables?: Record<string, unknown>): Promise<void> => {};
}
