import type { DataSource } from 'typeorm';

/**
 * What a store's import ledger says of the imports into it (docs/import.md), as far as the
 * resolution index's currency needs it: an import writes families batch by batch, so the index is
 * current for this store only if every import finished before the index's run started.
 */
export interface ImportState {
  /** Imports started and not finished: running now, or interrupted and not resumed (their batches may be committed). */
  readonly running: number;
  /** When the last import that stored or replaced a family finished, ISO 8601 UTC; null when none has. */
  readonly lastChangeAt: string | null;
}

/** One statement over `import_ledger`, which every stored subgraph's store has. */
export async function readImportState(dataSource: DataSource): Promise<ImportState> {
  const [row] = (await dataSource.query(
    "SELECT COALESCE(SUM(CASE WHEN status = 'running' THEN 1 ELSE 0 END), 0) AS running, MAX(CASE WHEN families_written > 0 THEN finished_at END) AS last_change_at FROM import_ledger",
  )) as { running: number | string; last_change_at: string | null }[];
  return { running: Number(row?.running ?? 0), lastChangeAt: row?.last_change_at ?? null };
}
