import { REGISTERS, type Register } from '../common/store-url';
import { sourceUnavailable, type TimedFetch } from './source-data-source';

interface EntityProbe {
  readonly typename: 'Household' | 'Person';
  readonly key: 'noKK' | 'nik';
}

const HOUSEHOLD: EntityProbe = { typename: 'Household', key: 'noKK' };
const PERSON: EntityProbe = { typename: 'Person', key: 'nik' };

/**
 * Which keys any register holds, asked of each register subgraph with one `_entities` call per
 * batch. A family no register holds must be answered with null rather than an empty household, and
 * only the registers know; when a register cannot be asked and none of the others holds the key,
 * the answer is unknown, so that is an error rather than a null.
 */
export function createHttpRegisterDirectory(urls: Readonly<Record<Register, string>>, fetcher: TimedFetch) {
  async function heldBy(register: Register, probe: EntityProbe, keys: readonly string[]): Promise<boolean[]> {
    const query = `query RegisterHolds($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${probe.typename} { ${register} { ${probe.key} } } } }`;
    const representations = keys.map((key) => ({ __typename: probe.typename, [probe.key]: key }));
    const response = await fetcher(urls[register], {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { representations } }),
    });
    if (!response.ok) throw new Error(`${register} answered HTTP ${response.status}`);
    const body = (await response.json()) as { data?: { _entities?: ({ [field: string]: unknown } | null)[] } };
    const entities = body.data?._entities;
    if (!entities || entities.length !== keys.length) throw new Error(`${register} gave no _entities`);
    return entities.map((entity) => entity?.[register] != null);
  }

  /** Per key: held, not held, or an error when that cannot be told (DataLoader's per-key errors). */
  async function held(probe: EntityProbe, keys: readonly string[]): Promise<(boolean | Error)[]> {
    const answers = await Promise.allSettled(REGISTERS.map((register) => heldBy(register, probe, keys)));
    return keys.map((_, index) => {
      let unknown: Register | null = null;
      for (const [registerIndex, answer] of answers.entries()) {
        if (answer.status === 'fulfilled' && answer.value[index]) return true;
        if (answer.status === 'rejected') unknown ??= REGISTERS[registerIndex] ?? null;
      }
      return unknown ? sourceUnavailable(unknown) : false;
    });
  }

  return {
    householdsHeld: (noKKs: readonly string[]) => held(HOUSEHOLD, noKKs),
    personsHeld: (niks: readonly string[]) => held(PERSON, niks),
  };
}
