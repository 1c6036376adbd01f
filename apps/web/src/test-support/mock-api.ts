import type { request } from '../api/request';

type Variables = Record<string, unknown>;
/** What a mocked operation answers: its data, or a thrown ApiError (a refusal). */
export type Answer = (variables: Variables) => unknown;

/** The name of a typed document's operation (`query WebUsersList(…)` → `WebUsersList`). */
export function operationName(document: { toString(): string }): string {
  const name = /(?:query|mutation|subscription)\s+(\w+)/.exec(document.toString())?.[1];
  if (!name) throw new Error(`no operation name in ${document.toString().slice(0, 80)}`);
  return name;
}

/**
 * The request layer (api/request.ts, mocked with jest.mock) answering each operation by name; the
 * calls are recorded as [name, variables], so a test reads what the page sent. An operation the
 * test did not expect fails it loudly.
 */
export function answerOperations(mocked: jest.MockedFunction<typeof request>, answers: Record<string, Answer>): Array<[string, Variables]> {
  const calls: Array<[string, Variables]> = [];
  mocked.mockImplementation((async (document: { toString(): string }, variables?: Variables) => {
    const name = operationName(document);
    calls.push([name, variables ?? {}]);
    const answer = answers[name];
    if (!answer) throw new Error(`unexpected operation ${name}`);
    return answer(variables ?? {});
  }) as unknown as typeof request);
  return calls;
}
