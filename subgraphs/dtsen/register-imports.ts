import type { Principal } from '../../common/auth/principal';
import type { ImportState } from '../../common/store/import-state';
import type { Register } from '../../common/store-url';
import type { ImportStates } from '../../subgraph-calls/register-directory-http';

/** How old the registers' import states may be when the index status uses them. */
export const IMPORT_STATES_MAX_AGE_MS = 5_000;

/**
 * How long a request waits for new states before it goes on with the last ones (or none): a
 * register that hangs until its timeout must not hold up every answer that reads the index.
 */
const MAX_WAIT_MS = 1_000;

const NONE: ReadonlyMap<Register, ImportState> = new Map();

/**
 * The registers' import ledgers, for the index status of every response that reads the index: one
 * call to each register at most every `maxAgeMs`, not one per request. A request finding the last
 * answers older than that waits for new ones (at most MAX_WAIT_MS, then it takes the last ones),
 * which the requests arriving meanwhile share. The states hold no personal data, so one
 * principal's answers serve every request; a register that could not be asked is left out (the
 * status then says nothing of it).
 */
export function createRegisterImports(ask: ImportStates, maxAgeMs = IMPORT_STATES_MAX_AGE_MS, now: () => number = Date.now) {
  let last: { readonly at: number; readonly states: ReadonlyMap<Register, ImportState> } | null = null;
  let asking: Promise<ReadonlyMap<Register, ImportState>> | null = null;

  function refresh(principal: Principal, requestId: string | null): Promise<ReadonlyMap<Register, ImportState>> {
    asking ??= ask(principal, requestId)
      .then((states) => {
        last = { at: now(), states };
        return states;
      })
      .catch(() => last?.states ?? NONE)
      .finally(() => {
        asking = null;
      });
    return asking;
  }

  async function newStates(principal: Principal, requestId: string | null): Promise<ReadonlyMap<Register, ImportState>> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<ReadonlyMap<Register, ImportState>>((resolve) => {
      timer = setTimeout(() => resolve(last?.states ?? NONE), MAX_WAIT_MS);
    });
    try {
      return await Promise.race([refresh(principal, requestId), waited]);
    } finally {
      clearTimeout(timer);
    }
  }

  return (principal: Principal, requestId: string | null): Promise<ReadonlyMap<Register, ImportState>> => {
    if (last === null || now() - last.at >= maxAgeMs) return newStates(principal, requestId);
    return Promise.resolve(last.states);
  };
}

export type RegisterImports = ReturnType<typeof createRegisterImports>;
