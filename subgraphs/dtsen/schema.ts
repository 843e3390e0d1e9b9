import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { schemaDisclosure } from '../../common/auth/schema-disclosure';
import { requestState, type DtsenContext } from './context';
import type { DtsenDependencies } from './dependencies';
import type { Resolvers } from './generated/resolvers-types';
import { auditTrailResolvers } from './resolvers/audit-trail';
import { eligibilityChangeResolvers } from './resolvers/eligibility-changes';
import { householdResolvers } from './resolvers/household';
import { personResolvers } from './resolvers/person';
import { queryResolvers } from './resolvers/query';

export { createDtsenContext, type DtsenContext } from './context';
export type { DtsenDependencies } from './dependencies';
export type { RegisterDirectory } from '../../subgraph-calls/register-directory';

export const DTSEN_SDL_PATH = path.join(__dirname, 'schema.graphql');

/**
 * The generated resolver map, but for what the entities' `__resolveReference` receives: the generated
 * reference type lists every combination of @requires selections, representation.ts reads them
 * field by field (household.ts).
 */
export type DtsenResolvers = Omit<Resolvers, 'Household' | 'Person'> & {
  readonly Household: ReturnType<typeof householdResolvers>;
  readonly Person: ReturnType<typeof personResolvers>;
};

/**
 * The in-process dtsen subgraph. Every request's context must carry `dtsen` from
 * `createDtsenContext(deps, principal)` (the principal, per-request directory loaders and resolution
 * caches).
 */
export function buildDtsenSchema(deps: DtsenDependencies): GraphQLSchema {
  const schema = buildSubgraphSchema([{ typeDefs: parse(readFileSync(DTSEN_SDL_PATH, 'utf8')), resolvers: dtsenResolvers(deps) }]);
  return schemaDisclosure(schema).enforced((context: DtsenContext) => requestState(context).principal);
}

/** dtsen's resolvers by type and field; resolver-maps.test.ts checks them against the SDL. */
export function dtsenResolvers(deps: DtsenDependencies): DtsenResolvers {
  return {
    Query: queryResolvers(deps),
    Household: householdResolvers(deps),
    Person: personResolvers(deps),
    AuditTrail: auditTrailResolvers(deps),
    EligibilityChange: eligibilityChangeResolvers(),
  };
}
