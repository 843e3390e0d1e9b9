import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { DEFECT_CODES, TARGETING_ERROR_PROGRAMMES } from '../seed/generator';
import type { ResolvedHousehold } from './household';
import type { IssueKey } from './repository';

/** Detection against the truth for one data-quality code, on distinct (No. KK, code, NIK). */
export interface QualityRow {
  readonly code: string;
  readonly truth: number;
  readonly detected: number;
  readonly truePositives: number;
  /** True positives / detected; null when nothing was detected. */
  readonly precision: number | null;
  /** True positives / truth; null when the truth has none. */
  readonly recall: number | null;
}

const keyOf = (issue: IssueKey) => `${issue.noKK}|${issue.code}|${issue.nik ?? ''}`;

function distinctByCode(issues: Iterable<IssueKey>): Map<string, Set<string>> {
  const byCode = new Map<string, Set<string>>();
  for (const issue of issues) {
    const keys = byCode.get(issue.code) ?? new Set<string>();
    keys.add(keyOf(issue));
    byCode.set(issue.code, keys);
  }
  return byCode;
}

/**
 * Precision and recall of the detected issues per code, the seeder's codes first in their order,
 * then any other code either side has. Issues count once per (No. KK, code, NIK).
 */
export function compareIssues(truth: Iterable<IssueKey>, detected: Iterable<IssueKey>): QualityRow[] {
  const truthByCode = distinctByCode(truth);
  const detectedByCode = distinctByCode(detected);
  const others = [...new Set([...truthByCode.keys(), ...detectedByCode.keys()])]
    .filter((code) => !(DEFECT_CODES as readonly string[]).includes(code))
    .sort();
  return [...DEFECT_CODES, ...others].map((code) => {
    const expected = truthByCode.get(code) ?? new Set<string>();
    const found = detectedByCode.get(code) ?? new Set<string>();
    const truePositives = [...found].filter((key) => expected.has(key)).length;
    return {
      code,
      truth: expected.size,
      detected: found.size,
      truePositives,
      precision: found.size === 0 ? null : truePositives / found.size,
      recall: expected.size === 0 ? null : truePositives / expected.size,
    };
  });
}

interface TruthLineJson {
  readonly noKK: string;
  readonly defects: readonly { readonly code: string; readonly nik?: string }[];
}

/** The issues of a truth line (docs/data.md), one per defect; `nik` null for household codes. */
export function truthIssues(line: string): IssueKey[] {
  const parsed = JSON.parse(line) as TruthLineJson;
  if (typeof parsed.noKK !== 'string' || !Array.isArray(parsed.defects)) throw new Error('not a truth line');
  return parsed.defects.map((defect) => ({ noKK: parsed.noKK, code: defect.code, nik: defect.nik ?? null }));
}

/** Every issue of a truth file (JSON lines); names the line that is not a truth line. */
export async function readTruthFile(file: string): Promise<IssueKey[]> {
  const issues: IssueKey[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    try {
      issues.push(...truthIssues(line));
    } catch {
      throw new Error(`${file}:${number} is not a truth line ({"noKK", "trueDesil", "defects"})`);
    }
  }
  return issues;
}

const ratio = (value: number | null) => (value === null ? '-' : value.toFixed(4));

/** The comparison as a Markdown table, as docs/resolution.md shows it. */
export function qualityTable(rows: readonly QualityRow[]): string {
  const lines = [
    '| code | truth | detected | true positives | precision | recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) => `| ${row.code} | ${row.truth} | ${row.detected} | ${row.truePositives} | ${ratio(row.precision)} | ${ratio(row.recall)} |`,
    ),
  ];
  return lines.join('\n');
}

/** A household's targeting error for one programme, as the truth file or the index says it. */
export interface TargetingKey {
  readonly noKK: string;
  readonly program: string;
  readonly status: string;
}

const TARGETING_ERRORS = ['INCLUSION_ERROR', 'EXCLUSION_ERROR'] as const;

/**
 * Precision and recall of the index's targeting errors per programme the seeder injects them for
 * (its inclusion errors, its exclusion errors, then both), on distinct (No. KK, programme, status).
 */
export function compareTargeting(truth: Iterable<TargetingKey>, detected: Iterable<TargetingKey>): QualityRow[] {
  const targetingKeyOf = (key: TargetingKey) => `${key.noKK}|${key.program}|${key.status}`;
  const truthKeys = [...truth];
  const detectedKeys = [...detected];
  const rowsOf = (program: string, statuses: readonly string[], code: string): QualityRow => {
    const wanted = (key: TargetingKey) => key.program === program && statuses.includes(key.status);
    const expected = new Set(truthKeys.filter(wanted).map(targetingKeyOf));
    const found = new Set(detectedKeys.filter(wanted).map(targetingKeyOf));
    const truePositives = [...found].filter((key) => expected.has(key)).length;
    return {
      code,
      truth: expected.size,
      detected: found.size,
      truePositives,
      precision: found.size === 0 ? null : truePositives / found.size,
      recall: expected.size === 0 ? null : truePositives / expected.size,
    };
  };
  return TARGETING_ERROR_PROGRAMMES.flatMap((program) => [
    ...TARGETING_ERRORS.map((status) => rowsOf(program, [status], `${program} ${status}`)),
    rowsOf(program, TARGETING_ERRORS, `${program} both`),
  ]);
}

interface TruthTargetingJson {
  readonly noKK: string;
  readonly targeting?: readonly { readonly program: string; readonly status: string }[];
}

/** The targeting errors of a truth line (docs/data.md); none when it has no `targeting`. */
export function truthTargeting(line: string): TargetingKey[] {
  const parsed = JSON.parse(line) as TruthTargetingJson;
  if (typeof parsed.noKK !== 'string') throw new Error('not a truth line');
  return (parsed.targeting ?? []).map((entry) => ({ noKK: parsed.noKK, program: entry.program, status: entry.status }));
}

/** Every targeting error of a truth file (JSON lines); names the line that is not a truth line. */
export async function readTruthTargeting(file: string): Promise<TargetingKey[]> {
  const keys: TargetingKey[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    try {
      keys.push(...truthTargeting(line));
    } catch {
      throw new Error(`${file}:${number} is not a truth line ({"noKK", "trueDesil", "defects"})`);
    }
  }
  return keys;
}

/** The targeting errors the index resolved for a household. */
export function indexedTargeting(household: ResolvedHousehold): TargetingKey[] {
  return household.targeting
    .filter((entry) => (TARGETING_ERRORS as readonly string[]).includes(entry.status))
    .map((entry) => ({ noKK: household.noKK, program: entry.program, status: entry.status }));
}
