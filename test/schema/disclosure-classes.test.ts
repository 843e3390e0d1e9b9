import { buildSchema, isObjectType } from 'graphql';
import { DISCLOSURE_CLASSES, schemaDisclosure } from '../../common/auth/schema-disclosure';
import { supergraphDisclosure } from '../../gateway/supergraph/disclosure';
import { readFileSync } from 'node:fs';
import { PARTNER_PROFILES } from '../../common/auth/contract-profiles';
import { PROGRAMMES } from '../../common/programmes';
import { contractPath, readApiSchemaSdl } from '../../gateway/supergraph/subgraphs';
import { EXPECTED_CLASSES } from './disclosure-expected';

// Every field a client can select has a disclosure class (`@disclosure` in its subgraph's SDL,
// composed into the supergraph), and the classes are those docs/security.md lists: a directive
// removed or changed fails here, and its behaviour in disclosure-enforced.test.ts.

const disclosure = supergraphDisclosure();
const api = buildSchema(readApiSchemaSdl());

/** `Type.field` of every field of the API schema's object types. */
const apiFields = Object.values(api.getTypeMap())
  .filter(isObjectType)
  .filter((type) => !type.name.startsWith('__'))
  .flatMap((type) => Object.keys(type.getFields()).map((field) => [type.name, field] as const));

/**
 * What a partner ministry may select (the hand-kept list the `@tag`s replaced; `*`: every field),
 * and since issue 17 its programme's history and eligibility changes between kept periods.
 */
const PARTNER_FIELDS: Readonly<Record<string, '*' | readonly string[]>> = {
  Query: ['household', 'person', 'ruleSet', 'eligibilityChanges'],
  Household: ['noKK', 'sources', 'members', 'region', 'desil', 'eligibility', 'targeting', 'history'],
  HouseholdPeriod: '*',
  PeriodDesil: '*',
  PeriodEligibility: '*',
  PeriodTargeting: '*',
  EligibilityChangeConnection: '*',
  EligibilityChange: '*',
  PageInfo: '*',
  Person: ['nik', 'name', 'sex', 'birthDate', 'age', 'alive', 'households', 'nikCheck', 'sources'],
  Region: '*',
  ResolvedDesil: '*',
  DesilCandidate: '*',
  ProgramEligibility: '*',
  TargetingStatus: '*',
  NikCheck: '*',
  RuleSetInfo: '*',
};

/** The change requests every partner contract holds, each partner seeing its programmes' alone (docs/changes.md). */
const CHANGE_REQUEST_FIELDS: Readonly<Record<string, '*' | readonly string[]>> = {
  Query: ['changeRequests'],
  Household: ['changeRequests'],
  ChangeRequest: '*',
  ChangeRequestConnection: '*',
  ChangeActor: '*',
  ChangeTransition: '*',
  ProposedMember: '*',
  NewFamilyPayload: '*',
  ProgramProposalPayload: '*',
  ObjectionPayload: '*',
  MemberEventPayload: '*',
  FieldChange: '*',
  HouseholdUpdatePayload: '*',
};

/** What a partner programme's contract holds beyond PARTNER_FIELDS: its own subgraph's API fields. */
const PARTNER_OWN_FIELDS: Readonly<Record<string, Readonly<Record<string, '*' | readonly string[]>>>> = {
  'partner-blt-dd': { Household: ['kemendes'], Person: ['kemendes', 'kemendesRecords'], KemendesReceipt: '*', KemendesRecipient: '*' },
  'partner-pbi-jk': { Household: ['bpjs'], Person: ['bpjs'], BpjsFamily: '*', BpjsEnrolment: '*' },
};

describe('the disclosure classes of the API schema', () => {
  it('when any field of schema/api.graphql is looked up in the supergraph, then it has a disclosure class (listed here when not)', () => {
    const without = apiFields.filter(([type, field]) => disclosure.field(type, field) === null).map(([type, field]) => `${type}.${field}`);

    expect(without).toEqual([]);
  });

  it('when the fields that are not PUBLIC are listed, then they are exactly the personal, sensitive, key and derived fields docs/security.md names', () => {
    const notPublic = Object.fromEntries(
      apiFields.flatMap(([type, field]) => {
        const found = disclosure.field(type, field);
        return found === null || found.class === 'PUBLIC' ? [] : [[`${type}.${field}`, found.class]];
      }),
    );

    expect(notPublic).toEqual(EXPECTED_CLASSES);
  });

  it.each(PROGRAMMES.map((programme) => PARTNER_PROFILES[programme]))('when the fields of the %s contract are listed, then they are the look-ups and resolved fields of the former allow-list, the change requests, plus the fields of its programme subgraph, nothing more', (profile) => {
    const contract = buildSchema(readFileSync(contractPath(profile), 'utf8'));
    const partnerFields = Object.values(contract.getTypeMap())
      .filter(isObjectType)
      .filter((type) => !type.name.startsWith('__'))
      .flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
    const expected = [...Object.entries(PARTNER_FIELDS), ...Object.entries(CHANGE_REQUEST_FIELDS), ...Object.entries(PARTNER_OWN_FIELDS[profile] ?? {})].flatMap(([type, fields]) =>
      (fields === '*' ? Object.keys((api.getType(type) as { getFields(): object }).getFields()) : fields).map((field) => `${type}.${field}`),
    );

    expect(partnerFields.sort()).toEqual(expected.sort());
  });

  it('when a field names a class the directive does not declare, then reading the schema fails naming it', () => {
    const schema = buildSchema(`
      directive @disclosure(class: String!) on FIELD_DEFINITION | OBJECT
      type Query { name: String @disclosure(class: "SECRET") }`);

    expect(() => schemaDisclosure(schema)).toThrow('@disclosure(class: SECRET) on Query.name is not a disclosure class');
  });

  it('when the classes are counted, then each class the directive declares is used by some field of the API', () => {
    const used = new Set(apiFields.map(([type, field]) => disclosure.field(type, field)?.class));

    expect(DISCLOSURE_CLASSES.filter((name) => !used.has(name))).toEqual([]);
  });
});
