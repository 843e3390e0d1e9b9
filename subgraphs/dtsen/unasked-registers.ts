import type { ApolloServerPlugin } from '@apollo/server';
import { REGISTERS, type Register } from '../../common/store-url';
import type { DtsenContext } from './context';

/**
 * "Could not be asked" travels in the representations the gateway sends to dtsen, in both
 * topologies: a register field (`p3keInput`, `p3keInputRecords`, at any depth) that is null because
 * the gateway's call to that register failed in this request is left out, and dtsen reads absent as
 * "could not be asked", null as "not held" (representation.ts). The request body is signed with the
 * principal, and a field left out only makes an answer less complete, never more.
 *
 * The way back: the dtsen service asks the registers itself (the register directory, for
 * `household(noKK)`), and in process those failures land in the gateway's own SourceCalls, so the
 * gateway does not wait for the same register again. The service's answers name the registers its
 * calls failed for in `extensions.unaskedRegisters`, and the gateway adds them to its request's.
 */
function registerOf(field: string): Register | undefined {
  return REGISTERS.find((register) => field === `${register}Input` || field === `${register}InputRecords`);
}

function withoutUnasked(value: unknown, unavailable: ReadonlySet<Register>): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutUnasked(item, unavailable));
  if (value === null || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [field, fieldValue] of Object.entries(value)) {
    const register = registerOf(field);
    if (fieldValue === null && register && unavailable.has(register)) continue;
    kept[field] = withoutUnasked(fieldValue, unavailable);
  }
  return kept;
}

/** The entity fetch to dtsen with the null fields of the registers `unavailable` names left out of its representations. */
export function markUnaskedRegisters(request: { variables?: Record<string, unknown> }, unavailable: ReadonlySet<Register> | undefined): void {
  const representations = request.variables?.['representations'];
  if (!unavailable?.size || !Array.isArray(representations)) return;
  request.variables = { ...request.variables, representations: withoutUnasked(representations, unavailable) };
}

const EXTENSION = 'unaskedRegisters';

/** The dtsen service's answers name the registers its own calls failed for in this request. */
export function unaskedRegistersPlugin(): ApolloServerPlugin<DtsenContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const unavailable = contextValue.dtsen.sourceCalls.unavailable;
          if (unavailable.size === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [EXTENSION]: [...unavailable] };
        },
      };
    },
  };
}

/** Adds the registers a dtsen service's answer names as failed to the gateway request's; anything else in it is ignored. */
export function recordUnaskedRegisters(extensions: Record<string, unknown> | undefined, unavailable: Set<Register> | undefined): void {
  const named = extensions?.[EXTENSION];
  if (!unavailable || !Array.isArray(named)) return;
  for (const register of REGISTERS) if (named.includes(register)) unavailable.add(register);
}
