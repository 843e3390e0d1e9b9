import { maskAddress, maskBirthDate, maskIdentifier, maskName } from '../../common/auth/masking';
import { generateBatch } from '../../seed/generator';
import { EVALUATION_DATE, generatedWorld } from '../resolution/generated-world';
import { EXPECTED_CLASSES } from '../schema/disclosure-expected';
import { startSystem, type RunningSystem } from '../support/system';
import { fullAccessToken, testToken } from '../support/tokens';

// What each disclosure class of docs/security.md does, field by field, through the running system:
// every field the SDL marks personal or sensitive (EXPECTED_CLASSES, which disclosure-classes.test.ts
// holds the SDL to) is read by a reader with every scope and by an analyst (no `pii`, no
// `sensitive`), and the analyst's value must be the full one masked, withheld or refused as its
// class says. A directive removed from the SDL leaves its field unmasked, and fails here.

/** Where each type is reached from a household; the audit trail's types are read only with `pii` (auditors). */
const PATHS: Readonly<Record<string, readonly string[]>> = {
  Household: [],
  DtksFamily: ['dtks'],
  DtksMember: ['dtks', 'members'],
  DtksReceipt: ['dtks', 'receipts'],
  RegsosekFamily: ['regsosek'],
  RegsosekMember: ['regsosek', 'members'],
  P3keFamily: ['p3ke'],
  P3keMember: ['p3ke', 'members'],
  KemendesReceipt: ['kemendes'],
  KemendesRecipient: ['kemendes', 'members'],
  BpjsFamily: ['bpjs'],
  BpjsEnrolment: ['bpjs', 'members'],
  Person: ['members'],
  NikCheck: ['members', 'nikCheck'],
  DataQualityIssue: ['dataQuality'],
};
const READ_ONLY_WITH_PII = ['AuditTrail', 'AuditEntry'];
/** The change requests' types: a fresh system holds none, so test/changes/change-requests.test.ts checks each of their fields the same way. */
const CHECKED_WITH_THE_CHANGE_REQUESTS = ['ChangeRequest', 'ChangeTransition', 'ProposedMember', 'NewFamilyPayload', 'ProgramProposalPayload', 'ObjectionPayload', 'MemberEventPayload', 'FieldChange'];
/** Object-typed fields need a selection of their own. */
const SUBSELECTIONS: Readonly<Record<string, string>> = { 'RegsosekMember.difficulty': '{ walking selfCare }' };

const MASKED_CLASSES = ['KEY', 'IDENTIFIER', 'NAME', 'ADDRESS', 'BIRTH_DATE', 'NIK_READING', 'SENSITIVE'] as const;
type MaskedClass = (typeof MASKED_CLASSES)[number];

const checked = Object.entries(EXPECTED_CLASSES).flatMap(([coordinate, disclosureClass]) => {
  const [type = '', field = ''] = coordinate.split('.');
  if (!(MASKED_CLASSES as readonly string[]).includes(disclosureClass) || READ_ONLY_WITH_PII.includes(type) || CHECKED_WITH_THE_CHANGE_REQUESTS.includes(type)) return [];
  return [{ coordinate, type, field, disclosureClass: disclosureClass as MaskedClass }];
});

interface Selection {
  readonly fields: Set<string>;
  readonly children: Map<string, Selection>;
}

function selectionOf(): string {
  const root: Selection = { fields: new Set(), children: new Map() };
  for (const { coordinate, type, field } of checked) {
    let node = root;
    for (const step of PATHS[type] ?? []) {
      const child = node.children.get(step) ?? { fields: new Set<string>(), children: new Map() };
      node.children.set(step, child);
      node = child;
    }
    node.fields.add(`${field} ${SUBSELECTIONS[coordinate] ?? ''}`);
  }
  const print = (node: Selection): string =>
    `{ ${[...node.fields, ...[...node.children].map(([name, child]) => `${name} ${print(child)}`)].join(' ')} }`;
  return print(root);
}

/** The values of `field` at the end of `path`, in answer order (lists flattened). */
function valuesAt(value: unknown, path: readonly string[], field: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path, field));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const [step, ...rest] = path;
  return step === undefined ? [record[field]] : valuesAt(record[step], rest, field);
}

const SHOWN: Readonly<Record<Exclude<MaskedClass, 'NIK_READING' | 'SENSITIVE'>, (value: string) => string>> = {
  KEY: maskIdentifier,
  IDENTIFIER: maskIdentifier,
  NAME: maskName,
  ADDRESS: maskAddress,
  BIRTH_DATE: maskBirthDate,
};

/** What a reader without `pii` and `sensitive` must get for a value the full reader got. */
function expectedWithoutScopes(disclosureClass: MaskedClass, full: unknown): unknown {
  if (disclosureClass === 'NIK_READING' || disclosureClass === 'SENSITIVE') return null;
  return typeof full === 'string' ? SHOWN[disclosureClass](full) : full;
}

describe('the disclosure classes, enforced by the running system', () => {
  // Jakarta has no desa: families of Nusa Tenggara Timur bring the Kemendes records.
  const jakarta = generatedWorld(60);
  const ntt = generateBatch({ seed: 36, start: 0, count: 60, evaluationDate: EVALUATION_DATE, region: '53' });
  const world = {
    dtks: [...jakarta.dtks, ...ntt.dtks],
    regsosek: [...jakarta.regsosek, ...ntt.regsosek],
    p3ke: [...jakarta.p3ke, ...ntt.p3ke],
    kemendes: ntt.kemendes,
    bpjs: [...jakarta.bpjs, ...ntt.bpjs],
  };
  const families = [...jakarta.regsosek.slice(0, 34).map((family) => family.noKK), ...ntt.kemendes.slice(0, 6).map((family) => family.noKK)];
  const query = `{ ${families.map((noKK, index) => `f${index}: household(noKK: "${noKK}") ${selectionOf()}`).join('\n')} }`;
  let system: RunningSystem;
  let full: { data?: Record<string, unknown>; errors?: unknown[] };
  let analyst: { data?: Record<string, unknown>; errors?: { path?: unknown[]; extensions?: { code?: string } }[] };

  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: world, evaluationDate: EVALUATION_DATE, resolve: true });
    full = (await system.query(query, undefined, await fullAccessToken())).body as typeof full;
    analyst = (await system.query(query, undefined, await testToken('analyst'))).body as typeof analyst;
  }, 120_000);
  afterAll(() => system.stop());

  it('when a reader with every scope reads every personal and sensitive field of 40 families, then it is answered without errors and each field holds a value somewhere', () => {
    const empty = checked
      .filter(({ type, field }) => !families.some((_noKK, index) => valuesAt(full.data?.[`f${index}`], PATHS[type] ?? [], field).some((value) => value !== null && value !== undefined)))
      .map(({ coordinate }) => coordinate);

    expect({ errors: full.errors, empty }).toEqual({ errors: undefined, empty: [] });
  });

  it.each(checked.map(({ coordinate, disclosureClass }) => [coordinate, disclosureClass]))(
    'when an analyst reads %s (%s), then it gets the full value masked, withheld or refused as the class says',
    (coordinate) => {
      const { type, field, disclosureClass } = checked.find((entry) => entry.coordinate === coordinate) ?? checked[0]!;
      const path = PATHS[type] ?? [];
      const fullValues = families.flatMap((_noKK, index) => valuesAt(full.data?.[`f${index}`], path, field));
      const analystValues = families.flatMap((_noKK, index) => valuesAt(analyst.data?.[`f${index}`], path, field));

      expect(analystValues).toEqual(fullValues.map((value) => expectedWithoutScopes(disclosureClass, value)));
    },
  );

  it('when an analyst reads the sensitive fields, then each is refused with FORBIDDEN and nothing else is', () => {
    const refused = new Set((analyst.errors ?? []).map((error) => `${String(error.path?.at(-1))} ${error.extensions?.code}`));
    const sensitive = checked.filter(({ disclosureClass }) => disclosureClass === 'SENSITIVE').map(({ field }) => `${field} FORBIDDEN`);

    expect([...refused].sort()).toEqual(sensitive.sort());
  });
});
