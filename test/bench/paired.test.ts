import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runPaired } from '../../bench/plan-floor';

/** A server that notes its name for each request it answers, and answers `body`. */
async function recordingServer(name: string, arrivals: string[], body: () => string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      arrivals.push(name);
      response.writeHead(200, { 'content-type': 'application/json' }).end(body());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

describe('scenario (a) measured in pairs with its subgraph calls', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function run(gatewayBody: () => string) {
    const arrivals: string[] = [];
    const gateway = await recordingServer('gateway', arrivals, gatewayBody);
    const subgraph = await recordingServer('subgraph', arrivals, () => '{"data":{}}');
    servers.push(gateway.server, subgraph.server);
    const plan = [[{ url: subgraph.url, body: '{"query":"{ _service { sdl } }"}', principal: 'encoded-principal', key: 'a-signing-key-of-at-least-32-characters' }]];
    const result = await runPaired({
      gatewayUrl: gateway.url,
      token: 'token',
      requests: [{ query: '{ household(noKK: "3172011506100001") { noKK } }', variables: {} }],
      plans: [plan],
      connections: 1,
      durationSeconds: 20,
      maxPairs: 4,
    });
    return { arrivals, result };
  }

  it('when both answer, then the gateway and the direct calls take turns, the order swapped every pair, and every pair is counted', async () => {
    const { arrivals, result } = await run(() => '{"data":{"household":null}}');

    expect({
      arrivals,
      pairs: result.pairs,
      failed: result.failed,
      medians: [result.gatewayP50, result.floorP50, result.medianPairDifference].every(Number.isFinite),
    }).toEqual({
      arrivals: ['gateway', 'subgraph', 'subgraph', 'gateway', 'gateway', 'subgraph', 'subgraph', 'gateway'],
      pairs: 4,
      failed: 0,
      medians: true,
    });
  });

  it('when the gateway answers with errors, then no pair is counted and each is reported failed', async () => {
    const { arrivals, result } = await run(() => '{"errors":[{"message":"down"}]}');

    expect({ sent: arrivals.length, pairs: result.pairs, failed: result.failed, medians: Number.isNaN(result.gatewayP50) }).toEqual({
      sent: 8,
      pairs: 0,
      failed: 4,
      medians: true,
    });
  });
});
