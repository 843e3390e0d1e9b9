import { parse, validate } from 'graphql';
import { composeSupergraph } from '../../gateway/supergraph/compose';
import { readSupergraphSdl } from '../../gateway/supergraph/subgraphs';
import { exampleOperations } from '../../gateway/playground/graphiql';

const composed = composeSupergraph();

describe('the committed supergraph', () => {
  it('composes from schema/*.graphql without errors', () => {
    expect(composed.ok ? [] : composed.errors).toEqual([]);
  });

  it('equals the committed file (run `npm run compose` after changing an SDL)', () => {
    expect(composed.ok && composed.supergraphSdl).toBe(readSupergraphSdl());
  });

  it('composes without hints, so no subgraph disagrees silently with another', () => {
    expect(composed.ok && composed.hints).toEqual([]);
  });
});

describe('the playground examples', () => {
  it.each(exampleOperations().map((example) => [example.file, example.query]))(
    '%s is a valid operation against the API schema',
    (_file, query) => {
      if (!composed.ok) throw new Error(composed.errors.join('\n'));

      expect(validate(composed.apiSchema, parse(query))).toEqual([]);
    },
  );
});
