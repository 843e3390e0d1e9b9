// Sums a V8 CPU profile the way docs/performance.md reads them (bench/profile-summary.ts is its
// command line).
import path from 'node:path';

const ROOT = `${path.join(__dirname, '..')}/`;

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const IDLE = '(idle)';

function packageOf(url: string): string {
  if (url === '') return '(native)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency?.[1]) return dependency[1];
  if (url.startsWith('node:')) return 'node:';
  return `project: ${url.replace(/^file:\/\//, '').replace(ROOT, '').split('/')[0] ?? url}`;
}

function functionOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '').replace(ROOT, '');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

function add<K>(totals: Map<K, number>, key: K, microseconds: number): void {
  totals.set(key, (totals.get(key) ?? 0) + microseconds);
}

function table(title: string, totals: Map<string, number>, all: number, top: number): string[] {
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [title, ...rows.map(([key, value]) => `${((100 * value) / all).toFixed(1).padStart(5)}%  ${key}`), ''];
}

export interface SummaryOptions {
  /** Seconds since the profile started. */
  readonly from: number;
  readonly to: number;
  readonly top: number;
  /** Keeps the inclusive rows whose function or file matches. */
  readonly match: RegExp | null;
}

export function summarise(profile: CpuProfile, options: SummaryOptions): string {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const from = options.from * 1e6;
  const to = options.to * 1e6;
  const busyPerSecond = new Map<number, number>();
  const byPackage = new Map<string, number>();
  const bySelf = new Map<string, number>();
  const byInclusive = new Map<string, number>();
  let sampled = 0;
  let elapsed = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    elapsed += delta;
    const node = nodes.get(id);
    if (!node) return;
    const idle = node.callFrame.functionName === IDLE;
    if (!idle) add(busyPerSecond, Math.floor(elapsed / 1e6), delta);
    if (elapsed < from || elapsed > to) return;
    sampled += delta;
    add(byPackage, idle ? IDLE : packageOf(node.callFrame.url), delta);
    add(bySelf, functionOf(node), delta);
    // A recursive function counts once per sample.
    const counted = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
      const name = functionOf(nodes.get(current) as ProfileNode);
      if (!counted.has(name) && (options.match === null || options.match.test(name))) add(byInclusive, name, delta);
      counted.add(name);
    }
  });
  const timeline = [...busyPerSecond].map(([second, busy]) => `${second}s:${Math.round(busy / 1000)}`).join(' ');
  return [
    `busy ms per second since the start: ${timeline}`,
    '',
    `${(sampled / 1e6).toFixed(1)} s sampled between ${options.from} s and ${Number.isFinite(options.to) ? `${options.to} s` : 'the end'}`,
    '',
    ...table('self, per package', byPackage, sampled, options.top),
    ...table('self, per function', bySelf, sampled, options.top),
    ...table('inclusive, per function', byInclusive, sampled, options.top),
  ].join('\n');
}
