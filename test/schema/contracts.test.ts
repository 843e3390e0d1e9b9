import { readdirSync, readFileSync } from 'node:fs';
import { PROFILES } from '../../common/auth/contract-profiles';
import { composeContracts } from '../../gateway/supergraph/contracts';
import { CONTRACTS_DIR, contractPath } from '../../gateway/supergraph/subgraphs';

const composed = composeContracts();

describe('schema/contracts, one API schema per consumer profile', () => {
  it.each([...PROFILES])('when the SDLs are composed, then the %s contract equals its committed file (run `npm run compose` after changing an SDL)', (profile) => {
    if (!composed.ok) throw new Error(composed.errors.join('\n'));

    expect(composed.contracts[profile]).toBe(readFileSync(contractPath(profile), 'utf8'));
  });

  it('when the folder is listed, then it holds one file per profile and no other', () => {
    expect(readdirSync(CONTRACTS_DIR).sort()).toEqual(PROFILES.map((profile) => `${profile}.graphql`).sort());
  });
});
