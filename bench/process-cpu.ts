import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ): 100 on Linux, whatever the kernel's HZ. */
const TICKS_PER_SECOND = 100;

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** User and system CPU of one process so far, ms (its threads included); null once it has gone. */
export function processCpuMs(pid: number): { readonly user: number; readonly system: number } | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // The command name, in parentheses, may hold spaces: the fields are counted from its end (utime is field 14, stime 15).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: (Number(fields[11]) * 1000) / TICKS_PER_SECOND, system: (Number(fields[12]) * 1000) / TICKS_PER_SECOND };
}

/** User + system CPU of one process so far, ms; null once it has gone. */
export function ownCpuMs(pid: number): number | null {
  const cpu = processCpuMs(pid);
  return cpu === null ? null : cpu.user + cpu.system;
}

/** A process's children (a cluster primary's workers), from every thread's list. */
function childrenOf(pid: number): number[] {
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return threads.flatMap((thread) => (readOrNull(`/proc/${pid}/task/${thread}/children`) ?? '').split(' ').filter(Boolean).map(Number));
}

/**
 * User + system CPU so far of each process and of its descendants still running, ms, by pid (Linux
 * /proc). Read before and after a run, the difference is what the run cost them: unlike latency,
 * it barely moves when other jobs share the cores.
 */
export function cpuByProcess(pids: readonly number[]): Map<number, number> {
  const times = new Map<number, number>();
  const visit = (pid: number) => {
    if (times.has(pid)) return;
    const ms = ownCpuMs(pid);
    if (ms === null) return;
    times.set(pid, ms);
    for (const child of childrenOf(pid)) visit(child);
  };
  for (const pid of pids) visit(pid);
  return times;
}

/** The CPU ms each process (by pid) spent between two readings; a process present in only one is left out. */
/** User + system CPU so far of the processes and their descendants still running, ms, summed. */
export function totalCpuMs(pids: readonly number[]): number {
  let total = 0;
  for (const ms of cpuByProcess(pids).values()) total += ms;
  return total;
}

export function cpuSpent(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): Map<number, number> {
  const spent = new Map<number, number>();
  for (const [pid, ms] of after) {
    const earlier = before.get(pid);
    if (earlier !== undefined) spent.set(pid, ms - earlier);
  }
  return spent;
}
