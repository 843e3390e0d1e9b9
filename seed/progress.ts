import { Presets, SingleBar } from 'cli-progress';
import type { SeedReport } from './seed';

const PLAIN_PROGRESS_INTERVAL_MS = 5_000;

/** A progress bar on a terminal; a line every few seconds otherwise (logs, CI). */
export function progressReporter(activity = 'seeding', unit = 'families'): { update(done: number, total: number): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { stream: process.stderr, format: `${activity} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`, etaBuffer: 20 },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - lastLine < PLAIN_PROGRESS_INTERVAL_MS) return;
      lastLine = now;
      process.stderr.write(`${activity}: ${done}/${total} ${unit} (${Math.floor((done / total) * 100)}%)\n`);
    },
    stop: () => undefined,
  };
}

export function seedSummary(report: SeedReport): string {
  const registers = Object.entries(report.registers)
    .map(([name, count]) => `${name} ${count.families}`)
    .join(', ');
  return (
    `Seeded ${report.families} families (${report.persons} persons): ${registers}; ` +
    `${report.seconds.toFixed(1)} s, ${Math.round(report.familiesPerSecond)} families/s`
  );
}
