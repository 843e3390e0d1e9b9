// Times the streamed CSV export of the resolution index through a running gateway:
//   tsx bench/export-households.ts [GATEWAY_BASE_URL] [QUERY_STRING] [TOKEN]
// e.g. tsx bench/export-households.ts http://localhost:4000 'regionPrefix=31.72'
// Prints rows, bytes, seconds, rows/s and the time to the first byte. Without TOKEN it sends a local
// analyst token (signed with npm start's secret, or AUTH_JWT_SECRET).
import { runCommand } from '../common/cli';
import { loadLocalTokenSecret } from '../gateway/auth/local-token-config';
import { localRoleToken } from '../gateway/auth/role-tokens';

async function main(): Promise<number> {
  const base = process.argv[2] ?? 'http://localhost:4000';
  const query = process.argv[3] ?? '';
  const url = `${base}/export/households.csv${query ? `?${query}` : ''}`;
  const token = process.argv[4] || (await localRoleToken(loadLocalTokenSecret(), { role: 'analyst', purpose: 'export benchmark' }));
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body) {
    process.stderr.write(`${url} answered ${response.status}: ${await response.text()}\n`);
    return 1;
  }
  let bytes = 0;
  let newlines = 0;
  let firstByteMs: number | null = null;
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    firstByteMs ??= performance.now() - started;
    bytes += chunk.value.length;
    for (const byte of chunk.value) if (byte === 10) newlines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = Math.max(0, newlines - 1);
  process.stdout.write(
    `${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s ` +
      `(${Math.round(rows / seconds)} rows/s; first byte after ${Math.round(firstByteMs ?? 0)} ms)\n`,
  );
  return 0;
}

runCommand('export benchmark', main);
