import type { ResolvedIndex } from './oracle';

/** Bad input to households and statistics: each refusal names its argument. */
export function badInputCases(resolved: () => ResolvedIndex): void {
  const error = (field: string, message: string, argumentName: string) => ({
    status: 200,
    body: { data: null, errors: [{ message, path: [field], extensions: { code: 'BAD_USER_INPUT', argumentName } }] },
  });

  it.each([
    ['households(filter: { regionPrefix: "3199" })', 'filter.regionPrefix 31.99 is not a known region', 'filter.regionPrefix'],
    [
      'households(filter: { regionPrefix: "Jakarta" })',
      'filter.regionPrefix must be a region code prefix such as 31.72, 3172 or 3172011001, got "Jakarta"',
      'filter.regionPrefix',
    ],
    ['households(filter: { desilMin: 5, desilMax: 2 })', 'filter.desilMin (5) must not be above filter.desilMax (2)', 'filter.desilMin'],
    ['households(filter: { desilMax: 11 })', 'filter.desilMax must be a desil from 1 to 10, got 11', 'filter.desilMax'],
    ['households(filter: { desilMin: 0 })', 'filter.desilMin must be a desil from 1 to 10, got 0', 'filter.desilMin'],
    ['households(first: 101)', 'first must be between 1 and 100, got 101', 'first'],
    ['households(after: "not-a-cursor")', 'after is not a cursor this listing returned for this filter', 'after'],
  ])('when %s, then BAD_USER_INPUT names the argument', async (call, message, argumentName) => {
    const response = await resolved().system.query(`{ ${call} { totalCount nodes { noKK } } }`);

    expect(response).toEqual(error('households', message, argumentName));
  });

  it.each([
    ['statistics(regionPrefix: "3172011001", level: CITY)', 'level CITY (codes of 4 digits) must be finer than regionPrefix 31.72.01.1001 (10 digits)', 'level'],
    ['statistics(regionPrefix: "3172", level: CITY)', 'level CITY (codes of 4 digits) must be finer than regionPrefix 31.72 (4 digits)', 'level'],
    ['statistics(regionPrefix: "39", level: CITY)', 'regionPrefix 39 is not a known region', 'regionPrefix'],
  ])('when %s, then BAD_USER_INPUT names the argument', async (call, message, argumentName) => {
    const response = await resolved().system.query(`{ ${call} { total { families } } }`);

    expect(response).toEqual(error('statistics', message, argumentName));
  });

  it('when a cursor of another listing or another filter is passed, then BAD_USER_INPUT names after', async () => {
    const cursorOf = async (query: string) => {
      const response = await resolved().system.query(query);
      const connection = Object.values(response.body.data ?? {})[0] as { pageInfo: { endCursor: string } };
      return connection.pageInfo.endCursor;
    };
    const ofRegsosek = await cursorOf('{ regsosekFamilies(first: 2) { pageInfo { endCursor } } }');
    const ofAnotherFilter = await cursorOf('{ households(first: 2, filter: { desilMax: 4 }) { pageInfo { endCursor } } }');
    const households = (after: string) => resolved().system.query('query ($after: String) { households(first: 2, after: $after) { nodes { noKK } } }', { after });

    expect([await households(ofRegsosek), await households(ofAnotherFilter)]).toEqual([
      error('households', 'after is not a cursor this listing returned for this filter', 'after'),
      error('households', 'after is not a cursor this listing returned for this filter', 'after'),
    ]);
  });
}
