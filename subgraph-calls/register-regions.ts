import type { Principal } from '../common/auth/principal';
import { encodePrincipal, PRINCIPAL_HEADER } from '../common/auth/signature';
import { ErrorCode, forbidden } from '../common/errors';
import { REQUEST_ID_HEADER } from '../common/logging/http-logging';
import { REGISTERS, type Register } from '../common/store-url';
import { SubgraphHttpError } from './failures';
import { sourceUnavailable } from './source-data-source';
import type { TimedFetch } from './subgraph-fetch';

interface EntitiesBody {
  readonly data?: { readonly _entities?: readonly ({ readonly [register: string]: { readonly regionCode?: unknown } | null } | null)[] } | null;
  readonly errors?: readonly { readonly message?: string; readonly path?: readonly (string | number)[]; readonly extensions?: { readonly code?: unknown } }[];
}

type RegionAnswer = { readonly regionCode: string | null } | { readonly refused: string } | { readonly failed: true };

/**
 * Where the registers place families: for each No. KK, the village code (10 digits) of the first
 * register holding it, in REGISTERS order; null when none does. Each register is asked once per
 * batch (`_entities` of `<register> { regionCode }`) with the caller's principal, so a region-bound
 * principal is refused a family outside its regions at the source (FORBIDDEN, as the register
 * says), and the registers record the read in their audit trails. A register that cannot be asked
 * leaves a family no other register holds unknown (SOURCE_UNAVAILABLE naming it).
 */
export function createRegisterRegions(urls: Readonly<Record<string, string>>, fetcherOf: (register: Register) => TimedFetch) {
  async function answersOf(register: Register, noKKs: readonly string[], principal: Principal, requestId: string | null): Promise<RegionAnswer[]> {
    const query = `query RegisterRegions($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { ${register} { regionCode } } } }`;
    const representations = noKKs.map((noKK) => ({ __typename: 'Household', noKK }));
    const response = await fetcherOf(register)(urls[register] as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PRINCIPAL_HEADER]: encodePrincipal(principal), ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}) },
      body: JSON.stringify({ query, variables: { representations } }),
    });
    if (!response.ok) throw new SubgraphHttpError(register, response.status);
    const body = (await response.json()) as EntitiesBody;
    const entities = body.data?._entities;
    if (!entities || entities.length !== noKKs.length) throw new Error(`${register} gave no _entities`);
    const refused = new Map<number, string>();
    const failed = new Set<number>();
    for (const error of body.errors ?? []) {
      const [root, index] = error.path ?? [];
      if (root !== '_entities' || typeof index !== 'number') throw new Error(`${register} answered with an error for the whole batch`);
      if (error.extensions?.code === ErrorCode.FORBIDDEN) refused.set(index, error.message ?? 'This household is outside your regions');
      else failed.add(index);
    }
    return entities.map((entity, index): RegionAnswer => {
      const regionCode = entity?.[register]?.regionCode;
      if (typeof regionCode === 'string') return { regionCode };
      const message = refused.get(index);
      if (message !== undefined) return { refused: message };
      return failed.has(index) ? { failed: true } : { regionCode: null };
    });
  }

  return {
    async regionsOf(noKKs: readonly string[], principal: Principal, requestId: string | null = null): Promise<(string | null | Error)[]> {
      const answers = await Promise.allSettled(REGISTERS.map((register) => answersOf(register, noKKs, principal, requestId)));
      return noKKs.map((_, index) => {
        let refused: string | null = null;
        let unknown: Register | null = null;
        for (const [registerIndex, answer] of answers.entries()) {
          const register = REGISTERS[registerIndex] as Register;
          if (answer.status === 'rejected') {
            unknown ??= register;
            continue;
          }
          const found = answer.value[index];
          if (found && 'regionCode' in found && found.regionCode !== null) return found.regionCode;
          if (found && 'refused' in found) refused ??= found.refused;
          if (found && 'failed' in found) unknown ??= register;
        }
        if (refused !== null) return forbidden(refused);
        return unknown ? sourceUnavailable(unknown) : null;
      });
    },
  };
}

export type RegisterRegions = ReturnType<typeof createRegisterRegions>;
