import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { TestApp } from './test-app';

/**
 * Records the SQL statements the app sends while a request runs (every query runner of its
 * data source shares one prototype), so a test can bound how many a request costs. `release`
 * puts the driver back as it was.
 */
export class SqlRecorder {
  private recording: string[] | null = null;
  private readonly release: () => void;

  /** `length`: how much of each statement is kept (the start names it; a test of what a statement reads keeps it whole). */
  constructor(
    private readonly t: TestApp,
    length = 140,
  ) {
    const runner = t.dataSource.createQueryRunner();
    const proto = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
    void runner.release();
    const original = proto.query;
    const record = (statement: unknown) => this.recording?.push(String(statement).replace(/\s+/g, ' ').slice(0, length));
    proto.query = function (this: unknown, ...args: unknown[]) {
      record(args[0]);
      return original.apply(this, args);
    };
    this.release = () => (proto.query = original);
  }

  /** The typed answer of a request that must succeed, and the statements it sent. */
  async counted<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    token: string,
  ): Promise<{ data: TResult; issued: string[] }> {
    this.recording = [];
    try {
      const data = await this.t.runOk(document, variables, token);
      return { data, issued: this.recording };
    } finally {
      this.recording = null;
    }
  }

  restore(): void {
    this.release();
  }
}
