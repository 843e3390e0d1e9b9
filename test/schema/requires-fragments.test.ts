import { readFileSync } from 'node:fs';
import {
  printRequiresFragments,
  REQUIRES_FRAGMENTS_PATH,
  requiresFragments,
} from '../../gateway/supergraph/requires-fragments';
import { readSubgraphSdl } from '../../gateway/supergraph/subgraphs';

describe('the @requires selections of subgraphs/dtsen/schema.graphql', () => {
  it('when they are extracted, then generated/requires/requires.graphql holds exactly them (run `npm run compose`)', () => {
    expect(readFileSync(REQUIRES_FRAGMENTS_PATH, 'utf8')).toBe(printRequiresFragments());
  });

  it('when they are grouped, then every field shares one of the five known selections, so a change made to one field and not to its siblings fails', () => {
    expect(requiresFragments().map(({ name, fields }) => `${name}: ${fields.join(' ')}`)).toEqual([
      'HouseholdSourcesRequires: sources unavailableSources members region desil eligibility targeting',
      'HouseholdDataQualityRequires: dataQuality',
      'PersonSourcesRequires: sources households',
      'PersonNameRequires: name sex birthDate age alive',
      'AuditTrailIndexRequires: index',
    ]);
  });

  it('when one field asks for one more field, then that field gets a selection of its own', () => {
    const sdl = readSubgraphSdl('dtsen').replace(
      'region: Region\n    @requires(fields: "dtksInput { noKK regionCode',
      'region: Region\n    @requires(fields: "dtksInput { noKK rt regionCode',
    );

    expect(requiresFragments(sdl).map(({ name, fields }) => `${name}: ${fields.join(' ')}`)).toEqual([
      'HouseholdSourcesRequires: sources unavailableSources members desil eligibility targeting',
      'HouseholdRegionRequires: region',
      'HouseholdDataQualityRequires: dataQuality',
      'PersonSourcesRequires: sources households',
      'PersonNameRequires: name sex birthDate age alive',
      'AuditTrailIndexRequires: index',
    ]);
  });
});
