import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadRequest {
  readonly body: string;
  readonly headers: Record<string, string>;
}

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Called for every request sent: rotate keys, sign afresh. */
  readonly next: () => LoadRequest;
  /** Processes whose peak resident memory is sampled during the run. */
  readonly watchPid?: number;
  /** A process serving the run beside it (the dtsen service a gateway calls): its RSS is added to a second peak. */
  readonly companionPid?: number;
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  /** Answers received, 2xx or not: what the run's CPU and subgraph calls are divided by. */
  readonly responses: number;
  /** Peak VmRSS of `watchPid` during the run, MB; null when none was watched. */
  readonly peakRssMb: number | null;
  /** Peak of `watchPid`'s and `companionPid`'s VmRSS together, MB; absent without a companion. */
  readonly peakRssWithCompanionMb?: number | null;
}

const RSS_SAMPLE_MS = 200;

/** VmRSS of a process from /proc, MB (Linux); null when it cannot be read. */
export function residentMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * One autocannon run in this process (the servers run in others). Latencies are kept per response
 * so p95 can be reported (autocannon's summary has p97.5, not p95).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let peakRss: number | null = null;
  let peakWithCompanion: number | null = null;
  const sample = () => {
    if (options.watchPid === undefined) return;
    const rss = residentMb(options.watchPid);
    if (rss !== null) peakRss = Math.max(peakRss ?? 0, rss);
    const companion = options.companionPid === undefined ? null : residentMb(options.companionPid);
    if (rss !== null && companion !== null) peakWithCompanion = Math.max(peakWithCompanion ?? 0, rss + companion);
  };
  sample();
  const sampler = setInterval(sample, RSS_SAMPLE_MS);
  try {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({
      url: options.url,
      connections: options.connections,
      duration: options.durationSeconds,
      method: 'POST',
      requests: [
        {
          setupRequest: (request) => {
            const { body, headers } = options.next();
            return { ...request, method: 'POST', body, headers };
          },
        },
      ],
      }, (error, finished) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(finished)));
      instance.on('response', (_client, _status, _bytes, responseTime) => {
        latencies.push(responseTime);
      });
    });
    latencies.sort((a, b) => a - b);
    return {
      requestsPerSecond: result['2xx'] / options.durationSeconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      responses: result['2xx'] + result.non2xx,
      peakRssMb: peakRss,
      ...(options.companionPid === undefined ? {} : { peakRssWithCompanionMb: peakWithCompanion }),
    };
  } finally {
    clearInterval(sampler);
  }
}
