import { DocumentNode, print } from 'graphql';

/**
 * The API takes GraphQL only as source text (a parsed document is refused at the HTTP edge), so a
 * typed document is printed once and its text reused for every call.
 */
const sources = new WeakMap<DocumentNode, string>();

export function sourceOf(document: DocumentNode): string {
  let source = sources.get(document);
  if (source === undefined) {
    source = print(document);
    sources.set(document, source);
  }
  return source;
}

declare const unchecked: unique symbol;

/**
 * Variables that do not fit the operation's types on purpose (an unknown enum value, a string
 * where a number goes): the tests of how the API refuses bad input send them.
 */
export type UncheckedVariables = Record<string, unknown> & { readonly [unchecked]: true };

export function uncheckedVariables(variables: Record<string, unknown>): UncheckedVariables {
  return variables as UncheckedVariables;
}

/** The variables a call of this document takes: its own, or deliberately ill-typed ones. */
export type VariablesFor<TVariables> = TVariables | UncheckedVariables;
