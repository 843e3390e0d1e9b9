import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const BASELINE = '.dependency-cruiser-known-violations.json';

/** The rules that still have known violations (docs/architecture.md#layers); a rule leaves when its last is fixed. */
const RULES_WITH_KNOWN_VIOLATIONS: readonly string[] = [];

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
  cycle?: { name: string }[];
}

interface CruiseResult {
  modules: { source: string }[];
  summary: { violations: Violation[] };
}

/**
 * dependency-cruiser is ESM only, which jest's CommonJS runtime cannot load, so the test runs
 * `npm run lint:deps` itself: the folders it cruises are then the ones CI and developers check.
 */
function cruise(): CruiseResult {
  const run = spawnSync('npm', ['run', '--silent', 'lint:deps', '--', '--output-type', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!run.stdout.startsWith('{')) throw new Error(`npm run lint:deps failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as CruiseResult;
}

function describeViolation(violation: Violation): string {
  const via = violation.cycle ? ` (cycle: ${violation.cycle.map((step) => step.name).join(' → ')})` : '';
  const to = violation.to === violation.from ? '' : ` → ${violation.to}`;
  return `${violation.rule.name}: ${violation.from}${to}${via}`;
}

const key = (violation: Violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`;

describe('the layer rules (.dependency-cruiser.cjs)', () => {
  let result: CruiseResult;
  const baseline = JSON.parse(readFileSync(path.join(ROOT, BASELINE), 'utf8')) as Violation[];

  beforeAll(() => {
    result = cruise();
  });

  it('when the code is cruised, then every folder tsc compiles is among the cruised ones', () => {
    const include = (JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] }).include;
    const cruised = new Set(result.modules.map((module) => module.source.split('/')[0]));

    expect(include.filter((folder) => !cruised.has(folder))).toEqual([]);
  });

  it('when the code is cruised, then no import breaks a layer rule beyond the known violations', () => {
    const found = result.summary.violations.filter((violation) => violation.rule.severity !== 'ignore');

    expect(found.map(describeViolation)).toEqual([]);
  });

  it(`when a known violation is fixed, then it is gone from ${BASELINE} (run \`npm run lint:deps:baseline\`)`, () => {
    const stillThere = new Set(result.summary.violations.filter((violation) => violation.rule.severity === 'ignore').map(key));

    expect(baseline.map(key).filter((known) => !stillThere.has(known))).toEqual([]);
  });

  it('when a rule has no known violations left, then the baseline holds none of it', () => {
    expect(baseline.filter((known) => !RULES_WITH_KNOWN_VIOLATIONS.includes(known.rule.name)).map(key)).toEqual([]);
  });
});
