import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import type { Deployment } from 'kubernetes-models/apps/v1';
import type { CronJob } from 'kubernetes-models/batch/v1';
import type { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { ConfigMap, Service } from 'kubernetes-models/v1';
import { parse } from 'yaml';
import { loadStoredSubgraphConfig } from '../../common/subgraph/stored-subgraph-config';
import { loadGatewayConfig } from '../../gateway/config';
import { loadResolutionConfig } from '../../resolution/config';
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
import { LIBRARY_VARIABLES, processOf as processOfCommand, SUBGRAPH_ENTRY_POINT } from './processes';
import { REGISTERS } from '../../common/store-url';
import { STORE_OWNING_SUBGRAPHS } from '../../subgraphs/registry';

const manifests = readManifests();
const all = workloads(manifests);
const deployments = ofKind<Deployment>(manifests, 'Deployment').map(({ object }) => object);
const kustomization = parse(readFileSync(path.join(MANIFEST_DIR, KUSTOMIZATION), 'utf8')) as { resources: string[]; images: unknown[] } & Record<string, unknown>;
/** Applied on their own, not through the kustomization. */
const OUTSIDE_KUSTOMIZATION = ['secret.example.yaml', 'seed-job.yaml'];

const processOf = (workload: Workload) => processOfCommand(workload.name, workload.container.command);

const byName = (workload: Workload) => [`${workload.kind} ${workload.name}`, workload] as const;

/** Where a URL of a container's environment lands: the Service it names and the container port behind it. */
function reachedBy(url: string) {
  const { hostname, port } = new URL(url);
  const service = ofKind<Service>(manifests, 'Service').find(({ object }) => object.metadata?.name === hostname)?.object;
  const servicePort = service?.spec?.ports?.find((candidate) => candidate.port === Number(port || 80));
  const target = all.find((workload) => workload.kind === 'Deployment' && Object.entries(service?.spec?.selector ?? {}).every(([key, value]) => workload.labels[key] === value));
  return { service: hostname, container: target?.container.name, port: target?.container.ports?.find((p) => p.name === servicePort?.targetPort)?.containerPort };
}

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  it.each(manifests.map((manifest) => [`${manifest.file}: ${manifest.object.kind} ${manifest.object.metadata?.name}`, manifest] as const))(
    'when %s is checked against the Kubernetes schema of its apiVersion and kind, then it is valid',
    (_name, manifest) => {
      const Model = MODELS[`${manifest.object.apiVersion}/${manifest.object.kind}` as keyof typeof MODELS];

      expect(Model).toBeDefined();
      expect(() => new Model(manifest.object as never).validate()).not.toThrow();
    },
  );

  it('when the kustomization is rendered, then it is every manifest but the secret template and the seed job, with an image and no patches', () => {
    const applied = [...new Set(manifests.map((manifest) => manifest.file))].filter((file) => !OUTSIDE_KUSTOMIZATION.includes(file));

    expect(Object.keys(kustomization).sort()).toEqual(['apiVersion', 'images', 'kind', 'resources']);
    expect([...kustomization.resources].sort()).toEqual(applied.sort());
  });

  it('when the image is overridden in the kustomization, then the override names the image of every container it applies, and by default leaves it as written', () => {
    const applied = all.filter((workload) => kustomization.resources.some((file) => manifests.some((manifest) => manifest.file === file && manifest.object.metadata?.name === workload.name)));

    expect({ images: kustomization.images, written: [...new Set(applied.map((workload) => workload.container.image))] }).toEqual({
      images: [{ name: 'dtsen-gateway', newName: 'dtsen-gateway', newTag: 'local' }],
      written: ['dtsen-gateway:local'],
    });
  });

  it('when the deployment is listed, then it runs the gateway and every stored subgraph of the registry from the compose image, with a seed job and a resolve CronJob', () => {
    const commands = all.map((workload) => ({ name: workload.name, image: workload.container.image, command: workload.container.command }));

    expect(commands.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [
        ...STORE_OWNING_SUBGRAPHS.map((subgraph) => ({ name: `dtsen-${subgraph.name}`, image: 'dtsen-gateway:local', command: ['node', SUBGRAPH_ENTRY_POINT, subgraph.name] })),
        { name: 'dtsen-gateway', image: 'dtsen-gateway:local', command: ['node', 'dist/gateway/main.js'] },
        { name: 'dtsen-resolve', image: 'dtsen-gateway:local', command: ['node', 'dist/resolution/cli.js'] },
        { name: 'dtsen-seed', image: 'dtsen-gateway:local', command: ['node', 'dist/seed/cli.js', '--families', '5000', '--seed', '1', '--if-empty'] },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
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

    expect(Object.fromEntries(Object.entries(urls).map(([register, url]) => [register, reachedBy(url)]))).toEqual(
      Object.fromEntries(STORE_OWNING_SUBGRAPHS.map((subgraph) => [subgraph.name, { service: `dtsen-${subgraph.name}`, container: subgraph.name, port: subgraph.defaultPort }])),
    );
  });

  describe('the resolve CronJob', () => {
    const cronJob = ofKind<CronJob>(manifests, 'CronJob').find(({ object }) => object.metadata?.name === 'dtsen-resolve')?.object;
    const resolve = all.find((workload) => workload.name === 'dtsen-resolve') as Workload;

    it('when it is scheduled, then it runs nightly in Jakarta time, never beside a run still going, and keeps a few runs to read', () => {
      const { jobTemplate, ...schedule } = cronJob?.spec ?? ({} as NonNullable<CronJob['spec']>);

      expect({ schedule, job: { ...jobTemplate.spec, template: undefined }, restartPolicy: resolve.pod.restartPolicy }).toEqual({
        schedule: {
          schedule: '0 1 * * *',
          timeZone: 'Asia/Jakarta',
          concurrencyPolicy: 'Forbid',
          startingDeadlineSeconds: 3600,
          successfulJobsHistoryLimit: 3,
          failedJobsHistoryLimit: 3,
        },
        job: { backoffLimit: 3, ttlSecondsAfterFinished: 86400, template: undefined },
        restartPolicy: 'OnFailure',
      });
    });

    it('when it runs, then it resolves through the gateway Service into the index the gateway reads', () => {
      const environment = containerEnvironment(resolve.container, manifests);
      const gateway = all.find((workload) => workload.name === 'dtsen-gateway') as Workload;

      expect({
        gateway: reachedBy(loadResolutionConfig(environment).gatewayUrl),
        index: loadResolutionConfig(environment).indexUrl,
      }).toEqual({
        gateway: { service: 'dtsen-gateway', container: 'gateway', port: 4000 },
        index: loadGatewayConfig(containerEnvironment(gateway.container, manifests)).indexUrl,
      });
    });
  });

  it('when the signing keys are compared, then each subgraph pod holds its own key alone (the changes subgraph the registers\' too) and the gateway signs its calls with that key', () => {
    const gateway = all.find((workload) => workload.name === 'dtsen-gateway') as Workload;
    const gatewayKeys = loadGatewayConfig(containerEnvironment(gateway.container, manifests)).subgraphKeys ?? {};
    const signing = STORE_OWNING_SUBGRAPHS.map((subgraph) => {
      const pod = all.find((workload) => workload.name === `dtsen-${subgraph.name}`) as Workload;
      const environment = containerEnvironment(pod.container, manifests);
      return {
        subgraph: subgraph.name,
        keysHeld: Object.keys(environment).filter((variable) => /SIGNING_SECRET$/.test(variable)),
        gatewaySignsWithItsKey: gatewayKeys[subgraph.name] === loadStoredSubgraphConfig(subgraph, environment).signingKey,
      };
    });

    // The changes subgraph signs its region look-ups to the registers with their keys.
    const callees = (name: string) => (name === 'changes' ? REGISTERS.map((register) => `${register.toUpperCase()}_SIGNING_SECRET`) : []);
    expect(signing).toEqual(STORE_OWNING_SUBGRAPHS.map((subgraph) => ({ subgraph: subgraph.name, keysHeld: [`${subgraph.name.toUpperCase()}_SIGNING_SECRET`, ...callees(subgraph.name)], gatewaySignsWithItsKey: true })));
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

    const GATEWAY_METRICS = [
      '# TYPE dtsen_subgraph_calls_total counter',
      '# TYPE dtsen_subgraph_call_duration_seconds histogram',
      '# TYPE dtsen_subgraph_retries_total counter',
      '# TYPE dtsen_subgraph_circuit_breaker_state gauge',
      '# TYPE dtsen_gateway_field_usage_total counter',
      '# TYPE dtsen_gateway_refusals_total counter',
      '# TYPE dtsen_gateway_requests_running gauge',
      '# TYPE dtsen_gateway_requests_queued gauge',
      '# TYPE dtsen_gateway_requests_shed_total counter',
    ];

    it.each(all.filter((workload) => workload.kind === 'Deployment').map(byName))('when %s is scraped where its annotations say, then it answers with the SQL and GraphQL counters (and the gateway its subgraph calls, refusals and admission)', async (_name, workload) => {
      const origin = processOf(workload).probeOrigin?.(system) ?? '';

      const response = await fetch(`${origin}${workload.annotations['prometheus.io/path']}`);
      const text = await response.text();

      expect({ status: response.status, counters: text.split('\n').filter((line) => line.startsWith('# TYPE dtsen_')) }).toEqual({
        status: 200,
        counters: [
          '# TYPE dtsen_sql_statements_total counter',
          '# TYPE dtsen_graphql_requests_total counter',
          '# TYPE dtsen_graphql_request_duration_seconds histogram',
          ...(workload.name === 'dtsen-gateway' ? GATEWAY_METRICS : []),
        ],
      });
    });
  });
});
