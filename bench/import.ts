// Times the CSV import of one register's generated export into a fresh store:
//   tsx bench/import.ts [FAMILIES] [REGISTER] [STORE_URL]
// e.g. tsx bench/import.ts 100000 regsosek   (default: 100,000 families, regsosek, a temporary SQLite file)
// Exports the generator's families (seed 1) as CSV, imports the register's file, and prints rows,
// rows/s and memory: resident set size before the import and its peak while importing (sampled
// every 50 ms), and the peak of the process as a whole.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from '../common/cli';
import { REGISTERS, type Register } from '../common/store-url';
import { exportGeneratedCsv } from '../import/export-csv';
import { importFile } from '../import/import-file';

const EVALUATION_DATE = new Date('2026-01-15T00:00:00Z');
const MB = 1024 * 1024;

async function main(): Promise<number> {
  const families = Number(process.argv[2] ?? 100_000);
  const register = (process.argv[3] ?? 'regsosek') as Register;
  if (!Number.isSafeInteger(families) || families < 1 || !REGISTERS.includes(register)) {
    process.stderr.write('Usage: npx tsx bench/import.ts [FAMILIES] [dtks|regsosek|p3ke|kemendes|bpjs] [STORE_URL]\n');
    return 2;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'dtsen-import-bench-'));
  try {
    const storeUrl = process.argv[4] ?? `sqlite:${path.join(dir, `${register}.sqlite`)}`;
    let started = performance.now();
    const exported = await exportGeneratedCsv({ families, seed: 1, evaluationDate: EVALUATION_DATE, dir });
    const count = exported[register];
    if (!count) throw new Error(`No ${register} export`);
    const file = count.file;
    process.stdout.write(
      `exported ${families} families: ${register} ${count.families} families, ${count.rows} rows, ` +
        `${(statSync(file).size / MB).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );

    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 50);
    started = performance.now();
    const report = await importFile({ register, file, storeUrl, today: EVALUATION_DATE });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    process.stdout.write(
      `imported ${report.rowsIn} rows (${report.rowsStored} stored + ${report.rowsRejected} rejected; ${report.familiesWritten} families) ` +
        `in ${seconds.toFixed(1)} s: ${Math.round(report.rowsIn / seconds)} rows/s, ${Math.round(report.familiesWritten / seconds)} families/s; ` +
        `RSS ${(rssBefore / MB).toFixed(0)} MB before, peak ${(rssPeak / MB).toFixed(0)} MB while importing; ` +
        `process peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
    );
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runCommand('import benchmark', main);
