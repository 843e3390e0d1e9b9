// `npx tsx bench/profile-summary.ts <file.cpuprofile> [--from S] [--to S] [--top 30] [--match REGEX]`
// Sums a V8 CPU profile (`npm run bench -- --cpu-prof DIR`, or `node --cpu-prof`) the way
// docs/performance.md reads them: the busy milliseconds of each second since the process started
// (to find the seconds of one scenario's load), then, within --from/--to, the share of samples
// per package and per function (self), and per function including what it called (inclusive;
// --match keeps the functions whose name or file matches).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { summarise, type CpuProfile } from './cpu-profile';

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' }, top: { type: 'string', default: '30' }, match: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) throw new Error('usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [--from S] [--to S] [--top N] [--match REGEX]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(
    summarise(profile, {
      from: values.from === undefined ? 0 : Number(values.from),
      to: values.to === undefined ? Number.POSITIVE_INFINITY : Number(values.to),
      top: Number(values.top),
      match: values.match === undefined ? null : new RegExp(values.match),
    }),
  );
}

main();
