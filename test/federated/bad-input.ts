import type { RunningSystem } from '../support/system';

/** Bad input through the gateway: each refusal names its argument. */
export function badInputCases(system: () => RunningSystem): void {
  const badUserInput = (message: string, argumentName: string, path: string[]) => ({
    message,
    path,
    extensions: { code: 'BAD_USER_INPUT', argumentName },
  });

  it('when the No. KK is not 16 digits, then BAD_USER_INPUT names noKK', async () => {
    const response = await system().query('{ household(noKK: "31720115061000") { noKK } }');

    expect(response).toEqual({
      status: 200,
      body: {
        data: { household: null },
        errors: [badUserInput('noKK must be 16 digits', 'noKK', ['household'])],
      },
    });
  });

  it('when the NIK has letters, then BAD_USER_INPUT names nik', async () => {
    const response = await system().query('{ person(nik: "31720112O3850001") { nik } }');

    expect(response).toEqual({
      status: 200,
      body: {
        data: { person: null },
        errors: [badUserInput('nik must be 16 digits', 'nik', ['person'])],
      },
    });
  });

  it.each([
    ['dtksFamilies', 'first: 101', 'first'],
    ['regsosekFamilies', 'first: 0', 'first'],
    ['p3keFamilies', 'after: "not-a-cursor"', 'after'],
    ['regsosekFamilies', 'filter: { regionPrefix: "Jakarta" }', 'filter.regionPrefix'],
    ['regsosekFamilies', 'filter: { desilMin: 5, desilMax: 2 }', 'filter.desilMin'],
  ])('when %s gets %s, then BAD_USER_INPUT names %s and nothing else leaks', async (listing, args, argumentName) => {
    const response = await system().query(`{ ${listing}(${args}) { totalCount nodes { noKK } } }`);

    expect(response.status).toBe(200);
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toEqual([
      {
        message: expect.stringContaining(argumentName.replace('filter.', '')),
        path: [listing],
        extensions: { code: 'BAD_USER_INPUT', argumentName },
      },
    ]);
  });

  it('when the query does not parse, then GRAPHQL_PARSE_FAILED comes back without a stack trace', async () => {
    const response = await system().query('{ household(noKK: ');

    expect(response).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Syntax Error: Unexpected <EOF>.',
            locations: [{ line: 1, column: 19 }],
            extensions: { code: 'GRAPHQL_PARSE_FAILED' },
          },
        ],
      },
    });
  });
}
