import type { ImportState } from '../../../common/store/import-state';
import type { Register } from '../../../common/store-url';
import { createRegisterImports } from '../../../subgraphs/dtsen/register-imports';
import { testPrincipal } from '../../support/principals';

const IDLE: ImportState = { running: 0, lastChangeAt: '2026-12-01T00:00:00.000Z' };
const IMPORTING: ImportState = { running: 1, lastChangeAt: '2026-12-01T00:00:00.000Z' };

/** The registers' ledgers as a sequence of answers, each call counted. */
function ledgers(...answers: ReadonlyMap<Register, ImportState>[]) {
  let calls = 0;
  return {
    ask: async () => answers[Math.min(calls++, answers.length - 1)] ?? new Map(),
    calls: () => calls,
  };
}

describe("the registers' import states behind the index status", () => {
  const principal = testPrincipal('analyst');

  it('when requests come within the maximum age, then the registers are asked once, and requests at the same time share that call', async () => {
    const registers = ledgers(new Map([['dtks', IDLE]]));
    let clock = 0;
    const current = createRegisterImports(registers.ask, 5_000, () => clock);

    const together = await Promise.all([current(principal, 'a'), current(principal, 'b')]);
    clock = 4_999;
    const later = await current(principal, 'c');

    expect({ together: together.map((states) => [...states]), later: [...later], calls: registers.calls() }).toEqual({
      together: [[['dtks', IDLE]], [['dtks', IDLE]]],
      later: [['dtks', IDLE]],
      calls: 1,
    });
  });

  it('when the last answers are older than the maximum age, then the next request waits for new ones', async () => {
    const registers = ledgers(new Map([['dtks', IDLE]]), new Map([['dtks', IMPORTING]]));
    let clock = 0;
    const current = createRegisterImports(registers.ask, 5_000, () => clock);

    await current(principal, 'a');
    clock = 5_000;
    const after = await current(principal, 'b');

    expect({ after: [...after], calls: registers.calls() }).toEqual({ after: [['dtks', IMPORTING]], calls: 2 });
  });

  it('when a register hangs, then a request waits at most a second and goes on with the last answers', async () => {
    let clock = 0;
    let calls = 0;
    const current = createRegisterImports(
      async () => {
        calls += 1;
        if (calls === 1) return new Map([['dtks', IDLE]]);
        return new Promise<ReadonlyMap<Register, ImportState>>(() => undefined);
      },
      5_000,
      () => clock,
    );

    await current(principal, 'a');
    clock = 5_000;
    const started = Date.now();
    const states = await current(principal, 'b');

    expect({ states: [...states], waitedUnderTwoSeconds: Date.now() - started < 2_000, calls }).toEqual({ states: [['dtks', IDLE]], waitedUnderTwoSeconds: true, calls: 2 });
  });
});
