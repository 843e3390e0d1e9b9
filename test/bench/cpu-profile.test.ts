import path from 'node:path';
import { summarise, type CpuProfile } from '../../bench/cpu-profile';

const GATEWAY_FILE = `file://${path.join(__dirname, '..', '..', 'gateway', 'server.ts')}`;

/** Idle for 1 s, a parse under a handler for 1 s, the handler alone for 1 s, then 1 s of garbage collection. */
const PROFILE: CpuProfile = {
  startTime: 0,
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 3, 4] },
    { id: 2, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
    { id: 3, callFrame: { functionName: 'handle', url: GATEWAY_FILE, lineNumber: 9 }, children: [5] },
    { id: 4, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
    { id: 5, callFrame: { functionName: 'parse', url: '/srv/node_modules/graphql/language/parser.js', lineNumber: 0 } },
  ],
  samples: [2, 5, 5, 3, 4],
  timeDeltas: [1e6, 0.5e6, 0.5e6, 1e6, 1e6],
};

describe('the CPU profile summary (bench/profile-summary.ts)', () => {
  it('when a window is given, then the busy time of every second is listed and the shares count only the samples inside it', () => {
    const summary = summarise(PROFILE, { from: 1, to: 3, top: 10, match: null });

    expect(summary.split('\n')).toEqual([
      'busy ms per second since the start: 1s:500 2s:500 3s:1000 4s:1000',
      '',
      '3.0 s sampled between 1 s and 3 s',
      '',
      'self, per package',
      ' 33.3%  (idle)',
      ' 33.3%  graphql',
      ' 33.3%  project: gateway',
      '',
      'self, per function',
      ' 33.3%  (idle) :0',
      ' 33.3%  parse graphql/language/parser.js:1',
      ' 33.3%  handle gateway/server.ts:10',
      '',
      'inclusive, per function',
      '100.0%  (root) :0',
      ' 66.7%  handle gateway/server.ts:10',
      ' 33.3%  (idle) :0',
      ' 33.3%  parse graphql/language/parser.js:1',
      '',
    ]);
  });

  it('when --match is given, then the inclusive rows are only the functions it matches', () => {
    const summary = summarise(PROFILE, { from: 0, to: Number.POSITIVE_INFINITY, top: 10, match: /gateway\// });

    expect(summary.split('\n').slice(summary.split('\n').indexOf('inclusive, per function'))).toEqual(['inclusive, per function', ' 50.0%  handle gateway/server.ts:10', '']);
  });
});
