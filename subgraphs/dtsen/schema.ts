import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { schemaDisclosure } from '../../common/auth/schema-disclosure';
import { requestState } from './context';
import type { DtsenDependencies } from './dependencies';
import { auditTrailResolvers } from './resolvers/audit-trail';
import { householdResolvers } from './resolvers/household';
import { personResolvers } from './resolvers/person';
import { queryResolvers } from './resolvers/query';

export { createDtsenContext, type DtsenContext } from './context';
export type { DtsenDependencies } from './dependencies';
export type { RegisterDirectory } from '../../subgraph-calls/register-directory';

export const DTSEN_SDL_PATH = path.join(__dirname, 'schema.graphql');

/**
 * The in-process dtsen subgraph. Every request's context must carry `dtsen` from
 * `createDtsenContext(deps, principal)` (the principal, per-request directory loaders and resolution
 * caches).
 */
export function buildDtsenSchema(deps: DtsenDependencies): GraphQLSchema {
  const schema = buildSubgraphSchema({
    typeDefs: parse(readFileSync(DTSEN_SDL_PATH, 'utf8')),
    resolvers: {
      Query: queryResolvers(deps),
      Household: householdResolvers(deps),
      Person: personResolvers(deps),
      AuditTrail: auditTrailResolvers(deps),
    },
  });
  return schemaDisclosure(schema).enforced((context: unknown) => requestState(context).principal);
}
