import type { Principal } from '../common/auth/principal';
import { encodePrincipal, PRINCIPAL_HEADER } from '../common/auth/signature';
import { ErrorCode, forbidden } from '../common/errors';
import { REQUEST_ID_HEADER } from '../common/logging/http-logging';
import type { ImportState } from '../common/store/import-state';
import { REGISTERS, type Register } from '../common/store-url';
import { SubgraphHttpError } from './failures';
import type { MemberRecordOf, MemberRegister } from './register-directory';
import type { SourceCalls, SubgraphPolicy } from './subgraph-policy';
import { sourceUnavailable } from './source-data-source';
import type { TimedFetch } from './subgraph-fetch';

/** Each register's import ledger now (`importState`); a register that could not be asked is left out. */
export type ImportStates = (principal: Principal, requestId?: string | null) => Promise<ReadonlyMap<Register, ImportState>>;

interface EntityProbe {
  readonly typename: 'Household' | 'Person';
  readonly key: 'noKK' | 'nik';
  /** What is asked of the register's record: its key, and for a family where the register places it. */
  readonly selection: string;
  readonly what: string;
}

const HOUSEHOLD: EntityProbe = { typename: 'Household', key: 'noKK', selection: 'noKK regionCode', what: 'household' };
const PERSON: EntityProbe = { typename: 'Person', key: 'nik', selection: 'nik', what: 'person' };

/**
 * One register's answer for one key: the record it holds (a family's carries its village code);
 * `refused` carries the register's FORBIDDEN message; `failed`: the register answered with another
 * error for the key (its store down), so it cannot say.
 */
type Holding = { readonly held: false } | { readonly held: true; readonly regionCode: string | null } | { readonly refused: string } | { readonly failed: true };

/** The registers' answers for one key: the first holding register's record, FORBIDDEN, SOURCE_UNAVAILABLE, or null when none holds it. */
type Found = { readonly regionCode: string | null } | Error | null;

interface EntitiesBody {
  readonly data?: { readonly _entities?: readonly ({ readonly [register: string]: { readonly regionCode?: unknown } | null } | null)[] } | null;
  readonly errors?: readonly { readonly message?: string; readonly path?: readonly (string | number)[]; readonly extensions?: { readonly code?: unknown } }[];
}

interface RecordsBody<Record> {
  readonly data?: { readonly _entities?: readonly ({ readonly [field: string]: readonly Record[] | null } | null)[] } | null;
  readonly errors?: readonly unknown[];
}

/**
 * Which keys any register holds for the principal, and where the registers place a family, asked
 * of each register subgraph with one `_entities` call per batch of the client field
 * (`<reg> { noKK regionCode }`), which is region-limited at the source. The request carries the principal in PRINCIPAL_HEADER; `fetcherOf(register)` must sign
 * every request that carries it, with that register's key.
 *
 * Per key: held when any register gives a record; else FORBIDDEN when a register refuses the
 * principal the key (a family outside its regions: "not found" would be a lie and would invite
 * guessing); else, when a register cannot be asked, unknown (an error rather than a null);
 * otherwise not held.
 *
 * Each register is asked through its policy (`policies`: retries, the request deadline, its circuit
 * breaker, shared with the gateway's data sources); without policies, each is asked once.
 */
export function createHttpRegisterDirectory(
  urls: Readonly<Record<Register, string>>,
  fetcherOf: (register: Register) => TimedFetch,
  policies?: Readonly<Record<Register, SubgraphPolicy>>,
) {
  function ask<T>(register: Register, attempt: () => Promise<T>, calls: SourceCalls | undefined): Promise<T> {
    return policies ? policies[register].call(attempt, { idempotent: true, ...(calls ? { calls } : {}) }) : attempt();
  }

  /** One GraphQL call to the register, signed for the principal; its body as the register answered it. */
  async function registerCall<Body>(register: Register, query: string, variables: object, principal: Principal, requestId: string | null): Promise<Body> {
    const response = await fetcherOf(register)(urls[register], {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PRINCIPAL_HEADER]: encodePrincipal(principal), ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    if (!response.ok) throw new SubgraphHttpError(register, response.status);
    return (await response.json()) as Body;
  }

  async function holdingsOf(register: Register, probe: EntityProbe, keys: readonly string[], principal: Principal, requestId: string | null): Promise<Holding[]> {
    const query = `query RegisterHolds($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${probe.typename} { ${register} { ${probe.selection} } } } }`;
    const representations = keys.map((key) => ({ __typename: probe.typename, [probe.key]: key }));
    const body = await registerCall<EntitiesBody>(register, query, { representations }, principal, requestId);
    const entities = body.data?._entities;
    if (!entities || entities.length !== keys.length) throw new Error(`${register} gave no _entities`);
    const refused = new Map<number, string>();
    const failed = new Set<number>();
    for (const error of body.errors ?? []) {
      const [root, index, field] = error.path ?? [];
      if (root !== '_entities' || typeof index !== 'number' || field !== register) throw new Error(`${register} answered with an error for the whole batch`);
      if (error.extensions?.code === ErrorCode.FORBIDDEN) refused.set(index, error.message ?? `This ${probe.what} is outside your regions`);
      else failed.add(index);
    }
    return entities.map((entity, index): Holding => {
      const record = entity?.[register];
      if (record != null) return { held: true, regionCode: typeof record.regionCode === 'string' ? record.regionCode : null };
      const message = refused.get(index);
      if (message !== undefined) return { refused: message };
      return failed.has(index) ? { failed: true } : { held: false };
    });
  }

  async function found(probe: EntityProbe, keys: readonly string[], principal: Principal, calls?: SourceCalls, requestId: string | null = null): Promise<Found[]> {
    const answers = await Promise.allSettled(REGISTERS.map((register) => ask(register, () => holdingsOf(register, probe, keys, principal, requestId), calls)));
    return keys.map((_, index) => {
      let refused: string | null = null;
      let unknown: Register | null = null;
      for (const [registerIndex, answer] of answers.entries()) {
        if (answer.status === 'rejected') {
          unknown ??= REGISTERS[registerIndex] ?? null;
          continue;
        }
        const holding = answer.value[index];
        if (holding && 'held' in holding && holding.held) return { regionCode: holding.regionCode };
        if (holding && 'refused' in holding) refused ??= holding.refused;
        if (holding && 'failed' in holding) unknown ??= REGISTERS[registerIndex] ?? null;
      }
      if (refused !== null) return forbidden(refused);
      return unknown ? sourceUnavailable(unknown) : null;
    });
  }

  /** What decides a person's name, sex, birth date and alive, asked of the register's unmasked input field (dtsen's own reading). */
  async function memberRecords<R extends MemberRegister>(
    register: R,
    niks: readonly string[],
    principal: Principal,
    calls?: SourceCalls,
    requestId: string | null = null,
  ): Promise<(readonly MemberRecordOf[R][] | Error)[]> {
    const field = `${register}InputRecords`;
    const presence = register === 'regsosek' ? ' presence' : '';
    const query = `query MemberRecords($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { ${field} { noKK name sex birthDate${presence} } } } }`;
    const representations = niks.map((nik) => ({ __typename: 'Person', nik }));
    const asked = await ask(register, () => registerCall<RecordsBody<MemberRecordOf[R]>>(register, query, { representations }, principal, requestId), calls).catch(() => null);
    const entities = asked?.data?._entities;
    if (!asked || asked.errors?.length || !entities || entities.length !== niks.length) return niks.map(() => sourceUnavailable(register));
    return entities.map((entity) => entity?.[field] ?? sourceUnavailable(register));
  }

  /** Each register's import ledger, asked of all at once; a register that could not be asked is left out. */
  async function importStates(principal: Principal, requestId: string | null = null): Promise<ReadonlyMap<Register, ImportState>> {
    const query = 'query RegisterImportState { importState { running lastChangeAt } }';
    const answers = await Promise.allSettled(
      REGISTERS.map((register) =>
        ask(register, async () => {
          const body = await registerCall<{ data?: { importState?: ImportState | null } | null }>(register, query, {}, principal, requestId);
          if (!body.data?.importState) throw new Error(`${register} gave no importState`);
          return body.data.importState;
        }, undefined),
      ),
    );
    return new Map(REGISTERS.flatMap((register, position) => {
      const answer = answers[position];
      return answer?.status === 'fulfilled' ? [[register, answer.value] as const] : [];
    }));
  }

  const held = async (probe: EntityProbe, keys: readonly string[], principal: Principal, calls?: SourceCalls, requestId?: string | null): Promise<(boolean | Error)[]> =>
    (await found(probe, keys, principal, calls, requestId)).map((answer) => (answer instanceof Error ? answer : answer !== null));

  return {
    householdsHeld: (noKKs: readonly string[], principal: Principal, calls?: SourceCalls, requestId?: string | null) => held(HOUSEHOLD, noKKs, principal, calls, requestId),
    personsHeld: (niks: readonly string[], principal: Principal, calls?: SourceCalls, requestId?: string | null) => held(PERSON, niks, principal, calls, requestId),
    /** The village code of the first register (in REGISTERS order) placing each family; null when none holds it. */
    memberRecords,
    importStates,
    householdRegions: async (noKKs: readonly string[], principal: Principal, calls?: SourceCalls, requestId?: string | null): Promise<(string | null | Error)[]> =>
      (await found(HOUSEHOLD, noKKs, principal, calls, requestId)).map((answer) => (answer instanceof Error || answer === null ? answer : answer.regionCode)),
  };
}

export type HttpRegisterDirectory = ReturnType<typeof createHttpRegisterDirectory>;
