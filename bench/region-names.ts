// What region names cost a process (common/regions over idn-area-data), each step in a fresh state:
//   node --expose-gc --import tsx bench/region-names.ts
// Prints the time (wall and CPU: on a busy machine the CPU time is the steadier) and retained heap of the first name look-up (provinces, regencies, districts),
// of one province's villages (DKI Jakarta, then Jawa Timur, the largest), and of all 83,763 villages.
// A process reads a province's villages when it first names a village of it.
import { runCommand } from '../common/cli';
import { childRegions, findRegion, regionsWithin } from '../common/regions';

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function step(label: string, run: () => number): void {
  const before = heapMiB();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const rows = run();
  const { user, system } = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  const columns = [
    label.padEnd(44),
    `${String(rows).padStart(6)} rows`,
    `${wall.toFixed(0).padStart(5)} ms`,
    `${((user + system) / 1000).toFixed(0).padStart(5)} ms CPU`,
    `${(heapMiB() - before).toFixed(1).padStart(5)} MiB`,
  ];
  process.stdout.write(`${columns.join(' ')}\n`);
}

async function main(): Promise<number> {
  if (!(globalThis as { gc?: unknown }).gc) process.stderr.write('(run with node --expose-gc for retained heap figures)\n');
  step('provinces, regencies, districts (first use)', () => (findRegion('31') ? regionsWithin('', 'district').length : 0));
  step('villages of DKI Jakarta (31)', () => regionsWithin('31', 'village').length);
  step('villages of Jawa Timur (35, the most)', () => regionsWithin('35', 'village').length);
  const provinces = childRegions('').map((province) => province.code);
  step('villages of the other 36 provinces', () =>
    provinces.filter((code) => code !== '31' && code !== '35').reduce((sum, code) => sum + regionsWithin(code, 'village').length, 0),
  );
  return 0;
}

runCommand('region-names', main);
