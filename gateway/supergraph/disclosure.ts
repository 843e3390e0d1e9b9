import { buildASTSchema, parse } from 'graphql';
import { schemaDisclosure, type SchemaDisclosure } from '../../common/auth/schema-disclosure';
import { readSupergraphSdl } from './subgraphs';

/**
 * The `@disclosure` classes as composed into the supergraph (`@composeDirective`): the API schema
 * Apollo serves drops applied directives, so the gateway reads them from the supergraph it loads.
 */
export function supergraphDisclosure(supergraphSdl: string = readSupergraphSdl()): SchemaDisclosure {
  return schemaDisclosure(buildASTSchema(parse(supergraphSdl, { noLocation: true }), { assumeValidSDL: true }));
}
