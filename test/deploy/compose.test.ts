import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadGatewayConfig } from '../../gateway/config';
import { loadResolutionConfig } from '../../resolution/config';
import { readCompose } from './compose';
import { ROOT, variablesRead } from './manifests';
import { LIBRARY_VARIABLES, processOf, SUBGRAPH_ENTRY_POINT } from './processes';
import { STORE_OWNING_SUBGRAPHS } from '../../subgraphs/registry';

/** The secrets `docker compose up` asks for, as .ci/run's placeholders. */
const SECRETS = { PRINCIPAL_SIGNING_SECRET: 'ci-placeholder-signing-secret-0123456789', AUTH_JWT_SECRET: 'ci-placeholder-jwt-secret-0123456789' };
const IMAGE = 'dtsen-gateway:local';

const { services } = readCompose(SECRETS);
const imageServices = Object.entries(services).filter(([, service]) => service.image === IMAGE);
const environmentOf = (name: string) => services[name]?.environment ?? {};

describe('docker-compose.yml', () => {
  it('when a secret is not set, then compose refuses to start and names it', () => {
    expect(() => readCompose({ AUTH_JWT_SECRET: SECRETS.AUTH_JWT_SECRET })).toThrow('docker-compose.yml: set PRINCIPAL_SIGNING_SECRET (at least 32 characters)');
  });

  it('when compose starts, then the image runs the seed, every stored subgraph of the registry, the gateway and the resolve run', () => {
    expect(Object.fromEntries(imageServices.map(([name, service]) => [name, service.command]))).toEqual({
      seed: ['node', 'dist/seed/cli.js', '--families', '5000', '--seed', '1', '--if-empty'],
      ...Object.fromEntries(STORE_OWNING_SUBGRAPHS.map((subgraph) => [subgraph.name, ['node', SUBGRAPH_ENTRY_POINT, subgraph.name]])),
      gateway: ['node', 'dist/gateway/main.js'],
      resolve: ['node', 'dist/resolution/cli.js'],
    });
  });

  it.each(imageServices.map(([name]) => [name]))('when service %s starts, then its configuration loads from its environment and reads every variable set', (name) => {
    const environment = environmentOf(name);

    const read = variablesRead(processOf(name, services[name]?.command).load, environment);

    expect(Object.keys(environment).filter((variable) => !read.has(variable) && !LIBRARY_VARIABLES.has(variable))).toEqual([]);
  });

  it('when the resolve run starts, then it waits for a healthy gateway, runs once, and fills the index the gateway reads through a gateway replica', () => {
    const gateway = loadGatewayConfig(environmentOf('gateway'));
    const resolution = loadResolutionConfig(environmentOf('resolve'));

    expect({ dependsOn: services['resolve']?.depends_on, restart: services['resolve']?.restart, gateway: resolution.gatewayUrl, index: resolution.indexUrl }).toEqual({
      dependsOn: { gateway: { condition: 'service_healthy' } },
      restart: 'no',
      gateway: `http://gateway:${gateway.port}/graphql`,
      index: gateway.indexUrl,
    });
  });

  it('when the playground is opened, then introspection is on so that GraphiQL has the schema, beside the dashboard', () => {
    const { playground, introspection, dashboard } = loadGatewayConfig(environmentOf('gateway'));

    expect({ playground, introspection, dashboard }).toEqual({ playground: true, introspection: true, dashboard: true });
  });

  it('when the load balancer starts, then nginx gets deploy/compose/nginx.conf and sends requests to the gateway service on its port', () => {
    const nginxConf = readFileSync(path.join(ROOT, 'deploy', 'compose', 'nginx.conf'), 'utf8');
    const { port } = loadGatewayConfig(environmentOf('gateway'));

    expect({
      volumes: services['gateway-lb']?.volumes,
      upstream: /^\s*set \$gateway_replicas (\S+);/m.exec(nginxConf)?.[1],
      dependsOn: services['gateway-lb']?.depends_on,
    }).toEqual({
      volumes: ['./deploy/compose/nginx.conf:/etc/nginx/conf.d/default.conf:ro'],
      upstream: `gateway:${port}`,
      dependsOn: { gateway: { condition: 'service_healthy' } },
    });
  });
});
