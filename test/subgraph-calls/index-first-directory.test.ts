import type { AuditRecord } from '../../common/store/audit-records';
import { indexFirstDirectory, type RegisterDirectory } from '../../subgraph-calls/register-directory';
import { testPrincipal } from '../support/principals';

const INDEXED = '3171010101250001';
const IMPORTED_SINCE = '3171010101250002';
const UNKNOWN = '3171010101259999';

/** A registers' directory that holds the indexed family and the one imported since, and records what it is asked. */
function registers() {
  const asked: string[][] = [];
  const directory: RegisterDirectory = {
    householdsHeld: async (noKKs) => {
      asked.push([...noKKs]);
      return noKKs.map((noKK) => noKK === INDEXED || noKK === IMPORTED_SINCE);
    },
    personsHeld: async (niks) => niks.map(() => true),
    memberRecords: async (_register, niks) => niks.map(() => []),
  };
  return { directory, asked };
}

/** An index holding `noKKs` whose audit trail keeps what is appended to it. */
function indexHolding(...noKKs: string[]) {
  const trail: AuditRecord[] = [];
  return { indexedHouseholds: async () => new Set(noKKs), appendAudit: async (entries: readonly AuditRecord[]) => void trail.push(...entries), trail };
}

describe('households held, asked of the index first', () => {
  it('when the index holds every family asked, then no register is asked and each is held', async () => {
    const { directory, asked } = registers();

    const held = await indexFirstDirectory(directory, indexHolding(INDEXED)).householdsHeld([INDEXED], testPrincipal('analyst'));

    expect({ held, asked }).toEqual({ held: [true], asked: [] });
  });

  it('when the index lacks some families, then the registers are asked about those only, and the answers keep the key order', async () => {
    const { directory, asked } = registers();

    const held = await indexFirstDirectory(directory, indexHolding(INDEXED)).householdsHeld([UNKNOWN, INDEXED, IMPORTED_SINCE], testPrincipal('analyst'));

    expect({ held, asked }).toEqual({ held: [false, true, true], asked: [[UNKNOWN, IMPORTED_SINCE]] });
  });

  it('when the principal is bound to regions, then the registers are asked, since they refuse families outside those regions', async () => {
    const { directory, asked } = registers();

    const held = await indexFirstDirectory(directory, indexHolding(INDEXED)).householdsHeld([INDEXED], testPrincipal('caseworker'));

    expect({ held, asked }).toEqual({ held: [true], asked: [[INDEXED]] });
  });

  it('when the index cannot be read, then the registers answer', async () => {
    const { directory, asked } = registers();
    const broken = { indexedHouseholds: async () => Promise.reject(new Error('index store down')), appendAudit: async () => undefined };

    const held = await indexFirstDirectory(directory, broken).householdsHeld([INDEXED, UNKNOWN], testPrincipal('analyst'));

    expect({ held, asked }).toEqual({ held: [true, false], asked: [[INDEXED, UNKNOWN]] });
  });

  it("when the index answers that a family is held, then it records the answer in its audit trail under the asking principal and request", async () => {
    const { directory } = registers();
    const index = indexHolding(INDEXED);

    await indexFirstDirectory(directory, index).householdsHeld([INDEXED, UNKNOWN], testPrincipal('analyst', { operation: 'Probe' }), undefined, 'request-9');

    expect(index.trail).toEqual([
      { at: expect.any(String), subject: 'test-analyst', organisation: 'Test organisation', purpose: 'automated tests', roles: ['analyst'], operation: 'Probe', requestId: 'request-9', nik: null, noKK: INDEXED },
    ]);
  });

  it('when the index cannot record its answer, then the registers answer (and record the look-up themselves)', async () => {
    const { directory, asked } = registers();
    const unrecording = { indexedHouseholds: async () => new Set([INDEXED]), appendAudit: async () => Promise.reject(new Error('disk full')) };

    const held = await indexFirstDirectory(directory, unrecording).householdsHeld([INDEXED], testPrincipal('analyst'));

    expect({ held, asked }).toEqual({ held: [true], asked: [[INDEXED]] });
  });
});
