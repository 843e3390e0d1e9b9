import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import type { Deployment } from 'kubernetes-models/apps/v1';
import type { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { ConfigMap, Service } from 'kubernetes-models/v1';
import { parse } from 'yaml';
import { loadGatewayConfig } from '../../gateway/config';
import { loadSeedConfig } from '../../seed/config';
import { loadDtksConfig } from '../../subgraphs/dtks/config';
import { loadP3keConfig } from '../../subgraphs/p3ke/config';
import { loadRegsosekConfig } from '../../subgraphs/regsosek/config';
import { startSystem, type RunningSystem } from '../support/system';
import {
  containerEnvironment,
  KUSTOMIZATION,
  MANIFEST_DIR,
  MODELS,
  ofKind,
  readManifests,
  ROOT,
  variablesRead,
  workloads,
  type Workload,
} from './manifests';

const manifests = readManifests();
const all = workloads(manifests);
const deployments = ofKind<Deployment>(manifests, 'Deployment').map(({ object }) => object);

/** Each process the image runs, by the entry point of its command: how it reads its configuration. */
const PROCESSES: Readonly<Record<string, { load: (env: NodeJS.ProcessEnv) => { port?: number }; probeOrigin?: (system: RunningSystem) => string }>> = {
  'dist/gateway/main.js': { load: (env) => loadGatewayConfig(env), probeOrigin: (system) => new URL(system.gatewayUrl).origin },
  'dist/subgraphs/dtks/main.js': { load: loadDtksConfig, probeOrigin: (system) => new URL(system.subgraphUrls.dtks).origin },
  'dist/subgraphs/regsosek/main.js': { load: loadRegsosekConfig, probeOrigin: (system) => new URL(system.subgraphUrls.regsosek).origin },
  'dist/subgraphs/p3ke/main.js': { load: loadP3keConfig, probeOrigin: (system) => new URL(system.subgraphUrls.p3ke).origin },
  'dist/seed/cli.js': {
    load: (env) => {
      loadSeedConfig(env);
      return {};
    },
  },
};

/** Variables the libraries read themselves rather than our configuration modules. */
const LIBRARY_VARIABLES = new Set(['APOLLO_TELEMETRY_DISABLED']);

function processOf(workload: Workload) {
  const entryPoint = workload.container.command?.[1] ?? '';
  const process = PROCESSES[entryPoint];
  if (!process) throw new Error(`${workload.name}: unknown entry point ${entryPoint}`);
  return process;
}

const byName = (workload: Workload) => [`${workload.kind} ${workload.name}`, workload] as const;

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  it.each(manifests.map((manifest) => [`${manifest.file}: ${manifest.object.kind} ${manifest.object.metadata?.name}`, manifest] as const))(
    'when %s is checked against the Kubernetes schema of its apiVersion and kind, then it is valid',
    (_name, manifest) => {
      const Model = MODELS[`${manifest.object.apiVersion}/${manifest.object.kind}` as keyof typeof MODELS];

      expect(Model).toBeDefined();
      expect(() => new Model(manifest.object as never).validate()).not.toThrow();
    },
  );

  it('when the kustomization is rendered, then it is exactly the long-running manifests (no patches), without the secret template or the seed job', () => {
    const kustomization = parse(readFileSync(path.join(MANIFEST_DIR, KUSTOMIZATION), 'utf8')) as Record<string, unknown>;
    const longRunning = [...new Set(manifests.map((manifest) => manifest.file))].filter((file) => !['secret.example.yaml', 'seed-job.yaml'].includes(file));

    expect(Object.keys(kustomization).sort()).toEqual(['apiVersion', 'kind', 'resources']);
    expect([...(kustomization['resources'] as string[])].sort()).toEqual(longRunning.sort());
  });

  it('when the deployment is listed, then it runs the gateway and the three register subgraphs from the compose image, with a seed job', () => {
    const commands = all.map((workload) => ({ name: workload.name, image: workload.container.image, command: workload.container.command }));

    expect(commands.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'dtsen-dtks', image: 'dtsen-gateway:local', command: ['node', 'dist/subgraphs/dtks/main.js'] },
      { name: 'dtsen-gateway', image: 'dtsen-gateway:local', command: ['node', 'dist/gateway/main.js'] },
      { name: 'dtsen-p3ke', image: 'dtsen-gateway:local', command: ['node', 'dist/subgraphs/p3ke/main.js'] },
      { name: 'dtsen-regsosek', image: 'dtsen-gateway:local', command: ['node', 'dist/subgraphs/regsosek/main.js'] },
      { name: 'dtsen-seed', image: 'dtsen-gateway:local', command: ['node', 'dist/seed/cli.js', '--families', '5000', '--seed', '1', '--if-empty'] },
    ]);
  });

  describe.each(all.map(byName))('%s', (_name, workload) => {
    it('when its command runs, then the entry point is compiled from a source file of this repository', () => {
      const entryPoint = workload.container.command?.[1] ?? '';

      expect(existsSync(path.join(ROOT, entryPoint.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    });

    it('when its environment is resolved, then the configuration loads and reads every variable set', () => {
      const environment = containerEnvironment(workload.container, manifests);

      const read = variablesRead(processOf(workload).load, environment);

      expect(Object.keys(environment).filter((name) => !read.has(name) && !LIBRARY_VARIABLES.has(name))).toEqual([]);
    });

    it('when it runs, then it is in production mode without Apollo telemetry', () => {
      const environment = containerEnvironment(workload.container, manifests);

      expect({ NODE_ENV: environment['NODE_ENV'], APOLLO_TELEMETRY_DISABLED: environment['APOLLO_TELEMETRY_DISABLED'] }).toEqual({
        NODE_ENV: 'production',
        APOLLO_TELEMETRY_DISABLED: '1',
      });
    });

    it('when it runs, then it is a non-root user on a read-only root filesystem without privilege escalation', () => {
      expect({ pod: workload.pod.securityContext, container: workload.container.securityContext }).toEqual({
        pod: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
        container: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
      });
    });

    it('when it is scheduled, then it requests and is limited in CPU and memory', () => {
      const { requests, limits } = workload.container.resources ?? {};

      expect({ requests: Object.keys(requests ?? {}).sort(), limits: Object.keys(limits ?? {}).sort() }).toEqual({
        requests: ['cpu', 'memory'],
        limits: ['cpu', 'memory'],
      });
    });
  });

  describe.each(all.filter((workload) => workload.kind === 'Deployment').map(byName))('%s', (_name, workload) => {
    it('when the process starts from the manifest environment, then it listens on the container port', () => {
      const port = processOf(workload).load(containerEnvironment(workload.container, manifests)).port;

      expect(workload.container.ports).toEqual([{ name: 'http', containerPort: port, protocol: 'TCP' }]);
    });

    it('when it is probed, then startup and liveness ask /health/live and readiness /health/ready on the container port', () => {
      const { startupProbe, livenessProbe, readinessProbe } = workload.container;

      expect([startupProbe?.httpGet, livenessProbe?.httpGet, readinessProbe?.httpGet]).toEqual([
        { path: '/health/live', port: 'http' },
        { path: '/health/live', port: 'http' },
        { path: '/health/ready', port: 'http' },
      ]);
    });

    it('when Prometheus discovers its pods, then they ask to be scraped at /metrics on the container port', () => {
      expect(workload.annotations).toEqual({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(workload.container.ports?.[0]?.containerPort),
        'prometheus.io/path': '/metrics',
      });
    });

    it('when it is scaled, then a CPU HorizontalPodAutoscaler owns its replica count and a disruption budget keeps a pod', () => {
      const hpas = ofKind<HorizontalPodAutoscaler>(manifests, 'HorizontalPodAutoscaler').filter(({ object }) => object.spec?.scaleTargetRef.name === workload.name);
      const budgets = ofKind<PodDisruptionBudget>(manifests, 'PodDisruptionBudget').filter(({ object }) =>
        Object.entries(object.spec?.selector?.matchLabels ?? {}).every(([key, value]) => workload.labels[key] === value),
      );
      const deployment = deployments.find((candidate) => candidate.metadata?.name === workload.name);

      expect({
        replicas: deployment?.spec?.replicas,
        targets: hpas.map(({ object }) => ({ ...object.spec?.scaleTargetRef, metrics: object.spec?.metrics?.map((metric) => metric.resource?.name) })),
        minReplicas: hpas.map(({ object }) => (object.spec?.minReplicas ?? 0) >= 2),
        budgets: budgets.map(({ object }) => object.spec?.minAvailable),
      }).toEqual({
        replicas: undefined,
        targets: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: workload.name, metrics: ['cpu'] }],
        minReplicas: [true],
        budgets: [1],
      });
    });
  });

  it('when a HorizontalPodAutoscaler scales, then its target is a Deployment of the manifests', () => {
    const targets = ofKind<HorizontalPodAutoscaler>(manifests, 'HorizontalPodAutoscaler').map(({ object }) => object.spec?.scaleTargetRef.name);

    expect(targets.filter((name) => !deployments.some((deployment) => deployment.metadata?.name === name))).toEqual([]);
  });

  it.each(ofKind<Service>(manifests, 'Service').map(({ object }) => [object.metadata?.name, object] as const))(
    'when Service %s routes, then it selects the pods of exactly one Deployment and targets their named port',
    (_name, service) => {
      const selector = service.spec?.selector ?? {};
      const selected = all.filter((workload) => workload.kind === 'Deployment' && Object.entries(selector).every(([key, value]) => workload.labels[key] === value));

      expect({
        selected: selected.length,
        targetPorts: (service.spec?.ports ?? []).map((port) => selected[0]?.container.ports?.some((containerPort) => containerPort.name === port.targetPort)),
      }).toEqual({ selected: 1, targetPorts: [true] });
    },
  );

  it('when the gateway calls a subgraph, then its URL names the Service and port in front of that subgraph', () => {
    const gateway = all.find((workload) => workload.name === 'dtsen-gateway') as Workload;
    const urls = loadGatewayConfig(containerEnvironment(gateway.container, manifests)).subgraphUrls;
    const services = ofKind<Service>(manifests, 'Service').map(({ object }) => object);

    const reached = Object.entries(urls).map(([register, url]) => {
      const { hostname, port } = new URL(url);
      const service = services.find((candidate) => candidate.metadata?.name === hostname);
      const servicePort = service?.spec?.ports?.find((candidate) => candidate.port === Number(port));
      const target = all.find((workload) => Object.entries(service?.spec?.selector ?? {}).every(([key, value]) => workload.labels[key] === value));
      return [register, { service: hostname, container: target?.container.name, port: target?.container.ports?.find((p) => p.name === servicePort?.targetPort)?.containerPort }];
    });

    expect(Object.fromEntries(reached)).toEqual({
      dtks: { service: 'dtsen-dtks', container: 'dtks', port: 4001 },
      regsosek: { service: 'dtsen-regsosek', container: 'regsosek', port: 4002 },
      p3ke: { service: 'dtsen-p3ke', container: 'p3ke', port: 4003 },
    });
  });

  it('when the settings are split, then secrets live in the Secret template and the ConfigMaps hold none', () => {
    const configKeys = ofKind<ConfigMap>(manifests, 'ConfigMap').flatMap(({ object }) => Object.keys(object.data ?? {}));

    expect(configKeys.filter((key) => /SECRET|PASSWORD|MYSQL_URL|REPLICA/.test(key))).toEqual([]);
  });

  describe('probes against the running processes', () => {
    let system: RunningSystem;
    beforeAll(async () => {
      system = await startSystem({ store: 'sqlite', data: { dtks: [], regsosek: [], p3ke: [] }, evaluationDate: new Date('2026-01-01T00:00:00Z') });
    });
    afterAll(async () => {
      await system.stop();
    });

    it.each(all.filter((workload) => workload.kind === 'Deployment').map(byName))('when %s is probed, then every probe path answers 200', async (_name, workload) => {
      const origin = processOf(workload).probeOrigin?.(system) ?? '';
      const paths = [workload.container.startupProbe, workload.container.livenessProbe, workload.container.readinessProbe].map((probe) => probe?.httpGet?.path);

      const statuses = await Promise.all(paths.map(async (probePath) => [probePath, (await fetch(`${origin}${probePath}`)).status]));

      expect(statuses).toEqual(paths.map((probePath) => [probePath, 200]));
    });

    const GATEWAY_ADMISSION = ['# TYPE dtsen_gateway_requests_running gauge', '# TYPE dtsen_gateway_requests_queued gauge', '# TYPE dtsen_gateway_requests_shed_total counter'];

    it.each(all.filter((workload) => workload.kind === 'Deployment').map(byName))('when %s is scraped where its annotations say, then it answers with the SQL and GraphQL counters (and the gateway its admission)', async (_name, workload) => {
      const origin = processOf(workload).probeOrigin?.(system) ?? '';

      const response = await fetch(`${origin}${workload.annotations['prometheus.io/path']}`);
      const text = await response.text();

      expect({ status: response.status, counters: text.split('\n').filter((line) => line.startsWith('# TYPE dtsen_')) }).toEqual({
        status: 200,
        counters: [
          '# TYPE dtsen_sql_statements_total counter',
          '# TYPE dtsen_graphql_requests_total counter',
          '# TYPE dtsen_graphql_request_duration_seconds histogram',
          ...(workload.name === 'dtsen-gateway' ? GATEWAY_ADMISSION : []),
        ],
      });
    });
  });
});
