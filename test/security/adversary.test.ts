import type { GeneratedBatch } from '../../seed/generator';
import { EVALUATION_DATE, generatedWorld } from '../resolution/generated-world';
import { storeKinds } from '../support/stores';
import { startSystem, type RunningSystem } from '../support/system';
import { fullAccessToken, testToken } from '../support/tokens';

// An insider holds a token of a role that sees NIKs and No. KKs masked (frontend, analyst), or one
// bound to a region (a caseworker of Jakarta Pusat), and tries to recover what it may not see:
// the hidden digits of a masked NIK or No. KK (digits 5-12: district of registration and birth or
// issue date), the birth dates, names and addresses behind them, or another region's families.
// Every path a client can take is tried (docs/security.md, "Attacks the suite tries"): look-ups
// with every field, through aliases and fragments, the listings page by page, crafted and
// borrowed cursors, the listings' order, every filter, the CSV export, errors, and guessing a
// masked NIK by looking candidates up.

const LOOKUP_MISSES_PER_HOUR = 30;

const PERSON_FIELDS = `
  nik name sex birthDate age alive sources
  households { noKK }
  nikCheck { valid problem birthDate sex districtCode }
  dtks { nik noKK name birthDate }
  regsosekRecords { nik noKK name birthDate }
  p3keRecords { nik noKK name birthDate }`;

const FAMILY_FIELDS = `
  noKK sources unavailableSources
  dtks { dtksId noKK regionCode address rt rw verificationStatus verifiedAt active welfarePercentile receipts { program since status } members { nik noKK name birthDate person { nik } } }
  regsosek { noKK regionCode address rt rw familyStatus ranking { desil percentile version rankedAt } members { nik noKK name birthDate presence schoolLevel employmentStatus person { id: nik } } }
  p3ke { noKK regionCode address rt rw desil extremePoor members { nik noKK name birthDate inSchool person { nik } } }
  members { ...PersonFields }
  region { code dottedCode village district city villageKind source }
  desil { value source rankingVersion conflict candidates { source value } complete }
  eligibility { program eligible reasons estimatedAnnualBenefit beneficiaries ruleSet complete }
  targeting { program receiving eligible status complete }
  dataQuality { code sources nik detail }`;

/** Every field of a family and its members, asked directly, under aliases and through inline and named fragments. */
const EVERYTHING_OF_A_FAMILY = `query Everything($noKK: String!) {
  family: household(noKK: $noKK) { ...Family key: noKK }
  again: household(noKK: $noKK) { ... on Household { k: noKK members { n: nik ... on Person { born: birthDate } } } }
}
fragment Family on Household { ${FAMILY_FIELDS} }
fragment PersonFields on Person { ${PERSON_FIELDS} }`;

const EVERYTHING_OF_A_PERSON = `query Person($nik: String!) { person(nik: $nik) { ...PersonFields households { ...Family } } }
fragment Family on Household { ${FAMILY_FIELDS} }
fragment PersonFields on Person { ${PERSON_FIELDS} }`;

interface Secrets {
  /** Whole NIKs and No. KKs. */
  readonly identifiers: ReadonlySet<string>;
  /** Digits 5-12 of each: what a mask hides. */
  readonly hiddenDigits: ReadonlySet<string>;
  /** Digits 7-12 of each NIK: the birth date it encodes. */
  readonly encodedDates: ReadonlySet<string>;
  /** YYYY-MM-DD. */
  readonly birthDates: ReadonlySet<string>;
  readonly namesAndAddresses: readonly string[];
}

function secretsOf(families: Pick<GeneratedBatch, 'dtks' | 'regsosek' | 'p3ke'>): Secrets {
  const all = [...families.dtks, ...families.regsosek, ...families.p3ke];
  const members = all.flatMap((family) => family.members);
  const identifiers = new Set([...all.map((family) => family.noKK), ...members.map((member) => member.nik)]);
  return {
    identifiers,
    hiddenDigits: new Set([...identifiers].filter((value) => value.length === 16).map((value) => value.slice(4, 12))),
    encodedDates: new Set(members.map((member) => member.nik.slice(6, 12))),
    birthDates: new Set(members.map((member) => member.birthDate)),
    // Names of one short word could stand in a village's name; addresses and longer names cannot.
    namesAndAddresses: [...new Set([...members.map((member) => member.name), ...all.map((family) => family.address)])].filter((text) => text.length >= 8),
  };
}

/** Every string of an answer, and what a string that looks like base64url decodes to (a cursor's contents). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return /^[A-Za-z0-9_-]{16,}$/.test(value) ? [value, Buffer.from(value, 'base64url').toString('latin1')] : [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Every value of a field with one of these names, anywhere in the answer. */
function valuesNamed(value: unknown, names: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesNamed(item, names));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, field]) => (names.includes(key) ? [field] : valuesNamed(field, names)));
}

/** What of `secrets` the answer gives away, described (never the secret itself, so a failure does not print one). */
function leaks(answer: unknown, secrets: Secrets): string[] {
  const found: string[] = [];
  for (const text of stringsOf(answer)) {
    for (const run of text.match(/\d+/g) ?? []) {
      if (secrets.identifiers.has(run)) found.push('a whole NIK or No. KK');
      for (let start = 0; start + 8 <= run.length; start += 1) if (secrets.hiddenDigits.has(run.slice(start, start + 8))) found.push('the hidden digits of a NIK or No. KK');
      if (run.length === 6 && secrets.encodedDates.has(run)) found.push('the birth date digits of a NIK');
    }
    for (const date of text.match(/\d{4}-\d\d-\d\d/g) ?? []) if (secrets.birthDates.has(date)) found.push('a birth date');
    if (secrets.namesAndAddresses.some((secret) => text.includes(secret))) found.push('a name or an address');
  }
  return [...new Set(found)];
}

/**
 * Whether an order of keys follows their sorted order: exactly, or by Spearman's rank correlation
 * beyond what a random order reaches once in a hundred thousand draws (4.4 standard deviations,
 * 1/√(n-1) each), so that a random order never fails the test.
 */
function followsSortedOrder(order: readonly string[]): boolean {
  const sorted = [...order].sort();
  const n = order.length;
  if (order.every((key, rank) => key === sorted[rank])) return true;
  const squared = order.reduce((sum, key, rank) => sum + (rank - sorted.indexOf(key)) ** 2, 0);
  return Math.abs(1 - (6 * squared) / (n * (n * n - 1))) > 4.4 / Math.sqrt(n - 1);
}

type Connection = { nodes: { noKK: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };

describe.each(storeKinds())('an insider trying to recover masked or out-of-region data (%s)', (kind) => {
  const world = generatedWorld(60);
  const secrets = secretsOf(world);
  const families = world.regsosek.slice(0, 4).map((family) => family.noKK);
  let system: RunningSystem;
  let origin: string;
  const tokens: Record<'frontend' | 'analyst' | 'full', string> = { frontend: '', analyst: '', full: '' };

  beforeAll(async () => {
    system = await startSystem({ store: kind, data: world, evaluationDate: EVALUATION_DATE, resolve: true, lookupMissesPerHour: LOOKUP_MISSES_PER_HOUR });
    origin = new URL(system.gatewayUrl).origin;
    tokens.frontend = await testToken('frontend');
    tokens.analyst = await testToken('analyst');
    tokens.full = await fullAccessToken();
  }, 120_000);
  afterAll(() => system.stop());

  /** Every node of a listing, page by page along its cursors, with every page's answer. */
  async function walk(listing: string, token: string, filter = '', pageSize = 25) {
    const pages: unknown[] = [];
    const nodes: string[] = [];
    let after: string | null = null;
    do {
      const response = await system.query(
        `query ($after: String) { page: ${listing}(first: ${pageSize}, after: $after${filter ? `, filter: ${filter}` : ''}) { nodes { noKK } pageInfo { endCursor hasNextPage } } }`,
        { after },
        token,
      );
      pages.push(response.body);
      const page = response.body.data?.['page'] as Connection;
      nodes.push(...page.nodes.map((node) => node.noKK));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    return { pages, nodes };
  }

  // Look-ups are answered by the registers' SQL, the same on both kinds (test/subgraphs runs it on
  // MariaDB), and what is under test is the masking: on SQLite only. The listings, the export and
  // the region scope below run on both, for their order and scoping are each store's own SQL.
  if (kind === 'sqlite') {
    it.each(['frontend', 'analyst'] as const)(
      'when the %s looks families and their members up with every field, under aliases and through fragments, then no answer holds a hidden digit, a birth date, a name or an address',
      async (role) => {
        const answers: unknown[] = [];
        for (const noKK of families) {
          const family = await system.query(EVERYTHING_OF_A_FAMILY, { noKK }, tokens[role]);
          answers.push(family.body);
          const members = (family.body.data?.['family'] as { members: unknown[] }).members;
          expect(members.length).toBeGreaterThan(0);
        }
        for (const member of world.regsosek.slice(0, 4).flatMap((family) => family.members.slice(0, 2))) {
          answers.push((await system.query(EVERYTHING_OF_A_PERSON, { nik: member.nik }, tokens[role])).body);
        }

        expect(leaks(answers, secrets)).toEqual([]);
        // RT and RW sit beside the village code: with them a masked address would be half told.
        expect([...new Set(valuesNamed(answers, ['rt', 'rw']))]).toEqual(['***']);
        // The same questions with full access do show them: the scan finds what it looks for.
        const full = await system.query(EVERYTHING_OF_A_FAMILY, { noKK: families[0] }, tokens.full);
        expect(leaks(full.body, secrets)).toEqual(expect.arrayContaining(['a whole NIK or No. KK', 'a birth date']));
      },
    );
  }

  it.each(['households', 'dtksFamilies', 'regsosekFamilies', 'p3keFamilies'])(
    'when an analyst walks %s page by page, then neither the pages nor their cursors hold a hidden digit, and the order tells nothing about the hidden digits',
    async (listing) => {
      const { pages, nodes } = await walk(listing, tokens.analyst);
      const ordered = await walk(listing, tokens.full);

      // The listing's order is the same for every reader; a caller who sees only masked keys
      // could read the hidden digits' order off it if it followed the No. KK.
      expect({ leaks: leaks(pages, secrets), listed: nodes.length, orderFollowsNoKK: followsSortedOrder(ordered.nodes) }).toEqual({
        leaks: [],
        listed: ordered.nodes.length,
        orderFollowsNoKK: false,
      });
      expect(ordered.nodes.length).toBeGreaterThan(5);
    },
  );

  it('when an analyst tries every filter of households, then no page holds a hidden digit', async () => {
    const filters = [
      '{ regionPrefix: "31.71" }',
      '{ desilMin: 1, desilMax: 4 }',
      '{ eligibleFor: PKH }',
      '{ targeting: { program: PBI_JK, status: EXCLUSION_ERROR } }',
      '{ dataQuality: KK_MISMATCH }',
      '{ inRegister: DTKS, notInRegister: P3KE }',
    ];
    const pages = [];
    for (const filter of filters) pages.push(...(await walk('households', tokens.analyst, filter, 100)).pages);

    expect(leaks(pages, secrets)).toEqual([]);
  });

  it('when an analyst writes its own cursor, alters one, or carries one to another listing or filter, then each is refused with BAD_USER_INPUT naming after', async () => {
    const issued = (await system.query('{ households(first: 2, filter: { desilMax: 6 }) { pageInfo { endCursor } } }', {}, tokens.analyst)).body.data?.[
      'households'
    ] as Connection;
    const cursor = issued.pageInfo.endCursor as string;
    const altered = Buffer.from(cursor, 'base64url');
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    const readable = (noKK: string) => Buffer.from(JSON.stringify({ v: 1, k: noKK }), 'utf8').toString('base64url');
    const attempts = [
      ['households', '{ desilMax: 6 }', readable(world.regsosek[0]?.noKK ?? '')],
      ['households', '{ desilMax: 6 }', readable('3171000000000000')],
      ['households', '{ desilMax: 6 }', altered.toString('base64url')],
      ['households', '{ desilMax: 7 }', cursor],
      ['regsosekFamilies', '{ desilMax: 6 }', cursor],
    ];

    const answers = [];
    for (const [listing, filter, after] of attempts) {
      const response = await system.query(`query ($after: String) { page: ${listing}(first: 1, after: $after, filter: ${filter}) { nodes { noKK } } }`, { after }, tokens.analyst);
      answers.push({ data: response.body.data, codes: response.body.errors?.map((error) => [error['extensions'], error['message']]) });
    }

    const refused = {
      data: null,
      codes: [[{ code: 'BAD_USER_INPUT', argumentName: 'after' }, 'after is not a cursor this listing returned for this filter']],
    };
    expect(answers).toEqual(attempts.map(() => refused));
  });

  it('when an analyst downloads the CSV export, then it holds no whole No. KK or hidden digit, and its order tells nothing about them', async () => {
    const response = await fetch(`${origin}/export/households.csv`, { headers: { authorization: `Bearer ${tokens.analyst}` } });
    const rows = (await response.text()).split('\n').slice(1, -1);
    const full = await fetch(`${origin}/export/households.csv`, { headers: { authorization: `Bearer ${tokens.full}` } });
    const order = (await full.text()).split('\n').slice(1, -1).map((row) => row.split(',')[0] ?? '');

    expect({ status: response.status, leaks: leaks(rows, secrets), rows: rows.length, orderFollowsNoKK: followsSortedOrder(order) }).toEqual({
      status: 200,
      leaks: [],
      rows: order.length,
      orderFollowsNoKK: false,
    });
  });

  it('when a caseworker of Jakarta Pusat reaches for another region, by look-up, listing, export or error, then it learns nothing of that region but that a No. KK it typed exists', async () => {
    const caseworker = await testToken('caseworker', { regions: ['31.71'] });
    const elsewhere = { dtks: [], regsosek: world.regsosek.filter((family) => !family.regionCode.startsWith('3171')), p3ke: [] };
    const outside = secretsOf(elsewhere);
    const typed = elsewhere.regsosek.slice(0, 3).map((family) => family.noKK);
    const answers = [];
    for (const noKK of typed) answers.push((await system.query(EVERYTHING_OF_A_FAMILY, { noKK }, caseworker)).body);
    for (const member of elsewhere.regsosek.slice(0, 3).flatMap((family) => family.members)) {
      answers.push((await system.query(EVERYTHING_OF_A_PERSON, { nik: member.nik }, caseworker)).body);
    }
    answers.push(...(await walk('households', caseworker)).pages, ...(await walk('regsosekFamilies', caseworker)).pages);
    const exported = await fetch(`${origin}/export/households.csv`, { headers: { authorization: `Bearer ${caseworker}` } });
    answers.push(await exported.text());

    const typedSecrets = new Set([...typed, ...typed.map((noKK) => noKK.slice(4, 12))]);
    const withoutTyped: Secrets = {
      ...outside,
      identifiers: new Set([...outside.identifiers].filter((value) => !typedSecrets.has(value))),
      hiddenDigits: new Set([...outside.hiddenDigits].filter((value) => !typedSecrets.has(value))),
    };
    expect({ outsideFamilies: elsewhere.regsosek.length > 3, leaks: leaks(answers, withoutTyped) }).toEqual({ outsideFamilies: true, leaks: [] });
  });

  // The budget of look-ups that find nothing is the gateway's, whatever the store: on SQLite only.
  if (kind === 'sqlite') {
    it('when an analyst guesses a masked NIK by looking candidates up, a hundred aliases at a time, then it is stopped once its look-ups that find nothing reach the hourly budget', async () => {
      const guesser = await testToken('analyst', { subject: 'guesser' });
      const target = world.regsosek[0]?.members[0]?.nik ?? '';
      // Candidates keep the masked NIK's visible digits and vary the hidden birth date; the real one comes last.
      const candidates = Array.from({ length: 99 }, (_, i) => `${target.slice(0, 6)}${String(100001 + i)}${target.slice(12)}`.slice(0, 16)).concat(target);
      const guess = (niks: readonly string[]) =>
        system.query(`query Guess { ${niks.map((nik, i) => `g${i}: person(nik: "${nik}") { nik }`).join(' ')} }`, {}, guesser);

      const allAtOnce = await guess(candidates);
      const withinBudget = await guess(candidates.slice(0, LOOKUP_MISSES_PER_HOUR));
      const afterBudget = await guess(candidates.slice(-1));

      const refusal = (left: number, asked: number) => ({
        status: 429,
        body: {
          errors: [
            {
              message: `Too many look-ups that found nothing: at most ${LOOKUP_MISSES_PER_HOUR} an hour, ${left} left, and this operation makes ${asked}`,
              extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
            },
          ],
        },
      });
      expect({
        allAtOnce,
        withinBudget: { status: withinBudget.status, found: Object.values(withinBudget.body.data ?? {}).filter((found) => found !== null).length },
        afterBudget,
      }).toEqual({
        allAtOnce: refusal(LOOKUP_MISSES_PER_HOUR, 100),
        withinBudget: { status: 200, found: 0 },
        afterBudget: refusal(0, 1),
      });
    });
  }
});
