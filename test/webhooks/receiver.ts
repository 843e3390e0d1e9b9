import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A partner's webhook receiver on a port of its own: it records every POST and answers as a
// script says for its path (a 5xx, no answer at all, or 2xx), and can be stopped and started again
// on the same port, as a receiver that is redeployed.

export type Answer = 'ok' | 'unavailable' | 'silent';

export interface ReceivedPost {
  readonly path: string;
  readonly deliveryId: string;
  /** The Standard Webhooks headers it came with. */
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly answer: Answer;
}

export interface Receiver {
  readonly url: (path: string) => string;
  /** Every POST that reached it, in arrival order. */
  readonly posts: ReceivedPost[];
  /** The answers the next POSTs to `path` get, in turn; after them, 'ok'. */
  script(path: string, answers: readonly Answer[]): void;
  /** Called with each POST as it arrives. */
  onPost(listener: (post: ReceivedPost) => void): void;
  /** Called when the sender of a POST left unanswered gives up on it and closes the connection. */
  onSilentAbandoned(listener: () => void): void;
  /** Closes the port (and every connection, silent ones too); `start` opens it again. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const posts: ReceivedPost[] = [];
  const scripts = new Map<string, Answer[]>();
  const listeners: ((post: ReceivedPost) => void)[] = [];
  const abandoned: (() => void)[] = [];
  let port = 0;
  let server: Server;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const answer = scripts.get(path)?.shift() ?? 'ok';
      const post = { path, deliveryId: String(req.headers['webhook-id']), headers: Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(req.headers[name])])), body: Buffer.concat(chunks).toString('utf8'), answer };
      posts.push(post);
      for (const listener of listeners) listener(post);
      if (answer === 'ok') res.writeHead(204).end();
      if (answer === 'unavailable') res.writeHead(503).end();
      if (answer === 'silent') res.on('close', () => abandoned.forEach((listener) => listener()));
    });
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(handle);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();

  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    posts,
    script: (path, answers) => scripts.set(path, [...answers]),
    onPost: (listener) => listeners.push(listener),
    onSilentAbandoned: (listener) => abandoned.push(listener),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    start: listen,
  };
}
