import { parseResolveArguments } from '../../resolution/arguments';
import { run } from '../support/main-process';

describe('npm run resolve arguments', () => {
  it('when a period is given, then the run is tied to it; without one, to none', () => {
    expect([parseResolveArguments(['--period', '2026-12', '--wait']), parseResolveArguments([])]).toEqual([
      { kind: 'run', arguments: { wait: true, period: '2026-12' } },
      { kind: 'run', arguments: { wait: false, period: undefined } },
    ]);
  });

  it('when the period is no month, has no value, or an argument is unknown, then each is refused naming it', () => {
    expect([parseResolveArguments(['--period', '2026-13']), parseResolveArguments(['--period']), parseResolveArguments(['--perod', '2026-12'])]).toEqual([
      { kind: 'error', message: '--period must be a period as YYYY-MM, got "2026-13"' },
      { kind: 'error', message: "Option '--period <value>' argument missing" },
      { kind: 'error', message: expect.stringContaining("Unknown option '--perod'") },
    ]);
  });

  it('when the command is run with a period that is no month, then it exits 2 with the reason and its usage, before it reads any store', async () => {
    const started = run('resolution/cli.ts', { DATA_DIR: '/nonexistent/resolve-arguments' }, ['--period', '2026-13']);

    expect({ code: await started.exited, output: started.output() }).toEqual({
      code: 2,
      output: expect.stringMatching(/^--period must be a period as YYYY-MM, got "2026-13"\n\nUsage: npm run resolve -- \[--wait\] \[--period YYYY-MM\]/),
    });
  });
});
