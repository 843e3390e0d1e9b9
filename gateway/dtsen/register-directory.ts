import DataLoader from 'dataloader';
import type { Principal } from '../../common/auth/principal';
import type { SourceCalls } from '../resilience/subgraph-policy';

/**
 * Whether any register holds a family (No. KK) or lists a person (NIK) for the principal, answered
 * in key order. An Error in place of a boolean fails only that key, as DataLoader allows: a
 * FORBIDDEN error when the registers refuse the principal the key (a family outside its regions),
 * an unavailable source when a register could not be asked and no other holds the key.
 */
export interface RegisterDirectory {
  /** `calls`: the gateway request's register calls (its deadline, the registers that already failed in it). */
  householdsHeld(noKKs: readonly string[], principal: Principal, calls?: SourceCalls): Promise<readonly (boolean | Error)[]>;
  personsHeld(niks: readonly string[], principal: Principal, calls?: SourceCalls): Promise<readonly (boolean | Error)[]>;
}

export interface DirectoryLoaders {
  readonly householdHeld: DataLoader<string, boolean>;
  readonly personHeld: DataLoader<string, boolean>;
}

function inKeyOrder(
  what: string,
  ask: (keys: readonly string[]) => Promise<readonly (boolean | Error)[]>,
): (keys: readonly string[]) => Promise<readonly (boolean | Error)[]> {
  return async (keys) => {
    const answers = await ask(keys);
    if (answers.length !== keys.length) {
      throw new Error(`The register directory answered ${answers.length} ${what} for ${keys.length} keys`);
    }
    return answers;
  };
}

/** Per-request loaders, for the request's principal: one directory call per batch of look-ups. */
export function createDirectoryLoaders(directory: RegisterDirectory, principal: Principal, calls?: SourceCalls): DirectoryLoaders {
  return {
    householdHeld: new DataLoader(inKeyOrder('households', (noKKs) => directory.householdsHeld(noKKs, principal, calls))),
    personHeld: new DataLoader(inKeyOrder('persons', (niks) => directory.personsHeld(niks, principal, calls))),
  };
}
