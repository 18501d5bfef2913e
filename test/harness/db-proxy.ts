// A TCP proxy between the app and the test's database server, to make real network faults: the
// connection carrying a chosen command is reset before the command reaches the server (a blip), or
// the command is held forever (a worker that hangs, as if its process were gone).
import { connect, createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';

type Fault = { marker: string; kind: 'reset' | 'hold'; active: boolean };

export class DatabaseProxy {
  private readonly sockets = new Set<Socket>();
  private readonly faults: Fault[] = [];
  /** How many commands each fault has hit. */
  hits = 0;

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {}

  static async start(targetUri: string): Promise<DatabaseProxy> {
    const target = new URL(targetUri);
    const server = createServer();
    const proxy = new DatabaseProxy(server, target);
    server.on('connection', (client) => proxy.pipe(client));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return proxy;
  }

  get uri(): string {
    const { port } = this.server.address() as { port: number };
    return `mongodb://127.0.0.1:${port}/`;
  }

  /** Until heal(), every command whose bytes contain `marker` is not delivered and its connection is reset. */
  breakOn(marker: string): void {
    this.faults.push({ marker, kind: 'reset', active: true });
  }

  /** The next command containing `marker`, and everything after it on that connection, never reaches the server. */
  holdOn(marker: string): void {
    this.faults.push({ marker, kind: 'hold', active: true });
  }

  heal(): void {
    for (const fault of this.faults) fault.active = false;
  }

  private pipe(client: Socket): void {
    const upstream = connect(Number(this.target.port), this.target.hostname);
    this.sockets.add(client).add(upstream);
    let held = false;
    client.on('data', (chunk: Buffer) => {
      if (held) return;
      const fault = this.faults.find((f) => f.active && chunk.includes(f.marker));
      if (fault) {
        this.hits++;
        if (fault.kind === 'hold') {
          fault.active = false;
          held = true;
          return;
        }
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!held) client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
