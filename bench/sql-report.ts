import { COUNTED_STORES, type SqlCountRow, type StatementSpread } from './sql-count';

function cell({ min, max, mean }: StatementSpread): string {
  return min === max ? String(max) : `${min}–${max} (mean ${mean.toFixed(1)})`;
}

/** Whether any store's largest count per request differs between the page sizes, in words. */
function pageSizeVerdict(rows: readonly SqlCountRow[]): string {
  const pages = rows.filter((row) => row.pageSize !== null);
  const sizes = pages.map((row) => row.pageSize).join(' and ');
  const growing = COUNTED_STORES.filter((store) => new Set(pages.map((row) => row.perRequest[store].max)).size > 1);
  if (growing.length > 0) return `Scenario (b) is **not** constant in the page size: the most statements per request differ between pages of ${sizes} households in ${growing.join(', ')}.`;
  return [
    `Scenario (b) is constant in the page size: the most statements a page costs each store are the same for`,
    `pages of ${sizes} households (one \`IN (...)\` query per batch and one audit insert per subgraph request,`,
    'never one per household).',
  ].join('\n');
}

/** The "SQL statements per request" section of docs/benchmarks.md. */
export function sqlStatementsSection(rows: readonly SqlCountRow[]): string[] {
  const requests = rows[0]?.requests ?? 0;
  return [
    '## SQL statements per request',
    '',
    'Every process counts the statements its store runs (`dtsen_sql_statements_total` at `GET /metrics`,',
    "audit inserts included). Before any load, the bench reads the three registers' counters and the",
    `gateway's (its resolution index) around each of ${requests} sequential requests per row, over different`,
    'keys and pages; a cell is the statements of one request, or their range and mean when they differ. A',
    "register that holds none of a request's families finds no rows, so it reads no members and writes no",
    'audit entry: the request costs it fewer statements (DTKS and P3KE hold only part of the families).',
    '',
    `| Scenario | Page size | ${COUNTED_STORES.join(' | ')} |`,
    `|---|---:|${COUNTED_STORES.map(() => '---:').join('|')}|`,
    ...rows.map((row) => `| ${row.scenario} | ${row.pageSize ?? '-'} | ${COUNTED_STORES.map((store) => cell(row.perRequest[store])).join(' | ')} |`),
    '',
    pageSizeVerdict(rows),
    '',
  ];
}
