import { parse, validate } from 'graphql';
import { composeSupergraph } from '../../gateway/supergraph/compose';
import { readSupergraphSdl } from '../../gateway/supergraph/subgraphs';
import { exampleOperations } from '../../gateway/playground/graphiql';

describe('the committed supergraph', () => {
  it('composes from schema/*.graphql without errors and equals the committed file (run `npm run compose` after changing an SDL)', () => {
    const result = composeSupergraph();

    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.supergraphSdl).toBe(readSupergraphSdl());
  });

  it('composes without hints, so no subgraph disagrees silently with another', () => {
    const result = composeSupergraph();

    expect(result.ok && result.hints).toEqual([]);
  });
});

describe('the playground examples', () => {
  const composed = composeSupergraph();
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const { apiSchema } = composed;

  it.each(exampleOperations().map((example) => [example.file, example.query]))(
    '%s is a valid operation against the API schema',
    (_file, query) => {
      expect(validate(apiSchema, parse(query))).toEqual([]);
    },
  );
});
