import { GraphQLError } from 'graphql';
import { parseFirst, parseRegionPrefix, toFamilyConnection } from '../../common/pagination';

function thrown(action: () => unknown): { message: string; extensions: unknown } {
  try {
    action();
  } catch (error) {
    if (error instanceof GraphQLError) return { message: error.message, extensions: error.extensions };
    throw error;
  }
  throw new Error('expected an error');
}

describe('parseFirst', () => {
  it('when first is absent, then the page size is 20', () => {
    expect([parseFirst(undefined), parseFirst(null)]).toEqual([20, 20]);
  });

  it('when first is from 1 to 100, then it is the page size', () => {
    expect([parseFirst(1), parseFirst(37), parseFirst(100)]).toEqual([1, 37, 100]);
  });

  it.each([0, -5, 101, 2.5])('when first is %p, then BAD_USER_INPUT names first', (first) => {
    expect(thrown(() => parseFirst(first))).toEqual({
      message: `first must be between 1 and 100, got ${first}`,
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
    });
  });
});

describe('parseRegionPrefix', () => {
  it('when the prefix is dotted or plain, then it becomes plain digits', () => {
    expect(['31', '31.72', '3172', '31.72.01', '3172011001', '31.72.01.1001'].map(parseRegionPrefix)).toEqual([
      '31',
      '3172',
      '3172',
      '317201',
      '3172011001',
      '3172011001',
    ]);
  });

  it('when there is no prefix, then there is no region filter', () => {
    expect([parseRegionPrefix(undefined), parseRegionPrefix(null)]).toEqual([null, null]);
  });

  it.each(['317', 'Jakarta', '31.7', '31..72', ''])('when the prefix is %p, then BAD_USER_INPUT names filter.regionPrefix', (prefix) => {
    expect(thrown(() => parseRegionPrefix(prefix))).toEqual({
      message: `filter.regionPrefix must be a region code prefix such as 31.72, 3172 or 3172011001, got "${prefix}"`,
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter.regionPrefix' },
    });
  });
});

describe('toFamilyConnection', () => {
  const cursorAfter = (position: { listingKey: string; noKK: string }) => `after ${position.listingKey}`;

  it('when a page has families, then the nodes are households by key and the end cursor points after the last', () => {
    const families = [
      { listingKey: '0a', noKK: '3172010000000002' },
      { listingKey: '0b', noKK: '3172010000000001' },
    ];
    const connection = toFamilyConnection({ families, hasNextPage: true, totalCount: 7 }, cursorAfter);

    expect(connection).toEqual({
      nodes: [{ noKK: '3172010000000002' }, { noKK: '3172010000000001' }],
      pageInfo: { endCursor: 'after 0b', hasNextPage: true },
      totalCount: 7,
    });
  });

  it('when a page is empty, then there is no end cursor', () => {
    expect(toFamilyConnection({ families: [], hasNextPage: false, totalCount: 0 }, cursorAfter)).toEqual({
      nodes: [],
      pageInfo: { endCursor: null, hasNextPage: false },
      totalCount: 0,
    });
  });
});
