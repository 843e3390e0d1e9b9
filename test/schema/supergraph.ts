import { parse, validate } from 'graphql';
import type { CompositionResult } from '../../gateway/supergraph/compose';
import { readSupergraphSdl } from '../../gateway/supergraph/subgraphs';
import { exampleOperations } from '../../gateway/playground/graphiql';

/** The committed supergraph's cases, over the registry's SDLs as composed (composition.test.ts). */
export function supergraphCases(composed: () => CompositionResult): void {
  describe('the committed supergraph', () => {
    it('composes from schema/*.graphql without errors', () => {
      const result = composed();

      expect(result.ok ? [] : result.errors).toEqual([]);
    });

    it('equals the committed file (run `npm run compose` after changing an SDL)', () => {
      const result = composed();

      expect(result.ok && result.supergraphSdl).toBe(readSupergraphSdl());
    });

    it('composes without hints, so no subgraph disagrees silently with another', () => {
      const result = composed();

      expect(result.ok && result.hints).toEqual([]);
    });
  });

  describe('the playground examples', () => {
    it.each(exampleOperations().map((example) => [example.file, example.query]))(
      '%s is a valid operation against the API schema',
      (_file, query) => {
        const result = composed();
        if (!result.ok) throw new Error(result.errors.join('\n'));

        expect(validate(result.apiSchema, parse(query))).toEqual([]);
      },
    );
  });
}
