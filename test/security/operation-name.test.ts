import { operationNameOf } from '../../gateway/auth/operation-name';

describe('the operation name kept in the audit trail', () => {
  it.each([
    ['the client names it', 'Chosen', { operationName: 'Chosen', query: 'query A { a } query Chosen { b }' }],
    ['the only operation is named', 'CaseFile', { query: 'query CaseFile($noKK: String!) { household(noKK: $noKK) { noKK } }' }],
    ['fragments come first', 'Visit', { query: 'fragment F on Household { noKK } query Visit { household(noKK: "1") { ...F } }' }],
    ['a variable default is an object', 'Find', { query: 'query Find($f: HouseholdFilter = { desilMax: 2 }) { households(filter: $f) { totalCount } }' }],
    ['the operation is anonymous', null, { query: 'query { ruleSet { version } }' }],
    ['the shorthand form is used', null, { query: '{ ruleSet { version } }' }],
    ['two operations and no choice', null, { query: 'query A { a } query B { b }' }],
    ['the document cannot be lexed', null, { query: 'query ¤ { a }' }],
    ['there is no query', null, {}],
  ])('when %s, then the name is %p', (_case, expected, body) => {
    expect(operationNameOf(body)).toBe(expected);
  });
});
