import type { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { ofKind, readManifests, workloads, type Workload } from './manifests';
import { allows, type Connection, type Endpoint } from './network-policies';
import { REGISTERS } from '../../common/store-url';
import { STORE_OWNING_SUBGRAPHS } from '../../subgraphs/registry';

const NAMESPACE = 'dtsen';
const manifests = readManifests();
const policies = ofKind<NetworkPolicy>(manifests, 'NetworkPolicy').map(({ object }) => object);
const all = workloads(manifests);
const servers = all.filter((workload) => workload.kind === 'Deployment');

const pod = (workload: Workload): Endpoint => ({ namespace: NAMESPACE, labels: workload.labels, ...(workload.container.ports ? { ports: workload.container.ports } : {}) });
const OUTSIDE: Endpoint = { outsideCluster: true };
const served = (workload: Workload): Connection => ({ port: workload.container.ports?.[0]?.containerPort ?? 0 });
const sorted = (names: string[]) => [...names].sort();

/** What a process might try outside the cluster: DNS, HTTPS (an identity provider), MySQL, Redis, an OTLP collector, plain HTTP. */
const OUTSIDE_PORTS: readonly Connection[] = [
  { port: 53, protocol: 'UDP' },
  { port: 53, protocol: 'TCP' },
  { port: 80 },
  { port: 443 },
  { port: 3306 },
  { port: 4318 },
  { port: 6379 },
];
const label = ({ port, protocol = 'TCP' }: Connection) => `${port}/${protocol}`;
/** The Deployment of each subgraph run as its own workload (subgraphs/registry.ts). */
const SUBGRAPH_PODS = STORE_OWNING_SUBGRAPHS.map((subgraph) => `dtsen-${subgraph.name}`);
const eachSubgraphPod = <T>(value: T) => Object.fromEntries(SUBGRAPH_PODS.map((name) => [name, value]));

describe('Network policies (deploy/kubernetes/network-policy.yaml)', () => {
  it('when the processes call each other, then only the gateway reaches the subgraphs (and the changes subgraph the registers) and only the resolve CronJob calls the gateway', () => {
    const reached = all.map((source) => [
      source.name,
      sorted(servers.filter((target) => target !== source && allows(policies, NAMESPACE, pod(source), pod(target), served(target))).map((target) => target.name)),
    ]);

    expect(Object.fromEntries(reached)).toEqual({
      'dtsen-gateway': sorted(SUBGRAPH_PODS),
      ...eachSubgraphPod([]),
      // It asks the registers where a proposed family lives.
      'dtsen-changes': sorted(REGISTERS.map((register) => `dtsen-${register}`)),
      'dtsen-resolve': ['dtsen-gateway'],
      'dtsen-seed': [],
    });
  });

  it('when a process connects outside the cluster, then DNS and MySQL are open to all, Redis and HTTPS (the JWKS) to the gateway alone', () => {
    const open = all.map((source) => [source.name, OUTSIDE_PORTS.filter((connection) => allows(policies, NAMESPACE, pod(source), OUTSIDE, connection)).map(label)]);

    expect(Object.fromEntries(open)).toEqual({
      'dtsen-gateway': ['53/UDP', '53/TCP', '443/TCP', '3306/TCP', '6379/TCP'],
      ...eachSubgraphPod(['53/UDP', '53/TCP', '3306/TCP']),
      'dtsen-resolve': ['53/UDP', '53/TCP', '3306/TCP'],
      'dtsen-seed': ['53/UDP', '53/TCP', '3306/TCP'],
    });
  });

  it('when pods of other namespaces connect, then clients (an Ingress controller) reach the gateway alone and Prometheus scrapes every process', () => {
    const callers: Record<string, Endpoint> = {
      ingressController: { namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
      prometheus: { namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'prometheus' } },
      otherPodInMonitoring: { namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'grafana' } },
      outsideCluster: OUTSIDE,
    };

    const reached = Object.entries(callers).map(([caller, from]) => [
      caller,
      sorted(servers.filter((target) => allows(policies, NAMESPACE, from, pod(target), served(target))).map((target) => target.name)),
    ]);

    expect(Object.fromEntries(reached)).toEqual({
      ingressController: ['dtsen-gateway'],
      prometheus: sorted([...SUBGRAPH_PODS, 'dtsen-gateway']),
      otherPodInMonitoring: ['dtsen-gateway'],
      outsideCluster: ['dtsen-gateway'],
    });
  });

  it('when a new dtsen pod has no policy of its own, then it reaches only DNS and nothing reaches it', () => {
    const newcomer: Endpoint = { namespace: NAMESPACE, labels: { 'app.kubernetes.io/name': 'dtsen-new', 'app.kubernetes.io/part-of': 'dtsen' }, ports: [{ name: 'http', containerPort: 8080 }] };

    expect({
      out: [...servers.filter((target) => allows(policies, NAMESPACE, newcomer, pod(target), served(target))).map((target) => target.name), ...OUTSIDE_PORTS.filter((connection) => allows(policies, NAMESPACE, newcomer, OUTSIDE, connection)).map(label)],
      in: all.filter((source) => allows(policies, NAMESPACE, pod(source), newcomer, { port: 8080 })).map((source) => source.name),
    }).toEqual({ out: ['53/UDP', '53/TCP'], in: [] });
  });

  it('when a subgraph is called on a port other than its own, then even the gateway is refused', () => {
    const gateway = all.find((workload) => workload.name === 'dtsen-gateway') as Workload;

    expect(servers.filter((target) => target !== gateway).map((target) => allows(policies, NAMESPACE, pod(gateway), pod(target), { port: served(target).port + 100 }))).toEqual(SUBGRAPH_PODS.map(() => false));
  });
});
