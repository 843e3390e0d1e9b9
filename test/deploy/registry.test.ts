// The deploy files stay literal (Compose and Kubernetes cannot read TypeScript); these tests hold
// them to subgraphs/registry.ts: each stored subgraph has its service and Deployment, on its port,
// with its variables, reached by the gateway, and nothing runs a subgraph the registry lacks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Deployment } from 'kubernetes-models/apps/v1';
import type { Service } from 'kubernetes-models/v1';
import { parse } from 'yaml';
import { STORE_OWNING_SUBGRAPHS, SUBGRAPH_REGISTRY } from '../../subgraphs/registry';
import { readCompose } from './compose';
import { containerEnvironment, KUSTOMIZATION, MANIFEST_DIR, ofKind, readManifests, workloads, type Workload } from './manifests';
import { SUBGRAPH_ENTRY_POINT } from './processes';

const SECRETS = { PRINCIPAL_SIGNING_SECRET: 'ci-placeholder-signing-secret-0123456789', AUTH_JWT_SECRET: 'ci-placeholder-jwt-secret-0123456789' };
const { services } = readCompose(SECRETS);
const manifests = readManifests();
const all = workloads(manifests);
const gatewayPod = all.find((workload) => workload.name === 'dtsen-gateway') as Workload;
const kustomization = parse(readFileSync(path.join(MANIFEST_DIR, KUSTOMIZATION), 'utf8')) as { resources: string[] };

const upper = (name: string) => name.toUpperCase();
const namesRunBy = (commands: readonly (readonly string[] | undefined)[]) =>
  commands.filter((command) => command?.[1] === SUBGRAPH_ENTRY_POINT).map((command) => command?.[2] ?? '(none)');

describe('the deploy files against subgraphs/registry.ts', () => {
  it('when the registry is read, then every subgraph has its own name and port, and dtsen is the one served otherwise than from a store', () => {
    const names = SUBGRAPH_REGISTRY.map((subgraph) => subgraph.name);
    const ports = SUBGRAPH_REGISTRY.map((subgraph) => subgraph.defaultPort);

    expect({
      distinctNames: new Set(names).size,
      distinctPorts: new Set([...ports, 4000]).size,
      service: SUBGRAPH_REGISTRY.filter((subgraph) => subgraph.kind === 'service').map((subgraph) => subgraph.name),
    }).toEqual({ distinctNames: names.length, distinctPorts: ports.length + 1, service: ['dtsen'] });
  });

  describe('docker-compose.yml', () => {
    it('when compose starts, then it runs exactly the stored subgraphs of the registry through the generic entry point', () => {
      expect(namesRunBy(Object.values(services).map((service) => service.command)).sort()).toEqual(STORE_OWNING_SUBGRAPHS.map((subgraph) => subgraph.name).sort());
    });

    it.each(STORE_OWNING_SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph] as const))(
      'when the %s service starts, then it listens on its default port, is probed there, and the gateway waits for it and calls it there',
      (name, subgraph) => {
        const service = services[name];
        const gateway = services['gateway'];

        expect({
          port: service?.environment?.[`${upper(name)}_PORT`],
          probe: JSON.stringify((service as { healthcheck?: unknown } | undefined)?.healthcheck ?? null).includes(`127.0.0.1:${subgraph.defaultPort}/health/ready`),
          gatewayUrl: gateway?.environment?.[`${upper(name)}_URL`],
          gatewayWaits: gateway?.depends_on?.[name],
        }).toEqual({
          port: String(subgraph.defaultPort),
          probe: true,
          gatewayUrl: `http://${name}:${subgraph.defaultPort}/graphql`,
          gatewayWaits: { condition: 'service_healthy' },
        });
      },
    );
  });

  describe('deploy/kubernetes', () => {
    it('when the manifests are applied, then they run exactly the stored subgraphs of the registry through the generic entry point', () => {
      expect(namesRunBy(all.map((workload) => workload.container.command)).sort()).toEqual(STORE_OWNING_SUBGRAPHS.map((subgraph) => subgraph.name).sort());
    });

    it.each(STORE_OWNING_SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph] as const))(
      'when the %s subgraph is deployed, then its manifest is in the kustomization, its Deployment listens on its default port with its store variables, its Service fronts it, and the gateway calls that Service',
      (name, subgraph) => {
        const deployment = ofKind<Deployment>(manifests, 'Deployment').find(({ object }) => object.metadata?.name === `dtsen-${name}`);
        const workload = all.find((candidate) => candidate.name === `dtsen-${name}`);
        const environment = workload ? containerEnvironment(workload.container, manifests) : {};
        const service = ofKind<Service>(manifests, 'Service').find(({ object }) => object.metadata?.name === `dtsen-${name}`)?.object;
        const replicaVariable = workload?.container.env?.find((variable) => variable.name === `${upper(name)}_DATABASE_REPLICA_URLS`);

        expect({
          file: deployment?.file,
          inKustomization: kustomization.resources.includes(deployment?.file ?? ''),
          container: workload?.container.name,
          containerPort: workload?.container.ports?.[0]?.containerPort,
          portVariable: environment[`${upper(name)}_PORT`],
          scrapedPort: workload?.annotations['prometheus.io/port'],
          replicas: replicaVariable?.valueFrom?.secretKeyRef?.optional,
          servicePort: service?.spec?.ports?.[0]?.port,
          gatewayUrl: containerEnvironment(gatewayPod.container, manifests)[`${upper(name)}_URL`],
        }).toEqual({
          file: `${name}.yaml`,
          inKustomization: true,
          container: name,
          containerPort: subgraph.defaultPort,
          portVariable: String(subgraph.defaultPort),
          scrapedPort: String(subgraph.defaultPort),
          replicas: true,
          servicePort: subgraph.defaultPort,
          gatewayUrl: `http://dtsen-${name}:${subgraph.defaultPort}/graphql`,
        });
      },
    );
  });
});
