import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Brackets, EntitySchema, type DataSource } from 'typeorm';
import { entityColumn } from '../common/store/entity-columns';

// At most one resolution run writes the index at a time. The run holds a lease on the one row of
// `resolution_lock` and renews it while it works; a run that died leaves a lease that expires, and
// the next run takes it over (and resumes the dead run's work). Claiming is one conditional UPDATE,
// atomic on SQLite and MySQL alike.

interface ResolutionLockRow {
  readonly id: number;
  readonly holder: string | null;
  readonly acquiredAt: string | null;
  /** ISO 8601 instant, compared as text (every instant is written in the same form). */
  readonly leaseUntil: string | null;
  readonly runId: number | null;
}

export const ResolutionLockEntity = new EntitySchema<ResolutionLockRow>({
  name: 'ResolutionLock',
  tableName: 'resolution_lock',
  columns: {
    id: { type: 'integer', primary: true },
    holder: entityColumn.varchar('holder', 200, true),
    acquiredAt: entityColumn.varchar('acquired_at', 24, true),
    leaseUntil: entityColumn.varchar('lease_until', 24, true),
    runId: { name: 'run_id', type: 'integer', nullable: true },
  },
});

const LOCK_ID = 1;

/** Who holds the index, for the message that refuses a second run. */
export interface LockHolder {
  /** `pid 1234 on host-name`. */
  readonly holder: string;
  readonly acquiredAt: string;
  readonly runId: number | null;
}

export interface RunLock {
  /** This process's name in the lock: pid and host, and a tag of its own for two runs in one process. */
  readonly holder: string;
  /** Takes the lock when it is free or its lease has expired; the current holder when another holds it. */
  claim(now: Date, leaseMs: number): Promise<{ readonly claimed: true } | { readonly claimed: false; readonly by: LockHolder }>;
  /** Extends the lease, noting the run; false when the lock was lost (the lease expired and another run took it). */
  renew(now: Date, leaseMs: number, runId: number | null): Promise<boolean>;
  release(): Promise<void>;
}

export function createRunLock(dataSource: DataSource): RunLock {
  const tag = randomUUID().slice(0, 8);
  const holder = `pid ${process.pid} on ${hostname()} (${tag})`;
  const update = () => dataSource.createQueryBuilder().update(ResolutionLockEntity).where('id = :id', { id: LOCK_ID });

  return {
    holder,
    async claim(now, leaseMs) {
      const at = now.toISOString();
      const result = await update()
        .set({ holder, acquiredAt: at, leaseUntil: new Date(now.getTime() + leaseMs).toISOString(), runId: null })
        .andWhere(new Brackets((free) => free.where('lease_until IS NULL').orWhere('lease_until < :at', { at })))
        .execute();
      if (result.affected === 1) return { claimed: true };
      const row = await dataSource.getRepository(ResolutionLockEntity).findOneByOrFail({ id: LOCK_ID });
      return { claimed: false, by: { holder: (row.holder ?? 'unknown').replace(/ \([0-9a-f]+\)$/, ''), acquiredAt: row.acquiredAt ?? '', runId: row.runId } };
    },
    async renew(now, leaseMs, runId) {
      const result = await update()
        .set({ leaseUntil: new Date(now.getTime() + leaseMs).toISOString(), runId })
        .andWhere('holder = :holder', { holder })
        .execute();
      return result.affected === 1;
    },
    async release() {
      await update().set({ holder: null, acquiredAt: null, leaseUntil: null, runId: null }).andWhere('holder = :holder', { holder }).execute();
    },
  };
}

/** A run's hold on the index, renewed in the background until stopped. */
export interface Lease {
  /** Names the run in the lock, for the message that refuses a second run. */
  noteRun(runId: number): void;
  /** Why the hold was lost (taken over after it lapsed, or the store failed), once it has been; else null. */
  readonly failure: unknown;
  stop(): void;
}

export interface LeaseOptions {
  readonly leaseMs: number;
  readonly now: () => Date;
  /** How renewals reach the store: the run's own writer, so that they never interleave with its transactions. */
  readonly write: (operation: () => Promise<boolean>) => Promise<boolean>;
}

/** Renews a claimed lock four times per lease, at once when the run is named. */
export function keepLease(lock: RunLock, options: LeaseOptions): Lease {
  let runId: number | null = null;
  let failure: unknown = null;
  const renew = () => {
    options
      .write(() => lock.renew(options.now(), options.leaseMs, runId))
      .then((held) => {
        if (!held) failure ??= new Error('This run lost its hold on the index (its lease lapsed and another run took it over) and stopped');
      })
      .catch((error: unknown) => {
        failure ??= error;
      });
  };
  const timer = setInterval(renew, options.leaseMs / 4);
  return {
    noteRun(id) {
      runId = id;
      renew();
    },
    get failure() {
      return failure;
    },
    stop: () => clearInterval(timer),
  };
}
