import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy the test can cut and restore, to make a service unreachable the way a network failure would, or
 * that holds the requests whose first bytes match (an HTTP method, say) until released: a call left hanging.
 */
export class TcpProxy {
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  private open = true;
  private holding: string | undefined;
  /** Requests held back, each sent on with its connection resumed when released. */
  private held: (() => void)[] = [];
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<this> {
    this.server = createServer((client) => {
      if (!this.open) return client.destroy();
      const upstream = connect(this.target.port, this.target.host);
      this.sockets.add(client).add(upstream);
      client.on("data", (chunk: Buffer) => {
        const prefix = this.holding;
        if (prefix !== undefined && chunk.subarray(0, prefix.length).toString("latin1") === prefix) {
          // Nothing more from this client until the held request goes on: the connection waits with it.
          client.pause();
          this.held.push(() => {
            upstream.write(chunk);
            client.resume();
          });
          return;
        }
        upstream.write(chunk);
      });
      client.on("end", () => upstream.end());
      upstream.pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on("error", drop).on("close", drop);
      upstream.on("error", drop).on("close", drop);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server!.address() as { port: number }).port;
    return this;
  }

  /** Drops every connection and refuses new ones. */
  cut(): void {
    this.open = false;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.open = true;
  }

  /** From now on, holds every request that starts with `prefix` (e.g. "DELETE ") until `releaseHeld`. */
  holdRequestsStartingWith(prefix: string): void {
    this.holding = prefix;
  }

  /** How many requests are being held. */
  get heldRequests(): number {
    return this.held.length;
  }

  /** Sends the held requests on and stops holding. */
  releaseHeld(): void {
    this.holding = undefined;
    for (const release of this.held.splice(0)) release();
  }

  async stop(): Promise<void> {
    this.releaseHeld();
    this.cut();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
