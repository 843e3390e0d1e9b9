import type { Principal } from '../../common/auth/principal';
import type { ImportState } from '../../common/store/import-state';
import type { Register } from '../../common/store-url';
import type { IndexRuns } from '../../resolution/query-repository';
import type { ImportStates } from '../../subgraph-calls/register-directory-http';

/** How old the registers' import states may be when dtsen uses them. */
export const IMPORT_STATES_MAX_AGE_MS = 5_000;

/**
 * How long a request waits for new states before it goes on with the last ones (or none): a
 * register that hangs until its timeout must not hold up every answer that reads the index.
 */
const MAX_WAIT_MS = 1_000;

/** The registers' import ledgers (those that could be asked), and when the index's last finished run started. */
export interface RegisterImportStates {
  readonly states: ReadonlyMap<Register, ImportState>;
  /** Null when no run has finished. */
  readonly lastRunStartedAt: string | null;
}

const NONE: RegisterImportStates = { states: new Map(), lastRunStartedAt: null };

/**
 * The registers' import ledgers, for the index status and for which registers dtsen can leave out
 * of a household (`Household.kemendes`): one call to each register, and one read of the index's
 * runs, at most every `maxAgeMs`, not one per request. A request finding the last answers older
 * than that waits for new ones (at most MAX_WAIT_MS, then it takes the last ones), which the
 * requests arriving meanwhile share. The states hold no personal data, so one principal's answers
 * serve every request; a register that could not be asked is left out.
 */
export function createRegisterImports(ask: ImportStates, runs: () => Promise<IndexRuns>, maxAgeMs = IMPORT_STATES_MAX_AGE_MS, now: () => number = Date.now) {
  let last: { readonly at: number; readonly value: RegisterImportStates } | null = null;
  let asking: Promise<RegisterImportStates> | null = null;

  function refresh(principal: Principal, requestId: string | null): Promise<RegisterImportStates> {
    asking ??= Promise.all([ask(principal, requestId), runs()])
      .then(([states, indexRuns]) => {
        const value = { states, lastRunStartedAt: indexRuns.lastFinished?.startedAt ?? null };
        last = { at: now(), value };
        return value;
      })
      .catch(() => last?.value ?? NONE)
      .finally(() => {
        asking = null;
      });
    return asking;
  }

  async function newStates(principal: Principal, requestId: string | null): Promise<RegisterImportStates> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<RegisterImportStates>((resolve) => {
      timer = setTimeout(() => resolve(last?.value ?? NONE), MAX_WAIT_MS);
    });
    try {
      return await Promise.race([refresh(principal, requestId), waited]);
    } finally {
      clearTimeout(timer);
    }
  }

  return (principal: Principal, requestId: string | null): Promise<RegisterImportStates> => {
    if (last === null || now() - last.at >= maxAgeMs) return newStates(principal, requestId);
    return Promise.resolve(last.value);
  };
}

export type RegisterImports = ReturnType<typeof createRegisterImports>;
