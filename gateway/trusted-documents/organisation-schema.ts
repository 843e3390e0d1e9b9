import { buildSchema, type GraphQLSchema } from 'graphql';
import { PROFILES, type Profile } from '../../common/auth/contract-profiles';
import { readContractSdl } from '../supergraph/subgraphs';

export function isProfile(value: string): value is Profile {
  return (PROFILES as readonly string[]).includes(value);
}

/**
 * The schema an organisation's operations are registered against: the contract of the profile it
 * reads the API through (schema/contracts/<profile>.graphql, docs/partners.md), so registration
 * refuses what the gateway would refuse at run time. The one place that decides it; `npm run
 * schema:check` passes the contracts a schema change would make (`contractSdlOf`).
 */
export function schemaForOrganisation(organisation: string, profile: Profile, contractSdlOf: (profile: Profile) => string = readContractSdl): GraphQLSchema {
  if (organisation.trim() === '') throw new Error('An organisation is needed to choose its schema');
  return buildSchema(contractSdlOf(profile));
}
