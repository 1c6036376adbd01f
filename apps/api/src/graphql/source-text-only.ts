import { DocumentNode, GraphQLSchema, Source } from 'graphql';
import { BadInputError } from '@app/common';

interface HookContext {
  reply?: { request?: { body?: unknown; query?: unknown } };
}

/**
 * The GraphQL-level half of "only source text": a document reaches validation (and, once known,
 * the JIT) only if our own parser made it from the text of this request. Mercurius falls back to
 * `JSON.parse` when a text is not GraphQL, and takes a non-string `query` as a syntax tree; a tree
 * built that way can carry any string as a name. A parsed document's location points at a
 * `Source` object, which no JSON can produce. It runs as a preValidation hook, so once per new
 * query text: known texts come from Mercurius' cache of validated documents.
 */
export function sourceTextOnlyHook() {
  return async (_schema: GraphQLSchema, document: DocumentNode, context: HookContext): Promise<void> => {
    const request = context.reply?.request;
    const params = (request?.body ?? request?.query) as { query?: unknown } | undefined;
    const text = params?.query;
    const source = document.loc?.source;
    if (typeof text !== 'string' || !(source instanceof Source) || source.body !== text) {
      throw new BadInputError('`query` must be GraphQL source text');
    }
  };
}
