import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import * as pg from 'pg';
import { TestApp } from './test-app';

/**
 * Records the SQL statements the app sends while a request runs, as pg's clients send them
 * (TypeORM's query runners and the prepared statements sent on the pool alike), so a test can
 * bound how many a request costs. `release` puts the driver back as it was.
 */
export class SqlRecorder {
  private recording: string[] | null = null;
  /** the statements of the recording sent as named (prepared) statements */
  private named: string[] | null = null;
  private readonly release: () => void;

  /** `length`: how much of each statement is kept (the start names it; a test of what a statement reads keeps it whole). */
  constructor(
    private readonly t: TestApp,
    length = 140,
  ) {
    const proto = (pg as unknown as { Client: { prototype: { query: (...args: unknown[]) => unknown } } }).Client.prototype;
    const original = proto.query;
    const shown = (text: unknown) => String(text).replace(/\s+/g, ' ').slice(0, length);
    const record = (statement: unknown) => {
      if (!this.recording) return;
      const config = typeof statement === 'object' && statement !== null ? (statement as { text?: string; name?: string }) : null;
      this.recording.push(shown(config ? config.text : statement));
      if (config?.name) this.named?.push(shown(config.text));
    };
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
  ): Promise<{ data: TResult; issued: string[]; prepared: string[] }> {
    this.recording = [];
    this.named = [];
    try {
      const data = await this.t.runOk(document, variables, token);
      return { data, issued: this.recording, prepared: this.named };
    } finally {
      this.recording = null;
      this.named = null;
    }
  }

  restore(): void {
    this.release();
  }
}
