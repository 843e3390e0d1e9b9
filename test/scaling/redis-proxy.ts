import { once } from 'node:events';
import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { testRedisUrl } from './test-redis';

export interface RedisProxy {
  /** A redis:// URL to give the gateway in place of the test Redis's. */
  readonly url: string;
  /** Drops every connection and every later one: Redis is away. */
  down(): void;
  /** Passes connections to Redis again. */
  up(): void;
  close(): Promise<void>;
}

/** A loopback TCP proxy in front of the test Redis that takes it away on demand. */
export async function startRedisProxy(options: { down?: boolean } = {}): Promise<RedisProxy> {
  const upstream = new URL(await testRedisUrl());
  let isDown = options.down ?? false;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (isDown) {
      client.destroy();
      return;
    }
    const redis = createConnection({ host: upstream.hostname, port: Number(upstream.port || 6379) });
    track(redis);
    client.pipe(redis).pipe(client);
    client.on('close', () => redis.destroy());
    redis.on('close', () => client.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    down() {
      isDown = true;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      isDown = false;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
