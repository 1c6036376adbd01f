import { DocumentNode, Kind, OperationDefinitionNode } from 'graphql';
import { GRAPHQL_OPERATION, GraphQLOperationNote } from './observability';
import { OperationLabels } from './operation-label';

interface HookContext {
  reply: { request: { body?: unknown; [GRAPHQL_OPERATION]?: GraphQLOperationNote } };
}

/** The operation a document runs: its only one, or the one `operationName` picks. */
function operationOf(document: DocumentNode, operationName: unknown): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length === 1) return operations[0];
  return operations.find((o) => o.name?.value === operationName);
}

/** Mercurius preExecution hook: notes the operation's name and type for the request log and the metrics. */
export function operationNoteHook() {
  const labels = new OperationLabels();
  return async (_schema: unknown, document: DocumentNode, context: HookContext): Promise<void> => {
    const request = context.reply.request;
    const body = request.body as { operationName?: unknown } | undefined;
    const operation = operationOf(document, body?.operationName);
    request[GRAPHQL_OPERATION] = { name: labels.label(operation?.name?.value), type: operation?.operation ?? 'unknown' };
  };
}
