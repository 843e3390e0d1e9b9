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
    const plan = [[{ url: subgraph.url, body: '{"query":"{ _service { sdl } }"}', principal: 'encoded-principal' }]];
    const result = await runPaired({
      gatewayUrl: gateway.url,
      token: 'token',
      requests: [{ query: '{ household(noKK: "3172011506100001") { noKK } }', variables: {} }],
      plans: [plan],
      signingSecret: 'a-signing-secret-of-at-least-32-characters',
      connections: 1,
      durationSeconds: 0.3,
    });
    return { arrivals, result };
  }

  it('when both answer, then the gateway and the direct calls take turns, the order swapped every pair, and every pair is counted', async () => {
    const { arrivals, result } = await run(() => '{"data":{"household":null}}');

    expect({
      opening: arrivals.slice(0, 8),
      everyPairCounted: result.pairs === arrivals.length / 2,
      failed: result.failed,
      medians: [result.gatewayP50, result.floorP50, result.medianPairDifference].every(Number.isFinite),
    }).toEqual({
      opening: ['gateway', 'subgraph', 'subgraph', 'gateway', 'gateway', 'subgraph', 'subgraph', 'gateway'],
      everyPairCounted: true,
      failed: 0,
      medians: true,
    });
  });

  it('when the gateway answers with errors, then no pair is counted and each is reported failed', async () => {
    const { arrivals, result } = await run(() => '{"errors":[{"message":"down"}]}');

    expect({ pairs: result.pairs, everyPairFailed: result.failed === arrivals.length / 2, medians: Number.isNaN(result.gatewayP50) }).toEqual({
      pairs: 0,
      everyPairFailed: true,
      medians: true,
    });
  });
});
