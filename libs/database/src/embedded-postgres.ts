import { Logger } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A real PostgreSQL (PGlite, compiled to WebAssembly) served over a local socket, so that a
 * fresh machine runs the whole service with one command. PGlite serves one client at a
 * time: the pool that talks to it must hold exactly one connection.
 */
export class EmbeddedPostgres {
  private static readonly logger = new Logger('EmbeddedPostgres');
  private server?: { stop(): Promise<void> };
  private db?: { close(): Promise<void> };

  constructor(private readonly dataDir: string) {}

  async start(): Promise<string> {
    mkdirSync(this.dataDir, { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create(this.dataDir);
    const port = await freePort();
    const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 1 });
    await server.start();
    this.db = db;
    this.server = server;
    EmbeddedPostgres.logger.log(`embedded PostgreSQL (PGlite) on 127.0.0.1:${port}, data in ${this.dataDir}`);
    return `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    await this.db?.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
