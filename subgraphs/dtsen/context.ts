import type DataLoader from 'dataloader';
import type { Principal } from '../../common/auth/principal';
import type { PeriodHouseholdRow, ResolutionPeriodRow } from '../../resolution/period-entities';
import { newSourceCalls, type SourceCalls } from '../../subgraph-calls/subgraph-policy';
import type { IndexStatus, IndexWarning } from '../../resolution/index-status';
import type { DtsenDependencies } from './dependencies';
import { createDirectoryLoaders, type DirectoryLoaders } from '../../subgraph-calls/register-directory';
import type { DataQualityIssue } from './domain/data-quality';
import type { HouseholdResolution } from './domain/household';
import type { ResolvedPerson } from './domain/person';
import type { PersonRepresentation } from './representation';

/**
 * Per-request state of the dtsen subgraph. Caches are keyed by the representation object the
 * gateway sends, so the fields of one entity in one `_entities` call share one resolution.
 */
export interface DtsenRequestState {
  /** Who is asking: root fields check its scopes, outputs are masked and limited by it. */
  readonly principal: Principal;
  /** The gateway request's id: sent with its register calls and kept in the index's audit entries; null outside a request. */
  readonly requestId: string | null;
  readonly loaders: DirectoryLoaders;
  readonly households: WeakMap<object, HouseholdResolution>;
  readonly dataQuality: WeakMap<object, readonly DataQualityIssue[]>;
  readonly persons: WeakMap<object, Promise<ResolvedPerson>>;
  /** A household's member with the records asked of the registers its family's fetch did not cover (member-persons.ts). */
  readonly completePersons: WeakMap<object, Promise<PersonRepresentation>>;
  /**
   * The index status, read once per request by `households`/`statistics`; the index-warning plugin
   * reads `status` to warn in the response's extensions, or `forwarded`: the warning the dtsen
   * service answered with, when it runs as its own service.
   */
  readonly index: { status: IndexStatus | null; reading: Promise<IndexStatus> | null; forwarded: IndexWarning | null };
  readonly sourceCalls: SourceCalls;
  /** Reads of the index's kept periods, made on first use (resolvers/history.ts). */
  readonly periods: { history?: DataLoader<string, readonly PeriodHouseholdRow[]>; kept?: Promise<ResolutionPeriodRow[]> };
}

/** The context value the dtsen schema expects: its state under `dtsen`, beside whatever else the gateway keeps. */
export interface DtsenContext {
  readonly dtsen: DtsenRequestState;
}

/**
 * Build once per request (Apollo Server's `context` function), for the principal the gateway
 * authenticated, and pass as, or spread into, the context value.
 */
export function createDtsenContext(
  deps: Pick<DtsenDependencies, 'directory'>,
  principal: Principal,
  deadline = Number.POSITIVE_INFINITY,
  requestId: string | null = null,
): DtsenContext {
  const sourceCalls = newSourceCalls(deadline);
  return {
    dtsen: {
      principal,
      requestId,
      loaders: createDirectoryLoaders(deps.directory, principal, sourceCalls, requestId),
      households: new WeakMap(),
      dataQuality: new WeakMap(),
      persons: new WeakMap(),
      completePersons: new WeakMap(),
      index: { status: null, reading: null, forwarded: null },
      sourceCalls,
      periods: {},
    },
  };
}

/**
 * The request state, or a clear failure when a caller built the context without it: graphql-js
 * passes whatever context value it was given, whatever the resolver types say.
 */
export function requestState(context: DtsenContext): DtsenRequestState {
  const state: DtsenRequestState | undefined = context.dtsen;
  if (!state) throw new Error('The dtsen subgraph needs context.dtsen: build the context with createDtsenContext(deps, principal)');
  return state;
}

export function memoised<K extends object, V>(cache: WeakMap<K, V>, key: K, compute: () => V): V {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const value = compute();
  cache.set(key, value);
  return value;
}
