import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { DEFECT_CODES } from '../seed/generator';
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

/** What the seeder expects one household's targeting of one programme to be. */
export interface TargetingKey {
  readonly noKK: string;
  readonly program: string;
  readonly status: string;
}

/** Detection of one programme's inclusion errors, graduation candidates or exclusion errors, over the households whose truth names the programme. */
export interface TargetingQualityRow extends QualityRow {
  /** Households whose truth carries this programme: the only ones measured. */
  readonly households: number;
}

/** The targeting entries of a truth line (`targeting`, absent on lines the seeder cannot say). */
export function truthTargeting(line: string): TargetingKey[] {
  const parsed = JSON.parse(line) as { noKK?: unknown; targeting?: readonly { program: string; status: string }[] };
  if (typeof parsed.noKK !== 'string') throw new Error('not a truth line');
  return (parsed.targeting ?? []).map((entry) => ({ noKK: parsed.noKK as string, program: entry.program, status: entry.status }));
}

export async function readTruthTargeting(file: string): Promise<TargetingKey[]> {
  const keys: TargetingKey[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') keys.push(...truthTargeting(line));
  return keys;
}

/** The statuses measured: the errors, and the graduation candidates (the ground-check worklist). */
const MEASURED_STATUSES = ['INCLUSION_ERROR', 'GRADUATION_CANDIDATE', 'EXCLUSION_ERROR'] as const;

/**
 * Precision and recall of each programme's inclusion errors, graduation candidates and exclusion errors (`code` is
 * `PROGRAMME INCLUSION_ERROR`), counting only the households the truth names for that programme:
 * `resolved` is the index's status of a household's programme, undefined when not indexed.
 */
export function compareTargeting(truth: readonly TargetingKey[], resolved: (noKK: string, program: string) => string | undefined): TargetingQualityRow[] {
  const programs = [...new Set(truth.map((key) => key.program))].sort();
  return programs.flatMap((program) => {
    const measured = truth.filter((key) => key.program === program);
    return MEASURED_STATUSES.map((status) => {
      const expected = measured.filter((key) => key.status === status).length;
      const detectedKeys = measured.filter((key) => resolved(key.noKK, program) === status);
      const truePositives = detectedKeys.filter((key) => key.status === status).length;
      return {
        code: `${program} ${status}`,
        households: measured.length,
        truth: expected,
        detected: detectedKeys.length,
        truePositives,
        precision: detectedKeys.length === 0 ? null : truePositives / detectedKeys.length,
        recall: expected === 0 ? null : truePositives / expected,
      };
    });
  });
}

export function targetingTable(rows: readonly TargetingQualityRow[]): string {
  return [
    '| programme, status | households measured | truth | detected | true positives | precision | recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.code} | ${row.households} | ${row.truth} | ${row.detected} | ${row.truePositives} | ${ratio(row.precision)} | ${ratio(row.recall)} |`,
    ),
  ].join('\n');
}
