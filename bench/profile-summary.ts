// `npx tsx bench/profile-summary.ts <file.cpuprofile> [--from S] [--to S] [--top 30] [--match REGEX]`
// Sums a V8 CPU profile (`npm run bench -- --cpu-prof DIR`, or `node --cpu-prof`) the way
// docs/performance.md reads them: the busy milliseconds of each second since the process started
// (to find the seconds of one scenario's load), then, within --from/--to, the share of samples
// per package and per function (self), and per function including what it called (inclusive;
// --match keeps the functions whose name or file matches).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
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
  return `project: ${url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '').split('/')[0] ?? url}`;
}

function functionOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

function add<K>(totals: Map<K, number>, key: K, microseconds: number): void {
  totals.set(key, (totals.get(key) ?? 0) + microseconds);
}

function table(title: string, totals: Map<string, number>, all: number, top: number): string[] {
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [title, ...rows.map(([key, value]) => `${((100 * value) / all).toFixed(1).padStart(5)}%  ${key}`), ''];
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' }, top: { type: 'string', default: '30' }, match: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) throw new Error('usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [--from S] [--to S] [--top N] [--match REGEX]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const from = values.from === undefined ? 0 : Number(values.from) * 1e6;
  const to = values.to === undefined ? Number.POSITIVE_INFINITY : Number(values.to) * 1e6;
  const top = Number(values.top);
  const match = values.match === undefined ? null : new RegExp(values.match);

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
      if (!counted.has(name) && (match === null || match.test(name))) add(byInclusive, name, delta);
      counted.add(name);
    }
  });
  const timeline = [...busyPerSecond].map(([second, busy]) => `${second}s:${Math.round(busy / 1000)}`).join(' ');
  console.log(
    [
      `busy ms per second since the start: ${timeline}`,
      '',
      `${(sampled / 1e6).toFixed(1)} s sampled between ${from / 1e6} s and ${Number.isFinite(to) ? `${to / 1e6} s` : 'the end'}`,
      '',
      ...table('self, per package', byPackage, sampled, top),
      ...table('self, per function', bySelf, sampled, top),
      ...table('inclusive, per function', byInclusive, sampled, top),
    ].join('\n'),
  );
}

main();
