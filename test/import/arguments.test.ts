import { parseExportArguments, parseImportArguments } from '../../import/arguments';

describe('parseImportArguments', () => {
  it('when a source and a file are given, then the default reject file and batch of 1000', () => {
    expect(parseImportArguments(['--source', 'dtks', 'export.csv'])).toEqual({
      kind: 'run',
      arguments: { register: 'dtks', file: 'export.csv', rejectsFile: null, batchSize: 1000 },
    });
  });

  it('when every option is given, then each is read', () => {
    expect(parseImportArguments(['--source', 'p3ke', 'in.csv', '--rejects', 'bad.csv', '--batch', '50'])).toEqual({
      kind: 'run',
      arguments: { register: 'p3ke', file: 'in.csv', rejectsFile: 'bad.csv', batchSize: 50 },
    });
  });

  it.each([
    [['in.csv'], '--source must be one of dtks, regsosek, p3ke, kemendes, bpjs, got ""'],
    [['--source', 'bps', 'in.csv'], '--source must be one of dtks, regsosek, p3ke, kemendes, bpjs, got "bps"'],
    [['--source', 'dtks'], 'Give exactly one CSV file to import'],
    [['--source', 'dtks', 'a.csv', 'b.csv'], 'Give exactly one CSV file to import'],
    [['--source', 'dtks', 'a.csv', '--batch', '0'], '--batch must be from 1 to 100000, got 0'],
    [['--source', 'dtks', 'a.csv', '--rejects', ''], '--rejects needs a file name'],
  ])('when the arguments are %j, then the error says %j', (argv, message) => {
    expect(parseImportArguments(argv)).toEqual({ kind: 'error', message });
  });

  it('when help is asked for, then help', () => {
    expect(parseImportArguments(['-h'])).toEqual({ kind: 'help' });
  });
});

describe('parseExportArguments', () => {
  it('when only the folder is given, then 5000 families of seed 1 in DKI Jakarta', () => {
    expect(parseExportArguments(['--out', 'samples'])).toEqual({ kind: 'run', arguments: { families: 5000, seed: 1, dir: 'samples', region: '31' } });
  });

  it('when a region is given, then the families live there', () => {
    expect(parseExportArguments(['--out', 'samples', '--region', '53'])).toEqual({ kind: 'run', arguments: { families: 5000, seed: 1, dir: 'samples', region: '53' } });
  });

  it.each([
    [[], '--out needs a folder'],
    [['--out', 'x', '--families', 'ten'], '--families must be an integer, got "ten"'],
    [['--out', 'x', '--region', '99'], '--region 99 is not a province or regency/city of Indonesia'],
  ])('when the arguments are %j, then the error says %j', (argv, message) => {
    expect(parseExportArguments(argv)).toEqual({ kind: 'error', message });
  });
});
