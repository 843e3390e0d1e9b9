import { PRINCIPAL_HEADER } from '../../common/auth/signature';
import type { Register } from '../../common/store-url';
import { createHttpRegisterDirectory } from '../../subgraph-calls/register-directory-http';
import type { TimedFetch } from '../../subgraph-calls/subgraph-fetch';
import { testPrincipal } from '../support/principals';

const URLS: Record<Register, string> = { dtks: 'http://dtks.test/graphql', regsosek: 'http://regsosek.test/graphql', p3ke: 'http://p3ke.test/graphql', kemendes: 'http://kemendes.test/graphql', bpjs: 'http://bpjs.test/graphql' };
const REGISTER_OF = Object.fromEntries(Object.entries(URLS).map(([register, url]) => [url, register as Register]));

const INSIDE = '3171010101250001';
const OUTSIDE = '3172010101250001';
const UNKNOWN = '3171010101259999';

type Answer = 'held' | 'absent' | 'forbidden' | 'failed' | `in ${string}`;

interface Sent {
  readonly register: Register;
  readonly principal: unknown;
  readonly query: string;
}

/**
 * Registers as the fetcher sees them: each answers `_entities` per key as the table says (keys it
 * does not name are absent), or fails with HTTP 502 when `down`.
 */
function fakeRegisters(answers: Partial<Record<Register, Record<string, Answer>>>, down: readonly Register[] = []) {
  const sent: Sent[] = [];
  const fetcher: TimedFetch = async (url, init) => {
    const register = REGISTER_OF[url] as Register;
    const headers = new Headers(init?.headers);
    const encoded = headers.get(PRINCIPAL_HEADER);
    const body = JSON.parse(String(init?.body)) as { query: string; variables: { representations: { noKK?: string; nik?: string }[] } };
    sent.push({ register, principal: encoded && JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')), query: body.query });
    if (down.includes(register)) return new Response('bad gateway', { status: 502 });
    const errors: unknown[] = [];
    const entities = body.variables.representations.map((representation, index) => {
      const key = representation.noKK ?? representation.nik ?? '';
      const answer = answers[register]?.[key] ?? 'absent';
      if (answer === 'forbidden') {
        errors.push({ message: 'This family is outside your regions', path: ['_entities', index, register], extensions: { code: 'FORBIDDEN' } });
      }
      if (answer === 'failed') {
        errors.push({ message: 'Internal server error', path: ['_entities', index, register], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      }
      if (answer.startsWith('in ')) return { [register]: { noKK: key, regionCode: answer.slice('in '.length) } };
      return { [register]: answer === 'held' ? { noKK: key } : null };
    });
    return Response.json({ data: { _entities: entities }, ...(errors.length > 0 ? { errors } : {}) });
  };
  return { fetcher, sent };
}

function outcome(answers: readonly (boolean | Error)[]) {
  return answers.map((answer) => (answer instanceof Error ? { message: answer.message, extensions: (answer as { extensions?: unknown }).extensions } : answer));
}

describe('the register directory over HTTP', () => {
  const principal = testPrincipal('caseworker', { regions: ['3171'] });

  it('when it probes the registers, then every request carries the principal and asks the client field for the key and, of a family, its village', async () => {
    const { fetcher, sent } = fakeRegisters({ dtks: { [INSIDE]: 'held' } });
    const directory = createHttpRegisterDirectory(URLS, () => fetcher);

    await directory.householdsHeld([INSIDE], principal);

    expect(sent).toEqual(
      (['dtks', 'regsosek', 'p3ke', 'kemendes', 'bpjs'] as const).map((register) => ({
        register,
        principal,
        query: `query RegisterHolds($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { ${register} { noKK regionCode } } } }`,
      })),
    );
  });

  it('when the villages of families are asked, then each comes from the first register holding it in the registers\' order, a refused one is FORBIDDEN and an unknown one null', async () => {
    const { fetcher } = fakeRegisters({ regsosek: { [INSIDE]: 'in 3171010002' }, kemendes: { [INSIDE]: 'in 3171010001' }, dtks: { [OUTSIDE]: 'forbidden' } });
    const directory = createHttpRegisterDirectory(URLS, () => fetcher);

    const answers = await directory.householdRegions([INSIDE, OUTSIDE, UNKNOWN], principal);

    expect(answers.map((answer) => (answer instanceof Error ? answer.message : answer))).toEqual(['3171010002', 'This family is outside your regions', null]);
  });

  it('when the registers refuse a family outside the regions, then that key is FORBIDDEN while held and unknown keys answer true and false', async () => {
    const { fetcher } = fakeRegisters({ dtks: { [INSIDE]: 'held', [OUTSIDE]: 'forbidden' }, regsosek: { [OUTSIDE]: 'forbidden' } });
    const directory = createHttpRegisterDirectory(URLS, () => fetcher);

    const answers = await directory.householdsHeld([INSIDE, OUTSIDE, UNKNOWN], principal);

    expect(outcome(answers)).toEqual([true, { message: 'This family is outside your regions', extensions: { code: 'FORBIDDEN' } }, false]);
  });

  it('when one register refuses a family another register gives, then it is held (the refusing register answers FORBIDDEN on its own field)', async () => {
    const { fetcher } = fakeRegisters({ dtks: { [OUTSIDE]: 'forbidden' }, p3ke: { [OUTSIDE]: 'held' } });
    const directory = createHttpRegisterDirectory(URLS, () => fetcher);

    expect(outcome(await directory.householdsHeld([OUTSIDE], principal))).toEqual([true]);
  });

  it('when one register refuses a family and another is down, then the key is FORBIDDEN rather than unavailable', async () => {
    const { fetcher } = fakeRegisters({ dtks: { [OUTSIDE]: 'forbidden' } }, ['regsosek']);
    const directory = createHttpRegisterDirectory(URLS, () => fetcher);

    expect(outcome(await directory.householdsHeld([OUTSIDE, UNKNOWN], principal))).toEqual([
      { message: 'This family is outside your regions', extensions: { code: 'FORBIDDEN' } },
      { message: 'The REGSOSEK register is unavailable', extensions: { code: 'SOURCE_UNAVAILABLE', source: 'REGSOSEK' } },
    ]);
  });

  it('when a register answers a key with an internal error (its store down), then that key is unavailable, not "not held"', async () => {
    const { fetcher } = fakeRegisters({ dtks: { [INSIDE]: 'failed' }, regsosek: { [INSIDE]: 'failed', [UNKNOWN]: 'failed' }, p3ke: { [INSIDE]: 'held' } });
    const directory = createHttpRegisterDirectory(URLS, () => fetcher);

    expect(outcome(await directory.householdsHeld([INSIDE, UNKNOWN], principal))).toEqual([
      true,
      { message: 'The REGSOSEK register is unavailable', extensions: { code: 'SOURCE_UNAVAILABLE', source: 'REGSOSEK' } },
    ]);
  });

  it('when a person is probed, then the client field `<reg> { nik }` is asked and a refusal is FORBIDDEN', async () => {
    const nik = '3172011203850001';
    const { fetcher, sent } = fakeRegisters({ regsosek: { [nik]: 'forbidden' } });
    const directory = createHttpRegisterDirectory(URLS, () => fetcher);

    const answers = await directory.personsHeld([nik], principal);

    expect({ answers: outcome(answers), queries: sent.map((request) => request.query) }).toEqual({
      answers: [{ message: 'This family is outside your regions', extensions: { code: 'FORBIDDEN' } }],
      queries: (['dtks', 'regsosek', 'p3ke', 'kemendes', 'bpjs'] as const).map(
        (register) => `query RegisterHolds($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { ${register} { nik } } } }`,
      ),
    });
  });
});
