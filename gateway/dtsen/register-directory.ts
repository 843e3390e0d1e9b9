import DataLoader from 'dataloader';

/**
 * Whether any register holds a family (No. KK) or lists a person (NIK), answered in key order. An
 * Error in place of a boolean fails only that key (e.g. a register could not be asked and no other
 * holds it), as DataLoader allows.
 */
export interface RegisterDirectory {
  householdsHeld(noKKs: readonly string[]): Promise<readonly (boolean | Error)[]>;
  personsHeld(niks: readonly string[]): Promise<readonly (boolean | Error)[]>;
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

/** Per-request loaders: one directory call per batch of look-ups. */
export function createDirectoryLoaders(directory: RegisterDirectory): DirectoryLoaders {
  return {
    householdHeld: new DataLoader(inKeyOrder('households', (noKKs) => directory.householdsHeld(noKKs))),
    personHeld: new DataLoader(inKeyOrder('persons', (niks) => directory.personsHeld(niks))),
  };
}
