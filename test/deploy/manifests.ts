import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Deployment } from 'kubernetes-models/apps/v1';
import { CronJob, Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service, type IContainer, type IPodSpec } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

export const ROOT = path.join(__dirname, '..', '..');
export const MANIFEST_DIR = path.join(ROOT, 'deploy', 'kubernetes');

/** The Kubernetes model of every apiVersion/kind the manifests may use. */
export const MODELS = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'batch/v1/CronJob': CronJob,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
} as const;

export interface Manifest {
  readonly file: string;
  /** The parsed document, as written. */
  readonly object: { apiVersion?: string; kind?: string; metadata?: { name?: string } } & Record<string, unknown>;
}

export const KUSTOMIZATION = 'kustomization.yaml';

/** Every object of every YAML file of deploy/kubernetes but the kustomization; throws on a YAML error. */
export function readManifests(): Manifest[] {
  const files = readdirSync(MANIFEST_DIR).filter((file) => file.endsWith('.yaml') && file !== KUSTOMIZATION);
  return files.flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(MANIFEST_DIR, file), 'utf8')).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((error) => error.message).join('; ')}`);
      return { file, object: document.toJS() as Manifest['object'] };
    }),
  );
}

export function ofKind<T>(manifests: readonly Manifest[], kind: string): { file: string; object: T }[] {
  return manifests.filter((manifest) => manifest.object.kind === kind).map(({ file, object }) => ({ file, object: object as T }));
}

export interface Workload {
  readonly kind: 'Deployment' | 'Job' | 'CronJob';
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly pod: IPodSpec;
  readonly container: IContainer;
}

/** The pod of each Deployment, Job and CronJob, with its one container. */
export function workloads(manifests: readonly Manifest[]): Workload[] {
  const templates = [
    ...ofKind<Deployment>(manifests, 'Deployment').map(({ object }) => ({ object, template: object.spec?.template })),
    ...ofKind<Job>(manifests, 'Job').map(({ object }) => ({ object, template: object.spec?.template })),
    ...ofKind<CronJob>(manifests, 'CronJob').map(({ object }) => ({ object, template: object.spec?.jobTemplate.spec?.template })),
  ];
  return templates.map(({ object, template }) => {
    const containers = template?.spec?.containers ?? [];
    if (containers.length !== 1 || !template?.spec) throw new Error(`${object.metadata?.name}: expected one container`);
    return {
      kind: object.kind as Workload['kind'],
      name: object.metadata?.name ?? '',
      labels: template.metadata?.labels ?? {},
      annotations: template.metadata?.annotations ?? {},
      pod: template.spec,
      container: containers[0] as IContainer,
    };
  });
}

/**
 * The environment a container gets: its ConfigMaps' data, then its own variables, values read
 * from the ConfigMaps and from the Secret template (an optional key that is missing is left out).
 */
export function containerEnvironment(container: IContainer, manifests: readonly Manifest[]): Record<string, string> {
  const configMaps = new Map(ofKind<ConfigMap>(manifests, 'ConfigMap').map(({ object }) => [object.metadata?.name, object.data ?? {}]));
  const secrets = new Map(ofKind<Secret>(manifests, 'Secret').map(({ object }) => [object.metadata?.name, object.stringData ?? {}]));
  const lookup = (source: Map<string | undefined, Record<string, string>>, what: string, name: string, key: string, optional = false) => {
    const data = source.get(name);
    if (!data) throw new Error(`${container.name}: no ${what} ${name}`);
    if (!(key in data) && !optional) throw new Error(`${container.name}: ${what} ${name} has no key ${key}`);
    return data[key];
  };
  const environment: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    if (!from.configMapRef) throw new Error(`${container.name}: only configMapRef envFrom is expected`);
    const data = configMaps.get(from.configMapRef.name);
    if (!data) throw new Error(`${container.name}: no ConfigMap ${from.configMapRef.name}`);
    Object.assign(environment, data);
  }
  for (const variable of container.env ?? []) {
    const { configMapKeyRef: configKey, secretKeyRef: secretKey } = variable.valueFrom ?? {};
    const value =
      variable.value ??
      (configKey ? lookup(configMaps, 'ConfigMap', configKey.name ?? '', configKey.key, configKey.optional) : undefined) ??
      (secretKey ? lookup(secrets, 'Secret', secretKey.name ?? '', secretKey.key, secretKey.optional) : undefined);
    if (value !== undefined) environment[variable.name] = value;
  }
  return environment;
}

/** Runs `load` over `environment` and tells which variables it read. */
export function variablesRead(load: (env: NodeJS.ProcessEnv) => unknown, environment: Record<string, string>): Set<string> {
  const read = new Set<string>();
  const recording = new Proxy(environment, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name);
    },
  });
  load(recording);
  return read;
}
