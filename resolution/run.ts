import { setTimeout as delay } from 'node:timers/promises';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  DtksKeyPageDocument,
  ListingTotalsDocument,
  P3keKeyPageDocument,
  RegsosekKeyPageDocument,
  ResolutionRuleSetDocument,
  ResolveHouseholdDocument,
  ResolveRegsosekPageDocument,
  type RegsosekKeyPageQueryVariables,
} from '../generated/graphql/graphql';
import { createGatewayClient, GatewayAnswerError, type GatewayClient } from './gateway-client';
import { fromGatewayAnswer, type GatewayHousehold, type ResolvedHousehold } from './household';
import { repeatedLookup } from './repeated-lookup';
import type { IndexRepository, ResolutionRun } from './repository';
import { checkPeriodOrder } from './periods';
import { pageRetryPolicy } from './page-retry';
import { keepLease, type Lease, type LockHolder } from './run-lock';

// A resolution run asks the gateway, over HTTP, for the very `Household` fields clients get, so the
// index holds the live answer by construction. Regsosek's listing gives almost every family;
// DTKS's and P3KE's listings give the rest (the families Regsosek does not hold), each family from
// exactly one listing.

/** The listings a run walks, in order. */
export const PASSES = ['regsosek', 'dtks', 'p3ke'] as const;
export type Pass = (typeof PASSES)[number];

interface PassPosition {
  /** The cursor every page before which is stored; null at the start. */
  readonly after: string | null;
  readonly done: boolean;
  /** Families of the listing before `after`, for the progress of a resumed run. */
  readonly listed: number;
}
type Positions = Record<Pass, PassPosition>;

export interface ResolutionOptions {
  readonly index: IndexRepository;
  readonly gatewayUrl: string;
  /** Bearer token of the indexer role. */
  readonly gatewayToken: string;
  /** Pages resolved at the same time (default 4). */
  readonly concurrency?: number;
  /** Families per listing page, at most 100 (default 100). */
  readonly pageSize?: number;
  /** Stop (leaving the run unfinished, to be resumed) after this many pages; for tests and trials. */
  readonly maxPages?: number;
  readonly signal?: AbortSignal;
  /** Families listed so far out of those the listings hold. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly now?: () => Date;
  /** When another run holds the index: wait for it (polling every `waitPollMs`, default 2 s) instead of refusing at once. */
  readonly wait?: boolean;
  readonly waitPollMs?: number;
  /** Called each time a waiting run finds the index still held. */
  readonly onWaiting?: (holder: RunInProgress) => void;
  /** How long the run's hold on the index outlives its last renewal (default 60 s); renewed four times as often. */
  readonly leaseMs?: number;
  /**
   * The period (YYYY-MM) the run resolves: when it finishes, the index keeps it (resolution/periods.ts).
   * A period before the newest kept one is refused before anything is written.
   */
  readonly period?: string;
  /** Attempts of a page after its first when registers were unavailable, and the first wait (page-retry.ts). */
  readonly pageRetries?: number;
  readonly pageRetryDelayMs?: number;
}

/** The run that holds the index, as a second run reports it. */
export interface RunInProgress extends LockHolder {
  /** Register records (a family once per register holding it) it has resolved so far, of all it has to. */
  readonly familiesDone: number;
  readonly familiesTotal: number;
}

/** Another run holds the index: this one changed nothing. */
export class ResolutionInProgressError extends Error {
  constructor(readonly inProgress: RunInProgress) {
    const run = inProgress.runId === null ? 'a run' : `run ${inProgress.runId}`;
    super(
      `Another resolution run is filling the index: ${run}, started ${inProgress.acquiredAt} by ${inProgress.holder}, ` +
        `${inProgress.familiesDone.toLocaleString('en')} of ${inProgress.familiesTotal.toLocaleString('en')} register records done. This run changed nothing; ` +
        'wait for that one to end (npm run resolve -- --wait waits for it), or stop it.',
    );
    this.name = 'ResolutionInProgressError';
  }
}

export interface ResolutionSummary {
  readonly runId: number;
  readonly resumed: boolean;
  readonly finished: boolean;
  /** Households in the index once finished; families this call listed when not. */
  readonly families: number;
  readonly pages: number;
  readonly ruleSet: string;
  readonly evaluationDate: string;
  readonly seconds: number;
  /** The period the run resolves; null when none. */
  readonly period: string | null;
}

interface KeyNode {
  readonly noKK: string;
}

interface KeyPage {
  readonly nodes: readonly KeyNode[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

interface Job {
  readonly pass: Pass;
  readonly after: string | null;
  readonly page: KeyPage;
}

type KeyPageAnswer = { page: { nodes: KeyNode[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };

/** Each listing's key page (resolution/operations/key-pages.graphql): enough of each family to tell which listing resolves it. */
const KEY_PAGE: Record<Pass, TypedDocumentNode<KeyPageAnswer, RegsosekKeyPageQueryVariables>> = {
  regsosek: RegsosekKeyPageDocument,
  dtks: DtksKeyPageDocument,
  p3ke: P3keKeyPageDocument,
};

async function keyPage(client: GatewayClient, pass: Pass, after: string | null, first: number): Promise<KeyPage> {
  const { page } = await client.query(KEY_PAGE[pass], { first, after });
  return { nodes: page.nodes, endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage };
}

/**
 * Resolves a page. Regsosek's pass resolves its listing's page; a later pass, the families of its
 * page no earlier pass of this run resolved (`resolvedEarlier`: the run's rows in the index, every
 * page of an earlier pass being stored before a later pass starts), that is those Regsosek (and,
 * for P3KE, DTKS) does not hold, without asking those registers about each family.
 */
async function resolvePage(
  client: GatewayClient,
  job: Job,
  first: number,
  resolvedEarlier: (noKKs: readonly string[]) => Promise<ReadonlySet<string>>,
): Promise<ResolvedHousehold[]> {
  if (job.pass === 'regsosek') {
    const { page } = await client.query(ResolveRegsosekPageDocument, { first, after: job.after });
    return page.nodes.map(fromGatewayAnswer);
  }
  const listed = job.page.nodes.map((node) => node.noKK);
  const resolved = await resolvedEarlier(listed);
  return resolveHouseholds(client, listed.filter((noKK) => !resolved.has(noKK)));
}

/** Households by No. KK, in one operation (one aliased `household` field each). */
export async function resolveHouseholds(client: GatewayClient, noKKs: readonly string[]): Promise<ResolvedHousehold[]> {
  if (noKKs.length === 0) return [];
  const { document, variables } = repeatedLookup(ResolveHouseholdDocument, noKKs, 'ResolveHouseholds');
  const data = await client.query(document, variables);
  return noKKs
    .map((_, i) => data[`h${i}`])
    .filter((household): household is GatewayHousehold => Boolean(household))
    .map(fromGatewayAnswer);
}

/**
 * The stored positions the gateway still takes. Cursors are sealed with a key derived from
 * PRINCIPAL_SIGNING_SECRET (common/cursor.ts): after the secret is rotated the gateway refuses
 * them, and the passes they belong to start again from the beginning (pages are stored by No. KK,
 * so families walked before are only written again).
 */
async function usablePositions(client: GatewayClient, positions: Positions): Promise<Positions> {
  const usable = { ...positions };
  for (const pass of PASSES) {
    const { after, done } = positions[pass];
    if (done || after === null) continue;
    try {
      await keyPage(client, pass, after, 1);
    } catch (error) {
      if (!(error instanceof GatewayAnswerError && error.refused('after'))) throw error;
      usable[pass] = START[pass];
    }
  }
  return usable;
}

function readPositions(run: ResolutionRun): Positions {
  const parsed = JSON.parse(run.cursors) as Partial<Positions>;
  return Object.fromEntries(
    PASSES.map((pass) => [pass, { after: null, done: false, listed: 0, ...parsed[pass] }]),
  ) as Positions;
}

const START: Positions = {
  regsosek: { after: null, done: false, listed: 0 },
  dtks: { after: null, done: false, listed: 0 },
  p3ke: { after: null, done: false, listed: 0 },
};

/** Bounds the pages in flight; `acquire` waits for a free slot. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}

/**
 * The stored position of one listing: pages finish out of order, and the position moves past a
 * page only once every page before it is stored too.
 */
class Watermark {
  private readonly pending: { readonly next: string | null; readonly families: number; stored: boolean }[] = [];
  constructor(public position: PassPosition) {}
  add(next: string | null, families: number) {
    const entry = { next, families, stored: false };
    this.pending.push(entry);
    return entry;
  }
  /** True when the position moved. */
  advance(walked: boolean): boolean {
    let moved = false;
    while (this.pending[0]?.stored) {
      const entry = this.pending.shift();
      this.position = {
        after: entry?.next ?? this.position.after,
        done: false,
        listed: this.position.listed + (entry?.families ?? 0),
      };
      moved = true;
    }
    if (walked && this.pending.length === 0 && !this.position.done) {
      this.position = { ...this.position, done: true };
      moved = true;
    }
    return moved;
  }
}

async function listingTotals(client: GatewayClient): Promise<number> {
  const totals = await client.query(ListingTotalsDocument, {});
  return PASSES.reduce((sum, pass) => sum + totals[pass].totalCount, 0);
}

/**
 * Resolves every family any register holds into the index, resuming the last unfinished run of
 * the same rule set and evaluation date when there is one. Pages are stored idempotently (by
 * No. KK), so pages redone after an interruption never duplicate rows.
 */
export async function runResolution(options: ResolutionOptions): Promise<ResolutionSummary> {
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  await holdIndex(options, now, leaseMs);
  // Pages are resolved concurrently but written one at a time: concurrent replace-by-key
  // transactions deadlock on MySQL's gap locks, writing is a small share of a page's time, and a
  // later cursor position is then never overwritten by an earlier one. The lease is renewed through
  // the same writer: on SQLite a statement issued while a page's transaction is open would join it.
  const writer = new SerialWriter();
  const lease = keepLease(options.index.lock, { leaseMs, now, write: (operation) => writer.write(operation) });
  try {
    return await resolveHoldingIndex(options, now, writer, lease);
  } finally {
    lease.stop();
    await writer.write(() => options.index.lock.release());
  }
}

const DEFAULT_LEASE_MS = 60_000;

/** Takes the index's run lock, waiting for it when asked to; ResolutionInProgressError otherwise. */
async function holdIndex(options: ResolutionOptions, now: () => Date, leaseMs: number): Promise<void> {
  for (;;) {
    const claim = await options.index.lock.claim(now(), leaseMs);
    if (claim.claimed) return;
    const holder = claim.by;
    const run = holder.runId === null ? undefined : (await options.index.runs()).find((candidate) => candidate.id === holder.runId);
    const inProgress: RunInProgress = { ...holder, familiesDone: run?.familiesDone ?? 0, familiesTotal: run?.familiesTotal ?? 0 };
    if (!options.wait) throw new ResolutionInProgressError(inProgress);
    options.onWaiting?.(inProgress);
    await delay(options.waitPollMs ?? 2_000, undefined, options.signal ? { signal: options.signal } : {});
  }
}

/** Runs operations one after another, in the order given; a failed one does not stop the next. */
class SerialWriter {
  private last: Promise<unknown> = Promise.resolve();
  write<T>(operation: () => Promise<T>): Promise<T> {
    const written = this.last.then(operation);
    this.last = written.catch(() => undefined);
    return written;
  }
  /** Resolves once every operation given so far has ended. */
  idle(): Promise<unknown> {
    return this.last;
  }
}

async function resolveHoldingIndex(options: ResolutionOptions, now: () => Date, writer: SerialWriter, lease: Lease): Promise<ResolutionSummary> {
  const started = Date.now();
  const first = options.pageSize ?? 100;
  const client = createGatewayClient(options.gatewayUrl, options.gatewayToken, options.signal);
  const { index } = options;

  const { ruleSet } = await client.query(ResolutionRuleSetDocument, {});
  const total = await listingTotals(client);
  const period = options.period ?? null;
  if (period !== null) checkPeriodOrder(period, await index.newestPeriod());
  const unfinished = await index.unfinishedRun();
  const resumed =
    unfinished !== null && unfinished.ruleSet === ruleSet.version && unfinished.evaluationDate === ruleSet.evaluationDate && unfinished.period === period;
  const run =
    resumed && unfinished
      ? unfinished
      : await index.startRun({
          ruleSet: ruleSet.version,
          evaluationDate: ruleSet.evaluationDate,
          startedAt: now().toISOString(),
          cursors: JSON.stringify(START),
          familiesTotal: total,
          period,
        });
  lease.noteRun(run.id);
  let failure: unknown = null;
  const positions = resumed ? await usablePositions(client, readPositions(run)) : START;
  const remaining = PASSES.filter((pass) => !positions[pass].done);

  const watermarks = Object.fromEntries(PASSES.map((pass) => [pass, new Watermark(positions[pass])])) as Record<Pass, Watermark>;
  const currentPositions = () => JSON.stringify(Object.fromEntries(PASSES.map((pass) => [pass, watermarks[pass].position])));
  // Saved after every stored page, with the cursors: the gateway shows it while the run is under way.
  const saveProgress = () => {
    const progress = { cursors: currentPositions(), familiesDone: listed, familiesTotal: total, progressAt: now().toISOString() };
    writer.write(() => index.saveProgress(run.id, progress)).catch((error: unknown) => {
      failure ??= error;
    });
  };

  const pageRetry = pageRetryPolicy(options.pageRetries, options.pageRetryDelayMs);
  const slots = new Slots(options.concurrency ?? 4);
  const inFlight = new Set<Promise<void>>();
  let pages = 0;
  let listed = PASSES.reduce((sum, pass) => sum + positions[pass].listed, 0);
  const listedBefore = listed;
  if (resumed) saveProgress();
  const stopping = () => (failure ??= lease.failure) !== null || options.signal?.aborted === true || (options.maxPages !== undefined && pages >= options.maxPages);

  const resolveJob = async (job: Job, entry: { stored: boolean }, walked: () => boolean) => {
    try {
      // Through the writer: on SQLite a read while a page's transaction is open would join it.
      const resolvedEarlier = (noKKs: readonly string[]) => writer.write(() => index.resolvedInRun(run.id, noKKs));
      const households = await pageRetry.execute(() => resolvePage(client, job, first, resolvedEarlier), options.signal);
      await writer.write(() => index.saveHouseholds(households, run.id, now().toISOString()));
      entry.stored = true;
      listed += job.page.nodes.length;
      options.onProgress?.(listed, total);
      watermarks[job.pass].advance(walked());
      saveProgress();
    } catch (error) {
      failure ??= error;
    } finally {
      slots.release();
    }
  };

  for (const pass of remaining) {
    let after = watermarks[pass].position.after;
    let walked = false;
    while (!stopping()) {
      await slots.acquire();
      if (stopping()) {
        slots.release();
        break;
      }
      let page: KeyPage;
      try {
        page = await pageRetry.execute(() => keyPage(client, pass, after, first), options.signal);
      } catch (error) {
        failure ??= error;
        slots.release();
        break;
      }
      pages += 1;
      const entry = watermarks[pass].add(page.endCursor, page.nodes.length);
      walked = !page.hasNextPage;
      const job = resolveJob({ pass, after, page }, entry, () => walked);
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
      after = page.endCursor;
      if (walked) break;
    }
    await Promise.all(inFlight);
    if (walked && watermarks[pass].advance(true)) saveProgress();
    if (!walked) break;
  }
  await Promise.all(inFlight);
  await writer.idle();
  failure ??= lease.failure;
  // An abort (Ctrl-C) leaves the run unfinished, to be resumed; anything else is a failure.
  if (failure !== null && options.signal?.aborted !== true) throw failure;

  const finished = PASSES.every((pass) => watermarks[pass].position.done);
  const families = finished ? await index.finishRun(run.id, now().toISOString()) : listed - listedBefore;
  return {
    runId: run.id,
    resumed,
    finished,
    families,
    pages,
    ruleSet: ruleSet.version,
    evaluationDate: ruleSet.evaluationDate,
    seconds: (Date.now() - started) / 1000,
    period,
  };
}
