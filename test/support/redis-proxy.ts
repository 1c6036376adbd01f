import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy in front of the real Redis that a test can cut and restore: Redis "stops" for the
 * application under test only, while other tests keep their Redis.
 */
export class RedisProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(
    readonly port: number,
    private readonly target = { host: '127.0.0.1', port: 6379 },
  ) {}

  static async start(): Promise<RedisProxy> {
    const probe = createServer();
    const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)));
    await new Promise((resolve) => probe.close(resolve));
    const proxy = new RedisProxy(port);
    await proxy.up();
    return proxy;
  }

  url(db = 15): string {
    return `redis://127.0.0.1:${this.port}/${db}`;
  }

  async up(): Promise<void> {
    if (this.server) return;
    this.server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
