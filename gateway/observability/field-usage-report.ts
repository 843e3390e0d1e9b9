import { FIELD_USAGE_METRIC } from './field-usage';

/** One series of the field usage counter: operations of one organisation that selected one coordinate. */
export interface FieldUsage {
  readonly coordinate: string;
  readonly organisation: string;
  readonly operations: number;
}

export interface UsageFilter {
  readonly organisation?: string;
  /** A schema coordinate, `Type.field`. */
  readonly coordinate?: string;
}

const SAMPLE = new RegExp(`^${FIELD_USAGE_METRIC}\\{(.*)\\} (\\S+)$`);
/** A label in Prometheus's text format: the value escapes `\`, `"` and newlines with a backslash. */
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)",?/g;

function unescape(value: string): string {
  return value.replace(/\\(.)/g, (_match, escaped: string) => (escaped === 'n' ? '\n' : escaped));
}

/** The field usage series of a /metrics text, filtered, by coordinate then organisation. */
export function fieldUsageOf(metricsText: string, filter: UsageFilter = {}): FieldUsage[] {
  const usage: FieldUsage[] = [];
  for (const line of metricsText.split('\n')) {
    const sample = SAMPLE.exec(line);
    if (!sample) continue;
    const labels = new Map([...(sample[1] ?? '').matchAll(LABEL)].map((label) => [label[1], unescape(label[2] ?? '')]));
    const coordinate = labels.get('coordinate');
    const organisation = labels.get('organisation');
    const operations = Number(sample[2]);
    if (coordinate === undefined || organisation === undefined || !(operations > 0)) continue;
    if (filter.coordinate !== undefined && filter.coordinate !== coordinate) continue;
    if (filter.organisation !== undefined && filter.organisation !== organisation) continue;
    usage.push({ coordinate, organisation, operations });
  }
  return usage.sort((a, b) => a.coordinate.localeCompare(b.coordinate) || a.organisation.localeCompare(b.organisation));
}

/** A plain-text table of `usage`, one row per coordinate and organisation, columns padded. */
export function usageTable(usage: readonly FieldUsage[]): string {
  const rows = [['coordinate', 'organisation', 'operations'], ...usage.map((each) => [each.coordinate, each.organisation, String(each.operations)])];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(rows[0] ?? []), ...rows.slice(1).map(line)].join('\n');
}
