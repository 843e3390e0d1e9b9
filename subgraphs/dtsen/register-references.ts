import DataLoader from 'dataloader';
import type { Register } from '../../common/store-url';
import { changedSince } from '../../resolution/index-status';
import { requestState, type DtsenContext } from './context';
import type { DtsenDependencies } from './dependencies';

/** A register's part of a household, as dtsen references it: the key its subgraph resolves. */
export interface RegisterReference {
  readonly noKK: string;
}

function holdersLoader(deps: DtsenDependencies, context: DtsenContext): DataLoader<string, ReadonlySet<Register> | null> {
  const state = requestState(context).holders;
  state.loader ??= new DataLoader(async (noKKs: readonly string[]) => {
    if (!deps.index) return noKKs.map(() => null);
    const holders = await deps.index.householdHolders(noKKs);
    return noKKs.map((noKK) => holders.get(noKK) ?? null);
  });
  return state.loader;
}

/**
 * `Household.<register>`: the reference the gateway resolves at that register, or null, so that the
 * gateway does not call the register for this family. Null only where it is known: the index's run
 * found the family and the register did not hold it, and the register's import ledger shows nothing
 * imported since that run started (no path deletes a family from a register, so only an import can
 * add one). A family the index lacks, a register that imported since, or one whose ledger or the
 * index could not be read, gets the reference: the register then says itself.
 */
export async function registerReference(deps: DtsenDependencies, context: DtsenContext, register: Register, noKK: string): Promise<RegisterReference | null> {
  const request = requestState(context);
  const [holders, imports] = await Promise.all([
    holdersLoader(deps, context).load(noKK).catch(() => null),
    deps.registerImports?.(request.principal, request.requestId),
  ]);
  const state = imports?.states.get(register);
  const runStartedAt = imports?.lastRunStartedAt;
  const knownNotHeld = holders !== null && !holders.has(register) && state !== undefined && typeof runStartedAt === 'string' && !changedSince(state, runStartedAt);
  return knownNotHeld ? null : { noKK };
}
