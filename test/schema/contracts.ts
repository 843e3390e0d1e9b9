import { readdirSync, readFileSync } from 'node:fs';
import { PROFILES } from '../../common/auth/contract-profiles';
import type { ContractsResult } from '../../gateway/supergraph/contracts';
import { CONTRACTS_DIR, contractPath } from '../../gateway/supergraph/subgraphs';

/** schema/contracts' cases, over the registry's SDLs as composed into contracts (composition.test.ts). */
export function contractsCases(composed: () => ContractsResult): void {
  describe('schema/contracts, one API schema per consumer profile', () => {
    it.each([...PROFILES])('when the SDLs are composed, then the %s contract equals its committed file (run `npm run compose` after changing an SDL)', (profile) => {
      const result = composed();
      if (!result.ok) throw new Error(result.errors.join('\n'));

      expect(result.contracts[profile]).toBe(readFileSync(contractPath(profile), 'utf8'));
    });

    it('when the folder is listed, then it holds one file per profile and no other', () => {
      expect(readdirSync(CONTRACTS_DIR).sort()).toEqual(PROFILES.map((profile) => `${profile}.graphql`).sort());
    });
  });
}
