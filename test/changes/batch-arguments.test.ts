import { parseChangesArguments } from '../../subgraphs/changes/batch/arguments';
import { loadBatchConfig } from '../../subgraphs/changes/batch/config';

describe('npm run changes arguments and configuration', () => {
  it('when batch is given a period, with or without a folder, or applied alone, then each is read', () => {
    expect([
      parseChangesArguments(['batch', '--period', '2026-12']),
      parseChangesArguments(['batch', '--period', '2026-12', '--out', '/tmp/batches']),
      parseChangesArguments(['applied']),
      parseChangesArguments(['--help']),
    ]).toEqual([
      { kind: 'run', arguments: { command: 'batch', period: '2026-12', outDir: null } },
      { kind: 'run', arguments: { command: 'batch', period: '2026-12', outDir: '/tmp/batches' } },
      { kind: 'run', arguments: { command: 'applied' } },
      { kind: 'help' },
    ]);
  });

  it.each([
    [[], 'Give a command, batch or applied'],
    [['publish'], 'Give a command, batch or applied, not "publish"'],
    [['batch'], '--period must be a period as YYYY-MM, got ""'],
    [['batch', '--period', '2026-13'], '--period must be a period as YYYY-MM, got "2026-13"'],
    [['batch', '--period', '2026-12', '--out', ''], '--out needs a folder'],
    [['batch', '--period', '2026-12', 'extra'], 'Unexpected argument "extra"'],
    [['applied', '--period', '2026-12'], 'applied takes no --period or --out'],
  ])('when the arguments are %j, then the error says %j', (argv, message) => {
    expect(parseChangesArguments(argv)).toEqual({ kind: 'error', message });
  });

  it('when the stores are left to DATA_DIR, then the changes store, the registers of record and the default folder are there; a bad MYSQL_URL is named', () => {
    expect(loadBatchConfig({ DATA_DIR: '/srv/dtsen' })).toEqual({
      changesUrl: 'sqlite:/srv/dtsen/changes.sqlite',
      registerUrls: { dtks: 'sqlite:/srv/dtsen/dtks.sqlite', regsosek: 'sqlite:/srv/dtsen/regsosek.sqlite' },
      defaultOutDir: '/srv/dtsen/batches',
    });
    expect(() => loadBatchConfig({ MYSQL_URL: 'postgres://db' })).toThrow(/MYSQL_URL/);
  });
});
