import { ErrorCode, findForbiddenCharacter, forbiddenCharacterMessage } from '@app/common';
import { DocumentNode, getLocation, GraphQLError, GraphQLSchema, visit } from 'graphql';

/** Deeper than any input type of the schema; JSON nested further is refused rather than walked. */
const MAX_VARIABLE_DEPTH = 32;

const refuse = (message: string, field: string) => new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, details: { field } } });

interface Refusal {
  message: string;
  field: string;
}

/** The first refusal among a document's string literals (block strings too), or null. */
function scanDocument(document: DocumentNode): Refusal | null {
  let found: Refusal | null = null;
  visit(document, {
    StringValue(node) {
      const bad = findForbiddenCharacter(node.value);
      if (!bad) return undefined;
      const at = node.loc ? getLocation(node.loc.source, node.loc.start) : null;
      const where = at ? `argument at ${at.line}:${at.column}` : 'an argument';
      found = { message: forbiddenCharacterMessage(`The ${where}`, bad), field: where };
      return false;
    },
  });
  return found;
}

/** Walks variables as JSON: every string, and every key, to a bounded depth. */
function scanValue(value: unknown, path: string, depth: number): GraphQLError | null {
  if (typeof value === 'string') {
    const bad = findForbiddenCharacter(value);
    return bad ? refuse(forbiddenCharacterMessage(path, bad), path) : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_VARIABLE_DEPTH) return refuse(`${path} is nested more than ${MAX_VARIABLE_DEPTH} levels deep`, path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const error = scanValue(value[i], `${path}[${i}]`, depth + 1);
      if (error) return error;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const badKey = findForbiddenCharacter(key);
    if (badKey) return refuse(forbiddenCharacterMessage(`A field name in ${path}`, badKey), path);
    const error = scanValue((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    if (error) return error;
  }
  return null;
}

/**
 * The one rule for text in requests, before anything runs: no control characters (but TAB, LF,
 * CR), no zero-width and no bidirectional controls, in any variable or string literal. Such
 * characters make serials and names that look alike but differ, texts that read otherwise than
 * they are stored, and a NUL that PostgreSQL refuses; a CSV given as text is held to it as well
 * (a byte order mark opening it is accepted). Documents are scanned once: Mercurius reuses a
 * parsed document for every request with the same query text.
 */
export function inputTextHook() {
  const documents = new WeakMap<DocumentNode, Refusal | null>();
  return async (_schema: GraphQLSchema, document: DocumentNode, _context: unknown, variables?: Record<string, unknown>): Promise<void> => {
    let literal = documents.get(document);
    if (literal === undefined) {
      literal = scanDocument(document);
      documents.set(document, literal);
    }
    if (literal) throw refuse(literal.message, literal.field);
    if (!variables) return;
    for (const name of Object.keys(variables)) {
      const badName = findForbiddenCharacter(name);
      if (badName) throw refuse(forbiddenCharacterMessage('A variable name', badName), name);
      const error = scanValue(variables[name], `$${name}`, 0);
      if (error) throw error;
    }
  };
}
