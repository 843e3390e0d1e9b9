import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does with a request:
 * - `pass`: forwards it to the subgraph;
 * - `down`: nothing listens, connections are refused;
 * - `slow`: forwards it after `slowMs`;
 * - `error500`/`error503`: answers that status itself;
 * - `cut`: answers 200 with a promised length, sends part of the body and closes the connection.
 */
export type Fault = 'pass' | 'down' | 'slow' | 'error500' | 'error503' | 'cut';

export interface FaultProxy {
  /** The GraphQL URL to give the gateway in place of the subgraph's. */
  readonly url: string;
  /** Requests that reached the proxy (every attempt of every call), since it started. */
  readonly requests: () => number;
  /** Every later request gets `fault`; open connections are dropped so none slips through on keep-alive. */
  set(fault: Fault): Promise<void>;
  /** The next `count` requests get `fault`, then the proxy passes again. */
  failNext(count: number, fault: Exclude<Fault, 'down' | 'pass'>): void;
  close(): Promise<void>;
}

/** A loopback HTTP proxy in front of one subgraph that injects faults on demand. */
export async function startFaultProxy(upstreamUrl: string, options: { slowMs?: number } = {}): Promise<FaultProxy> {
  const upstream = new URL(upstreamUrl);
  const slowMs = options.slowMs ?? 10_000;
  let fault: Fault = 'pass';
  let pending: { fault: Fault; count: number } | null = null;
  let requests = 0;
  const timers = new Set<NodeJS.Timeout>();

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const outgoing = httpRequest(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    outgoing.on('error', () => res.destroy());
    req.pipe(outgoing);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    requests += 1;
    let now = fault;
    if (pending && pending.count > 0) {
      now = pending.fault;
      pending.count -= 1;
    }
    switch (now) {
      case 'pass':
      case 'down':
        forward(req, res);
        return;
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          forward(req, res);
        }, slowMs);
        timers.add(timer);
        return;
      }
      case 'error500':
      case 'error503':
        req.resume();
        res.writeHead(now === 'error500' ? 500 : 503, { 'content-type': 'text/plain' }).end('internal detail: db01.internal:3306');
        return;
      case 'cut':
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"data":{"_entities":[');
        setImmediate(() => res.socket?.destroy());
        return;
    }
  };

  const server: Server = createServer(handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  const stopListening = async () => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };

  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    requests: () => requests,
    async set(next) {
      fault = next;
      pending = null;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      if (next === 'down') {
        await stopListening();
        return;
      }
      server.closeAllConnections();
      if (!server.listening) {
        server.listen(port, '127.0.0.1');
        await once(server, 'listening');
      }
    },
    failNext(count, next) {
      pending = { fault: next, count };
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      await stopListening();
    },
  };
}
